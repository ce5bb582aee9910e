import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField, csvText, writeCsv } from "../../../../src/core/data/writeCsv.ts";
import { HOSTILE } from "../safe/hostileInputs.ts";

/** How a spreadsheet would take a cell: a formula when it starts with one of these. */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

describe("csvText", () => {
  it.each([
    ["=1+1", `"'=1+1"`],
    ["+1+1", `"'+1+1"`],
    ["-1+1", `"'-1+1"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
    ["-", `"'-"`],
    ['=HYPERLINK("http://x.test")', `"'=HYPERLINK(""http://x.test"")"`],
    ["-1.5", "-1.5"],
    ["+3", "+3"],
    ["-2e-4", "-2e-4"],
    ["a,b", `"a,b"`],
    ["a;=1+1", `"a;=1+1"`],
    ['say "hi"', `"say ""hi"""`],
    ["line\nbreak", `"line\nbreak"`],
    ["plain", "plain"],
    ["a=b", "a=b"],
  ])("writes %j as %s", (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  it("writes numbers as numbers, a negative one included, and non-finite ones as empty", () => {
    expect([-1.5, 0, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, null].map(csvField)).toEqual([
      "-1.5",
      "0",
      "1e-7",
      "",
      "",
      "",
    ]);
  });
});

describe("writeCsv with hostile values", () => {
  it("gives back every value (a formula with its leading quote) and no cell a spreadsheet would evaluate", () => {
    const texts = HOSTILE.map((x) => x.text);
    const csv = writeCsv(
      texts,
      texts.map((t, i) => [t, ...texts.slice(1).map((_, j) => (j === 0 ? -i - 0.5 : t))]),
    );
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(texts.length + 1);
    for (const row of parsed) {
      expect(row).toHaveLength(texts.length);
      for (const cell of row) expect(FORMULA.test(cell) && !NUMBER.test(cell)).toBe(false);
    }
    const back = (cell: string) =>
      cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
    expect(parsed[0].map(back)).toEqual(texts);
    parsed.slice(1).forEach((row, i) => {
      expect(back(row[0])).toBe(texts[i]);
      expect(Number(row[1])).toBe(-i - 0.5);
    });
  });
});
