import { describe, expect, it } from "vitest";
import { convertColumn } from "../../../../src/core/data/convertColumn.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { cells, column, readChunked } from "./helpers.ts";

/** Spellings of infinity a CSV may hold (pandas, R, numpy, Excel exports, overflow). */
const SPELLINGS = [
  "inf",
  "Infinity",
  "-inf",
  "-Infinity",
  "INF",
  "+inf",
  "1e999",
  "-1e999",
  "1.5e400",
  '"inf"',
];

describe("infinite values in a numeric column", () => {
  it.each(SPELLINGS)("reads %j as missing and reports its row", async (spelling) => {
    const { frame, report } = await readCsvText(`x,y\n1,a\n${spelling},b\n3,c\n`);
    const x = column(frame, "x");
    expect(x.kind).toBe("numeric");
    expect(cells(frame, "x")).toEqual(["1", null, "3"]);
    expect(x.missing).toBe(1);
    expect(x.unique).toBe(2);
    expect(report.problemCounts.infinite).toBe(1);
    expect(report.problems).toEqual([
      {
        type: "infinite",
        row: 3,
        column: "x",
        message: 'column "x": 1 infinite value ("inf", "1e999" and the like) read as missing (row 3)',
      },
    ]);
  });

  it("lists each column's rows in file lines, across chunks and multi-line records", async () => {
    const lines = ["a,b,note"];
    for (let i = 0; i < 30; i++) {
      const a = i % 7 === 3 ? "inf" : String(i);
      const b = i === 5 || i === 20 ? "-1e999" : `${i}.5`;
      // A quoted line break: the next record starts one line later.
      lines.push(`${a},${b},${i === 10 ? '"two\nlines"' : "n"}`);
    }
    for (const size of [1, 7, 1 << 16]) {
      const { frame, report } = await readChunked(`${lines.join("\n")}\n`, size);
      expect(column(frame, "a").missing).toBe(4);
      expect(column(frame, "b").missing).toBe(2);
      const byColumn = new Map(report.problems.map((p) => [p.column, p]));
      // Data row i is on line i + 2, one more after the record that spans two lines.
      expect(byColumn.get("a")!.message).toBe(
        'column "a": 4 infinite values ("inf", "1e999" and the like) read as missing (rows 5, 12, 20, 27)',
      );
      expect(byColumn.get("b")!.message).toMatch(/2 infinite values .* \(rows 7, 23\)$/);
      expect(byColumn.get("a")!.row).toBe(5);
    }
  });

  it("names the first ten rows and counts the rest", async () => {
    const body = Array.from({ length: 25 }, (_, i) => (i % 2 ? "inf" : String(i))).join("\n");
    const { report } = await readCsvText(`x\n${body}\n`);
    expect(report.problems[0].message).toMatch(
      /12 infinite values .* \(rows 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, and 2 more\)$/,
    );
  });

  it("leaves a text column's 'inf' alone: it is a word there", async () => {
    const { frame, report } = await readCsvText("x\ninf\nfoo\nbar\ninf\n");
    expect(column(frame, "x").kind).toBe("categorical");
    expect(cells(frame, "x")).toEqual(["inf", "foo", "bar", "inf"]);
    expect(report.problemCounts.infinite).toBeUndefined();
  });

  it("reads NaN as missing without a problem, as pandas does", async () => {
    const { frame, report } = await readCsvText("x\n1\nNaN\nnan\n2\n");
    expect(cells(frame, "x")).toEqual(["1", null, null, "2"]);
    expect(report.problems).toEqual([]);
  });

  it("makes infinities missing when text is turned numeric by hand", async () => {
    const { frame } = await readCsvText("x\n1\ninf\nfoo\n");
    const num = convertColumn(column(frame, "x"), "numeric");
    expect(Array.from((num.data as { values: Float64Array }).values)).toEqual([1, Number.NaN, Number.NaN]);
    expect(num.missing).toBe(2);
  });
});
