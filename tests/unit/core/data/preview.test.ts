import { describe, expect, it } from "vitest";
import type { Column, Frame } from "../../../../src/core/data/frame.ts";
import { formatCell, previewRows } from "../../../../src/core/data/preview.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";

const floatCol = (kind: Column["kind"], values: number[], labels?: [string, string]): Column => ({
  name: kind,
  kind,
  role: "feature",
  data: { type: "float", values: new Float64Array(values) },
  missing: 0,
  unique: 0,
  labels,
});

describe("formatCell", () => {
  it("shows numbers in shortest round-trip form and missing as null", () => {
    const c = floatCol("numeric", [0.1 + 0.2, 1e21, -0, 1234.5, Number.NaN, Infinity]);
    expect([0, 1, 2, 3, 4, 5].map((r) => formatCell(c, r))).toEqual([
      "0.30000000000000004",
      "1e+21",
      "0",
      "1234.5",
      null,
      "Infinity",
    ]);
  });

  it("shows datetimes as a date at midnight UTC, else with the time", () => {
    const c = floatCol("datetime", [Date.UTC(2012, 0, 1), Date.UTC(2012, 0, 1, 13, 45)]);
    expect(formatCell(c, 0)).toBe("2012-01-01");
    expect(formatCell(c, 1)).toBe("2012-01-01 13:45:00");
  });

  it("shows booleans with the file's labels", () => {
    const c = floatCol("boolean", [1, 0, Number.NaN], ["N", "Y"]);
    expect([0, 1, 2].map((r) => formatCell(c, r))).toEqual(["Y", "N", null]);
  });

  it("shows dictionary cells as their level", () => {
    const c: Column = {
      name: "c",
      kind: "categorical",
      role: "feature",
      data: { type: "dict", codes: new Int32Array([1, -1, 0]), levels: ["a", "b"] },
      missing: 1,
      unique: 2,
    };
    expect([0, 1, 2].map((r) => formatCell(c, r))).toEqual(["b", null, "a"]);
  });
});

describe("previewRows", () => {
  it("returns a clipped page of display rows", async () => {
    const { frame } = await readCsvText("d,n,b\n2020-01-01,1.5,yes\n2020-01-02,,no\n2020-01-03,3,yes\n");
    expect(previewRows(frame, 1, 10)).toEqual([
      ["2020-01-02", null, "no"],
      ["2020-01-03", "3", "yes"],
    ]);
    expect(previewRows(frame, 5, 3)).toEqual([]);
    expect(previewRows(frame, -2, 1)).toEqual([["2020-01-01", "1.5", "yes"]]);
  });

  it("handles a frame without rows", () => {
    const empty: Frame = { rows: 0, columns: [] };
    expect(previewRows(empty, 0, 10)).toEqual([]);
  });
});
