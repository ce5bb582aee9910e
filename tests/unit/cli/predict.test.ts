import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { predictionsCsv } from "../../../src/cli/predict.ts";
import { runCli } from "./runCli.ts";

/** Class labels that are keys of Object.prototype, and labels a spreadsheet would run. */
const CLASSES = ["__proto__", "constructor", "toString", "=cmd|' /C calc'!A0", "-1.5"];

describe("predictionsCsv", () => {
  it("gives every class its column, whatever its name, and neutralises formulas", () => {
    const proba = new Map(CLASSES.map((c, j) => [c, Float64Array.from([j / 10, 1 - j / 10])]));
    const csv = predictionsCsv({ predictions: [CLASSES[0], CLASSES[3]], proba });
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      "prediction",
      "proba___proto__",
      "proba_constructor",
      "proba_toString",
      "proba_=cmd|' /C calc'!A0",
      "proba_-1.5",
    ]);
    expect(rows[1]).toEqual(["__proto__", "0", "0.1", "0.2", "0.3", "0.4"]);
    expect(rows[2]).toEqual(["'=cmd|' /C calc'!A0", "1", "0.9", "0.8", "0.7", "0.6"]);
  });
});

describe("predict with hostile class labels (trained and scored through the CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "predict-hostile-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps __proto__, constructor and toString as classes with their probabilities", async () => {
    const labels = ["__proto__", "constructor", "toString"];
    const lines = ["x,y,label"];
    for (let i = 0; i < 90; i++) {
      const c = i % 3;
      lines.push(`${c * 10 + (i % 7) * 0.1},${(i * 37) % 11},${labels[c]}`);
    }
    const data = join(dir, "data.csv");
    writeFileSync(data, `${lines.join("\n")}\n`);
    const model = join(dir, "model.json");
    const trained = await runCli(
      "train",
      data,
      "--target",
      "label",
      "--models",
      "logistic",
      "--folds",
      "3",
      "--out",
      model,
      "--threads",
      "1",
    );
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
    const out = join(dir, "pred.csv");
    const pred = await runCli("predict", model, data, "--out", out);
    expect(pred.code).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(out, "utf8"), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["prediction", "proba___proto__", "proba_constructor", "proba_toString"]);
    expect(rows).toHaveLength(91);
    for (const r of rows.slice(1)) expect(Number(r[1]) + Number(r[2]) + Number(r[3])).toBeCloseTo(1, 5);
    // The classes are far apart in x: every row is predicted as its own label.
    expect(rows.slice(1).map((r) => r[0])).toEqual(rows.slice(1).map((_, i) => labels[i % 3]));
  });
});
