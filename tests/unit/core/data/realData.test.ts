import { createReadStream } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../../../src/core/data/readCsv.ts";
import { cells, column, fixturePath, floats, kinds } from "./helpers.ts";

const read = (name: string) => readCsv(createReadStream(fixturePath(name), { highWaterMark: 1 << 12 }));

describe("real datasets", () => {
  it("iris: four numeric measurements and a three-class target", async () => {
    const { frame, report } = await read("iris.csv");
    expect(frame.rows).toBe(150);
    expect(kinds(frame)).toEqual({
      "sepal length (cm)": "numeric",
      "sepal width (cm)": "numeric",
      "petal length (cm)": "numeric",
      "petal width (cm)": "numeric",
      target: "categorical",
    });
    expect(column(frame, "target").unique).toBe(3);
    expect(column(frame, "sepal length (cm)").unique).toBe(35);
    expect(floats(frame, "sepal length (cm)").slice(0, 3)).toEqual([5.1, 4.9, 4.7]);
    expect(report.problems).toEqual([]);
  });

  it("penguins: NA is missing", async () => {
    const { frame } = await read("penguins.csv");
    expect(frame.rows).toBe(344);
    const missing = Object.fromEntries(frame.columns.map((c) => [c.name, c.missing]));
    expect(missing).toEqual({
      species: 0,
      island: 0,
      bill_length_mm: 2,
      bill_depth_mm: 2,
      flipper_length_mm: 2,
      body_mass_g: 2,
      sex: 11,
      year: 0,
    });
    expect(column(frame, "sex")).toMatchObject({ kind: "categorical", unique: 2 });
    expect(column(frame, "year")).toMatchObject({ kind: "numeric", unique: 3 });
  });

  it("seattle-weather: the date column is a datetime", async () => {
    const { frame } = await read("seattle-weather.csv");
    expect(frame.rows).toBe(1461);
    const date = column(frame, "date");
    expect(date).toMatchObject({ kind: "datetime", missing: 0, unique: 1461 });
    expect(cells(frame, "date")[0]).toBe("2012-01-01");
    expect(floats(frame, "date")[1]).toBe(Date.UTC(2012, 0, 2));
    expect(column(frame, "weather")).toMatchObject({ kind: "categorical", unique: 5 });
  });

  it("credit_data: missing counts and kinds", async () => {
    const { frame, report } = await read("credit_data.csv");
    expect(frame.rows).toBe(4454);
    const missing = Object.fromEntries(
      frame.columns.filter((c) => c.missing > 0).map((c) => [c.name, c.missing]),
    );
    expect(missing).toEqual({ Home: 6, Marital: 1, Job: 2, Income: 381, Assets: 47, Debt: 18 });
    expect(kinds(frame)).toMatchObject({
      Status: "categorical",
      Records: "boolean",
      Income: "numeric",
      Home: "categorical",
    });
    expect(column(frame, "Records").labels).toEqual(["no", "yes"]);
    expect(report.problems).toEqual([]);
  });
});
