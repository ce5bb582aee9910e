import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRng } from "../../../src/core/random.ts";
import { runCli } from "./runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "profile-cli-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("profile", () => {
  it("frames iris as multiclass with accuracy and gives exact column statistics", async () => {
    const { code, stdout, stderr } = await runCli(
      "profile",
      "tests/fixtures/iris.csv",
      "--target",
      "target",
      "--json",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.rows).toBe(150);
    expect(json.delimiter).toBe(",");
    expect(json.task).toBe("multiclass");
    expect(json.metric).toBe("accuracy");
    expect(json.reasons.length).toBeGreaterThan(0);
    const sepal = json.columns.find((c: { name: string }) => c.name === "sepal length (cm)");
    expect(sepal.kind).toBe("numeric");
    expect(sepal.stats.numeric.mean).toBeCloseTo(5.8433, 4);
    expect(sepal.stats.numeric.std).toBeCloseTo(0.8281, 4);
    expect(json.alerts.every((a: { type: string }) => typeof a.type === "string")).toBe(true);
  });

  it("is exploration only without a target", async () => {
    const { code, stdout } = await runCli("profile", "tests/fixtures/iris.csv", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.task).toBeNull();
    expect(json.metric).toBeNull();
  });

  it("raises an alert for each planted problem", async () => {
    const rng = makeRng(3);
    const lines = ["row_id,constant,x,noise,label,label_copy"];
    for (let i = 0; i < 200; i++) {
      const x = (rng.next() * 10).toFixed(3);
      const label = rng.next() < 0.5 ? "yes" : "no";
      lines.push(`${i + 1},same,${x},${rng.next().toFixed(4)},${label},${label === "yes" ? 1 : 0}`);
    }
    for (let i = 0; i < 5; i++) lines.push(lines[10 + i].replace(/^\d+/, String(201 + i)));
    const path = file("planted.csv", `${lines.join("\n")}\n`);
    const { code, stdout } = await runCli("profile", path, "--target", "label", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.task).toBe("binary");
    expect(json.metric).toBe("roc_auc");
    const has = (type: string, column: string | null) =>
      json.alerts.some(
        (a: { type: string; column: string | null }) => a.type === type && a.column === column,
      );
    expect(has("constant", "constant")).toBe(true);
    expect(has("id_like", "row_id")).toBe(true);
    expect(has("leakage", "label_copy")).toBe(true);
    expect(json.alerts.some((a: { type: string }) => a.type === "duplicates")).toBe(true);
    expect(has("leakage", "x")).toBe(false);
  });

  it("exits 2 with a plain sentence for a target that cannot be learned", async () => {
    const one = file("one.csv", "a,y\n1,k\n2,k\n3,k\n");
    const oneClass = await runCli("profile", one, "--target", "y", "--json");
    expect(oneClass.code).toBe(2);
    expect(oneClass.stdout).toBe("");
    expect(oneClass.stderr).toMatch(/only one value/i);
    const unknown = await runCli("profile", one, "--target", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no column named "nope"/);
    const empty = await runCli("profile", file("empty.csv", ""), "--json");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty/i);
  });
});
