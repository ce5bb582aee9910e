import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { escapeControls, hasControls } from "../../../src/core/text/controlChars.ts";
import { HOSTILE } from "../core/safe/hostileInputs.ts";
import { runCli } from "./runCli.ts";

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** What a terminal must never receive from data: C0 but line feed, DEL, C1, bidi controls. */
const shownAsIs = (text: string) => hasControls(text.replaceAll("\n", ""));

/**
 * A file with every hostile text as a column name (numbers below it) and as the values of one
 * categorical column, written with a hostile file name as well. NUL is left out of the file: the
 * reader takes a NUL byte for a binary file and refuses it (tested in the reader's own tests).
 */
const cases = HOSTILE.filter((x) => !x.text.includes("\0"));
const dir = mkdtempSync(join(tmpdir(), "hostile-\u001b[2J-\u202e-"));
const file = join(dir, "data\u001b]0;pwned\u0007.csv");
const header = [...cases.map((x) => x.text), "category"];
const rows = cases.map((x, i) => [...cases.map((_, j) => String((i * (j + 3)) % 7)), x.text]);
writeFileSync(file, `${[header, ...rows].map((r) => r.map(quote).join(",")).join("\n")}\n`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("inspect and profile with hostile names and values", () => {
  it.each([
    ["inspect", []],
    ["profile", []],
    ["profile", ["--target", cases[1].text]],
  ])("%s %j prints control characters as visible escapes", async (command, extra) => {
    const { code, stdout, stderr } = await runCli(command, file, ...extra);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(shownAsIs(stdout)).toBe(false);
    // The names are there, escaped, on their own table lines.
    for (const x of cases) expect(stdout).toContain(escapeControls(x.text, true));
  });

  it.each(["inspect", "profile"])(
    "%s --json escapes them and gives the names back exactly",
    async (command) => {
      const { stdout } = await runCli(command, file, "--json");
      expect(shownAsIs(stdout)).toBe(false);
      const json = JSON.parse(stdout);
      expect(json.columns.map((c: { name: string }) => c.name)).toEqual(header);
    },
  );
});

describe("escapeControls", () => {
  it.each([
    ["\u001b[2J", "\\e[2J"],
    ["\u001b]0;t\u0007", "\\e]0;t\\x07"],
    ["\u009b31m", "\\x9b31m"],
    ["a\u007fb", "a\\x7fb"],
    ["x\u202Ey", "x\\u202ey"],
    ["\u2066\u2069", "\\u2066\\u2069"],
    ["a\rb", "a\\rb"],
    ["a\0b", "a\\x00b"],
    ["tab\tand\nline", "tab\tand\nline"],
    ["plain é ✓", "plain é ✓"],
  ])("shows %j as %j", (input, expected) => {
    expect(escapeControls(input)).toBe(expected);
  });

  it("puts tab and line feed on one line when asked", () => {
    expect(escapeControls("a\tb\nc", true)).toBe("a\\tb\\nc");
  });
});

describe("inspect with units and infinities", () => {
  it("names a column's unit and lists infinite values read as missing", async () => {
    const f = join(dir, "units.csv");
    writeFileSync(f, 'price,share,x\n"$2,023.00",74%,1\n$5,3%,inf\n-$1,0%,2\n');
    const { stdout } = await runCli("inspect", f);
    expect(stdout).toMatch(/price\s+numeric \(\$\)\s+0\s+3/);
    expect(stdout).toMatch(/share\s+numeric \(%\)/);
    expect(stdout).toContain(
      'column "x": 1 infinite value ("inf", "1e999" and the like) read as missing (row 3)',
    );
    const json = JSON.parse((await runCli("inspect", f, "--json")).stdout);
    expect(json.columns[0]).toEqual({ name: "price", kind: "numeric", unit: "$", missing: 0, unique: 3 });
  });
});
