import { describe, expect, it } from "vitest";
import { looksLikeIdName } from "../../../../src/core/data/inferKind.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { cells, column, fixtureBytes, floats, kinds, readChunked } from "./helpers.ts";

const oneColumn = async (name: string, values: string[]) => {
  const { frame, report } = await readCsvText(`${name}\n${values.join("\n")}\n`);
  return { col: frame.columns[0], frame, report };
};

describe("type inference on a mixed file", () => {
  it("gives every column its kind and role", async () => {
    const { frame, report } = await readChunked(fixtureBytes("csv/kinds.csv"));
    expect(kinds(frame)).toEqual({
      row_id: "id",
      price: "numeric",
      flag01: "numeric",
      zip: "categorical",
      year: "numeric",
      when: "datetime",
      answer: "boolean",
      city: "categorical",
      note: "text",
      code: "id",
      amount: "categorical",
    });
    expect(column(frame, "row_id").role).toBe("id");
    expect(column(frame, "code").role).toBe("id");
    expect(column(frame, "price").role).toBe("feature");
    expect(cells(frame, "zip")).toEqual(["007", "01234", "007", "94105", "01234", "10001"]);
    expect(column(frame, "answer").labels).toEqual(["no", "yes"]);
    expect(floats(frame, "answer")).toEqual([1, 0, 1, 0, 1, 0]);
    expect(floats(frame, "when")[0]).toBe(Date.UTC(2020, 0, 5));
    expect(report.problems).toEqual([
      { type: "mixed_types", row: 4, column: "amount", message: 'row 4: "abc" in a mostly numeric column' },
    ]);
  });
});

describe("numbers", () => {
  it("keeps 0/1 numeric", async () => {
    expect((await oneColumn("flag", ["0", "1", "1", "0"])).col.kind).toBe("numeric");
  });

  it("keeps 4-digit years numeric", async () => {
    const { col } = await oneColumn("year", ["2019", "2020", "2021", "2022", "2023", "2024"]);
    expect(col.kind).toBe("numeric");
  });

  it("makes unique integers an id only by name or as a 0..n-1 / 1..n run", async () => {
    expect((await oneColumn("customer_id", ["17", "3", "99"])).col.kind).toBe("id");
    expect((await oneColumn("userId", ["17", "3", "99"])).col.kind).toBe("id");
    expect((await oneColumn("ID", ["17", "3", "99"])).col.kind).toBe("id");
    expect((await oneColumn("n", ["3", "1", "2", "5", "4"])).col.kind).toBe("id");
    expect((await oneColumn("price", ["120", "95", "310", "42", "77"])).col.kind).toBe("numeric");
    expect((await oneColumn("paid", ["120", "95", "310"])).col.kind).toBe("numeric");
    expect((await oneColumn("id", ["1", "2", "2"])).col.kind).toBe("numeric");
    expect((await oneColumn("id", ["1.5", "2.5", "3.5"])).col.kind).toBe("numeric");
  });

  it("counts missing and distinct values", async () => {
    const { col } = await oneColumn("x", ["1.5", '""', "1.5", "NA", "-0", "0", "2e3"]);
    expect(col.kind).toBe("numeric");
    expect(col.missing).toBe(2);
    expect(col.unique).toBe(3); // 1.5, 0 (and -0), 2000
  });

  it("treats leading-zero codes as strings without a mixed-types report", async () => {
    const { col, report } = await oneColumn("zip", ["02134", "10001", "02134", "94105", "10001"]);
    expect(col.kind).toBe("categorical");
    expect(report.problems).toEqual([]);
  });
});

describe("mixed types", () => {
  it("types a column from all rows: one word late in a long numeric column makes it categorical", async () => {
    const values = Array.from({ length: 5000 }, (_, i) => String(i % 97));
    values[4321] = "abc";
    const { col, report } = await oneColumn("n", values);
    expect(col.kind).toBe("categorical");
    expect(col.unique).toBe(98);
    expect(report.problems).toEqual([
      { type: "mixed_types", row: 4323, column: "n", message: 'row 4323: "abc" in a mostly numeric column' },
    ]);
  });

  it("keeps the earlier numbers as their text", async () => {
    const { frame } = await oneColumn("n", ["1.50", "2", "x", "1.5"]);
    expect(cells(frame, "n")).toEqual(["1.5", "2", "x", "1.5"]);
  });

  it("does not report words with a few numbers among them", async () => {
    const { col, report } = await oneColumn("size", ["S", "M", "L", "XL", "42"]);
    expect(col.kind).toBe("categorical");
    expect(report.problems).toEqual([]);
  });
});

describe("strings", () => {
  it("finds booleans in any of the usual spellings, keeping the file's labels", async () => {
    for (const [values, labels] of [
      [
        ["true", "false", "TRUE"],
        ["false", "true"],
      ],
      [
        ["Yes", "No", "Yes"],
        ["No", "Yes"],
      ],
      [
        ["Y", "N", "N"],
        ["N", "Y"],
      ],
      [
        ["t", "f"],
        ["f", "t"],
      ],
    ] as const) {
      const { col } = await oneColumn("b", [...values]);
      expect(col.kind, values.join()).toBe("boolean");
      expect(col.labels).toEqual(labels);
    }
  });

  it("does not mix spelling pairs into one boolean", async () => {
    expect((await oneColumn("b", ["yes", "no", "true"])).col.kind).toBe("categorical");
  });

  it("decides day-first vs month-first per column", async () => {
    const dayFirst = await readChunked(fixtureBytes("csv/dates_dayfirst.csv"));
    expect(column(dayFirst.frame, "d").kind).toBe("datetime");
    expect(cells(dayFirst.frame, "d")).toEqual(["2020-02-01", "2020-12-25", "2021-04-03"]);
    const monthFirst = await readChunked(fixtureBytes("csv/dates_monthfirst.csv"));
    expect(cells(monthFirst.frame, "d")).toEqual(["2020-01-02", "2020-12-25", "2021-03-04"]);
  });

  it("reads ISO datetimes, dotted and named dates", async () => {
    const { frame } = await readChunked(fixtureBytes("csv/dates_formats.csv"));
    expect(kinds(frame)).toEqual({
      iso_dt: "datetime",
      dotted: "datetime",
      named: "datetime",
      named2: "datetime",
    });
    expect(cells(frame, "iso_dt")).toEqual([
      "2012-01-01 13:45:00",
      "2012-01-02 08:00:00",
      "2012-01-02 22:00:00",
    ]);
    expect(cells(frame, "dotted")).toEqual(["2020-01-05", "2020-12-31", "2021-06-01"]);
    expect(cells(frame, "named")).toEqual(["2020-01-05", "2020-01-06", "2021-03-01"]);
    expect(cells(frame, "named2")).toEqual(["2020-01-05", "2020-02-06", "2021-03-01"]);
  });

  it("leaves a column with one non-date as categorical", async () => {
    expect((await oneColumn("d", ["2020-01-01", "2020-01-02", "soon"])).col.kind).toBe("categorical");
  });

  it("makes unique short strings without spaces an id", async () => {
    const { col } = await oneColumn("ref", ["a7f3", "b912", "c004", "d5e1"]);
    expect(col.kind).toBe("id");
    expect(col.role).toBe("id");
    const names = Array.from({ length: 25 }, (_, i) =>
      `name${String.fromCharCode(97 + i)}`.replace(/\d/g, ""),
    );
    expect((await oneColumn("who", names)).col.kind).toBe("id");
  });

  it("keeps a handful of distinct words categorical in a small file", async () => {
    expect((await oneColumn("size", ["S", "M", "L"])).col.kind).toBe("categorical");
    expect((await oneColumn("key", ["alpha", "beta", "gamma"])).col.kind).toBe("id");
  });

  it("keeps repeated strings categorical and long distinct ones text", async () => {
    expect((await oneColumn("c", ["red", "blue", "red", "green"])).col.kind).toBe("categorical");
    const prose = [
      "It rained all day long",
      "Sunny with a light breeze",
      "Cold and windy evening",
      "Fog until noon",
    ];
    expect((await oneColumn("t", prose)).col.kind).toBe("text");
  });

  it("counts distinct strings and missing cells", async () => {
    const { col } = await oneColumn("c", ["a", "b", '""', "a", "N/A", "c"]);
    expect(col).toMatchObject({ kind: "categorical", missing: 2, unique: 3 });
  });

  it("keeps quoted spaces but trims unquoted ones", async () => {
    const { frame } = await readCsvText('a,b\n x ,1\n" x ",2\nx,3\n');
    expect(cells(frame, "a")).toEqual(["x", " x ", "x"]);
  });
});

describe("looksLikeIdName", () => {
  it.each(["id", "ID", "Id", "user_id", "userId", "customerID", "key", "uuid", "index", "order id"])(
    "%s is an id name",
    (n) => {
      expect(looksLikeIdName(n)).toBe(true);
    },
  );
  it.each(["paid", "valid", "idea", "width", "kid", "price"])("%s is not", (n) => {
    expect(looksLikeIdName(n)).toBe(false);
  });
});
