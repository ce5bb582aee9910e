import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./runCli.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (name: string) => `tests/fixtures/${name}`;

/** Runs the real command line (bin script through tsx) and collects its output. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/automl-playground.mjs", ...args],
      { cwd: root },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === "number" ? code : 1, stdout, stderr });
      },
    );
  });
}

describe("inspect (spawned)", () => {
  it("prints one JSON object with rows, delimiter, columns and problems", async () => {
    const { code, stdout, stderr } = await cli("inspect", fixture("penguins.csv"), "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.rows).toBe(344);
    expect(json.delimiter).toBe(",");
    expect(json.columns).toHaveLength(8);
    expect(json.columns[2]).toEqual({ name: "bill_length_mm", kind: "numeric", missing: 2, unique: 164 });
    expect(json.columns.find((c: { name: string }) => c.name === "sex")).toEqual({
      name: "sex",
      kind: "categorical",
      missing: 11,
      unique: 2,
    });
    expect(json.problems).toEqual([]);
  });

  it("lists problems with row, column and message", async () => {
    const { code, stdout } = await cli("inspect", "--json", fixture("csv/ragged.csv"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).problems).toEqual([
      { row: 3, column: null, message: "row 3 has 3 fields, expected 4" },
      { row: 4, column: null, message: "row 4 has 5 fields, expected 4" },
    ]);
  });

  it("prints an aligned table without --json", async () => {
    const { code, stdout } = await cli("inspect", fixture("csv/kinds.csv"));
    expect(code).toBe(0);
    expect(stdout).toContain("6 rows, 11 columns");
    expect(stdout).toMatch(/ {2}1 {2}row_id +id +0 +6/);
    expect(stdout).toContain('row 4: "abc" in a mostly numeric column');
  });

  it.each([
    ["a missing file", "tests/fixtures/nope.csv", /no such file/],
    ["a directory", "tests/fixtures", /folder/],
    ["an empty file", fixture("csv/empty.csv"), /^The file is empty\.$/],
    ["a header-only file", fixture("csv/header_only.csv"), /^The file has a header row but no data rows\.$/],
    ["a binary file", fixture("csv/binary.csv"), /^This looks like a binary file, not a text table\.$/],
  ])("exits 2 with one sentence for %s", async (_what, path, message) => {
    const { code, stdout, stderr } = await cli("inspect", path, "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exits 2 for an unknown command", async () => {
    const { code, stderr } = await cli("frobnicate");
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('Unknown command "frobnicate". Run "automl-playground help" for the list.');
  });
});

describe("main (in-process)", () => {
  it("prints help with no command", async () => {
    const { code, stdout } = await runCli();
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: automl-playground <command>");
    expect(stdout).toContain("inspect");
  });

  it("prints a command's help", async () => {
    const { code, stdout } = await runCli("help", "inspect");
    expect(code).toBe(0);
    expect(stdout).toContain("--json");
  });

  it("rejects bad arguments with exit 2", async () => {
    expect((await runCli("inspect")).code).toBe(2);
    expect((await runCli("inspect", "a.csv", "b.csv")).code).toBe(2);
    const bad = await runCli("inspect", fixture("iris.csv"), "--frob");
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toContain('Unknown option "--frob"');
  });

  it("drops ragged rows and forces a delimiter on request", async () => {
    const dropped = JSON.parse(
      (await runCli("inspect", fixture("csv/ragged.csv"), "--json", "--drop-ragged")).stdout,
    );
    expect(dropped.rows).toBe(2);
    const forced = JSON.parse(
      (await runCli("inspect", fixture("csv/tab.tsv"), "--json", "--delimiter", "tab")).stdout,
    );
    expect(forced.delimiter).toBe("\t");
    expect(forced.columns.map((c: { name: string }) => c.name)).toEqual(["a", "b", "c"]);
  });

  it("reports semicolon files with their decimal comma", async () => {
    const json = JSON.parse((await runCli("inspect", fixture("csv/semicolon_decimal.csv"), "--json")).stdout);
    expect(json).toMatchObject({ rows: 3, delimiter: ";", decimal: ",", encoding: "utf-8" });
    expect(json.columns[1]).toEqual({ name: "price", kind: "numeric", missing: 0, unique: 3 });
  });
});
