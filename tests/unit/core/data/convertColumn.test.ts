import { describe, expect, it } from "vitest";
import { convertColumn } from "../../../../src/core/data/convertColumn.ts";
import type { Column } from "../../../../src/core/data/frame.ts";
import { formatCell } from "../../../../src/core/data/preview.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { column } from "./helpers.ts";

const show = (c: Column) =>
  Array.from({ length: c.data.type === "float" ? c.data.values.length : c.data.codes.length }, (_, r) =>
    formatCell(c, r),
  );

async function sample() {
  const { frame } = await readCsvText(
    [
      "num,cat,when,flag,words",
      "1.5,3.25,2020-01-05,yes,red",
      "2,abc,2020-01-06 10:30:00,no,blue",
      '"",7,,yes,""',
      "1.5,1.234,2021-12-31,NA,red",
    ].join("\n"),
  );
  return frame;
}

describe("convertColumn", () => {
  it("numeric -> categorical uses the numbers' shortest text, and back gives the same values", async () => {
    const num = column(await sample(), "num");
    const cat = convertColumn(num, "categorical");
    expect(cat.kind).toBe("categorical");
    expect(cat.data.type).toBe("dict");
    expect(show(cat)).toEqual(["1.5", "2", null, "1.5"]);
    expect(cat).toMatchObject({ missing: 1, unique: 2 });
    const back = convertColumn(cat, "numeric");
    expect(back.data).toEqual(num.data);
    expect(back).toMatchObject({ kind: "numeric", missing: 1, unique: 2 });
  });

  it("categorical -> numeric parses levels; unparseable ones become missing", async () => {
    const num = convertColumn(column(await sample(), "cat"), "numeric");
    expect(num.data.type === "float" && Array.from(num.data.values)).toEqual([3.25, Number.NaN, 7, 1.234]);
    expect(num).toMatchObject({ missing: 1, unique: 3 });
  });

  it("reads decimal-comma levels when the point reading fails", async () => {
    const { frame } = await readCsvText("a\n3,14\nx\n", { delimiter: ";", decimal: "." });
    expect(frame.columns[0].data.type === "dict" && frame.columns[0].data.levels).toEqual(["3,14", "x"]);
    const num = convertColumn(frame.columns[0], "numeric");
    expect(num.data.type === "float" && Array.from(num.data.values)).toEqual([3.14, Number.NaN]);
  });

  it("datetime -> categorical -> datetime round-trips", async () => {
    const when = column(await sample(), "when");
    expect(when.kind).toBe("datetime");
    const text = convertColumn(when, "categorical");
    expect(show(text)).toEqual(["2020-01-05", "2020-01-06 10:30:00", null, "2021-12-31"]);
    expect(convertColumn(text, "datetime").data).toEqual(when.data);
  });

  it("categorical -> datetime parses levels, others missing", async () => {
    const { frame } = await readCsvText("d\n05/01/2020\n25/12/2020\nlater\n");
    const dt = convertColumn(frame.columns[0], "datetime");
    expect(show(dt)).toEqual(["2020-01-05", "2020-12-25", null]);
    expect(dt).toMatchObject({ kind: "datetime", missing: 1, unique: 2 });
  });

  it("numeric years and YYYYMMDD -> datetime", async () => {
    const { frame } = await readCsvText("y\n2019\n20200105\n3.5\n");
    expect(show(convertColumn(frame.columns[0], "datetime"))).toEqual(["2019-01-01", "2020-01-05", null]);
  });

  it("boolean -> categorical keeps the labels, and back", async () => {
    const flag = column(await sample(), "flag");
    expect(flag.kind).toBe("boolean");
    const cat = convertColumn(flag, "categorical");
    expect(show(cat)).toEqual(["yes", "no", "yes", null]);
    const back = convertColumn(cat, "boolean");
    expect(back.data).toEqual(flag.data);
    expect(back.labels).toEqual(["no", "yes"]);
  });

  it("numeric 0/1 -> boolean, other numbers missing", async () => {
    const { frame } = await readCsvText("f\n0\n1\n2\n1\n");
    const b = convertColumn(frame.columns[0], "boolean");
    expect(show(b)).toEqual(["0", "1", null, "1"]);
    expect(b).toMatchObject({ kind: "boolean", missing: 1, unique: 2, labels: ["0", "1"] });
  });

  it("-> text and -> id keep strings; numeric ids stay numbers; roles follow", async () => {
    const words = column(await sample(), "words");
    const text = convertColumn(words, "text");
    expect(text).toMatchObject({ kind: "text", role: "feature", missing: 1, unique: 2 });
    expect(show(text)).toEqual(show(words));
    const id = convertColumn(words, "id");
    expect(id).toMatchObject({ kind: "id", role: "id" });
    const numId = convertColumn(column(await sample(), "num"), "id");
    expect(numId.data.type).toBe("float");
    expect(convertColumn(numId, "numeric").role).toBe("feature");
  });

  it("keeps a target role", async () => {
    const col: Column = { ...column(await sample(), "words"), role: "target" };
    expect(convertColumn(col, "text").role).toBe("target");
  });

  it("does not change the input column", async () => {
    const num = column(await sample(), "num");
    const before = show(num);
    convertColumn(num, "boolean");
    convertColumn(num, "categorical");
    expect(show(num)).toEqual(before);
    expect(num.kind).toBe("numeric");
  });
});
