import { describe, expect, it } from "vitest";
import {
  detectDayFirst,
  formatDate,
  parseDate,
  parseDateColumn,
} from "../../../../src/core/data/parseDate.ts";

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  Date.UTC(y, m - 1, d, h, mi, s, ms);

describe("parseDate", () => {
  it.each([
    ["2020-01-05", utc(2020, 1, 5)],
    ["2020-1-5", utc(2020, 1, 5)],
    ["2020/01/05", utc(2020, 1, 5)],
    ["2020-01", utc(2020, 1, 1)],
    ["2020-01-05T13:45", utc(2020, 1, 5, 13, 45)],
    ["2020-01-05 13:45:10", utc(2020, 1, 5, 13, 45, 10)],
    ["2020-01-05T13:45:10.25Z", utc(2020, 1, 5, 13, 45, 10, 250)],
    ["2020-01-05T13:45:00+02:00", utc(2020, 1, 5, 11, 45)],
    ["2020-01-05T13:45:00-0130", utc(2020, 1, 5, 15, 15)],
    ["05.01.2020", utc(2020, 1, 5)],
    ["Jan 5 2020", utc(2020, 1, 5)],
    ["January 5, 2020", utc(2020, 1, 5)],
    ["5 Jan 2020", utc(2020, 1, 5)],
    ["05-Jan-2020", utc(2020, 1, 5)],
    ["Sept 30 2021 4:05 PM", utc(2021, 9, 30, 16, 5)],
    ["2020-02-29", utc(2020, 2, 29)],
  ])("reads %j", (text, ms) => {
    expect(parseDate(text)).toBe(ms);
  });

  it("reads a/b/yyyy month-first unless told day-first", () => {
    expect(parseDate("01/02/2020")).toBe(utc(2020, 1, 2));
    expect(parseDate("01/02/2020", true)).toBe(utc(2020, 2, 1));
  });

  it.each([
    "2020",
    "20200105",
    "2019-02-29",
    "2020-13-01",
    "2020-01-32",
    "2020-01-05 25:00",
    "Foo 5 2020",
    "hello",
    "1/2/20",
  ])("rejects %j", (text) => {
    expect(parseDate(text)).toBeNaN();
  });
});

describe("detectDayFirst", () => {
  it("is day-first when a first part is over 12", () => {
    expect(detectDayFirst(["01/02/2020", "25/12/2020"])).toBe(true);
  });
  it("is month-first when a second part is over 12, or when all are ambiguous", () => {
    expect(detectDayFirst(["01/02/2020", "12/25/2020"])).toBe(false);
    expect(detectDayFirst(["01/02/2020", "03/04/2020"])).toBe(false);
  });
  it("is null when the column has both", () => {
    expect(detectDayFirst(["13/01/2020", "01/13/2020"])).toBeNull();
  });
});

describe("parseDateColumn", () => {
  it("parses every value under one order, or gives null", () => {
    expect(parseDateColumn(["03/04/2021", "25/12/2020"])).toEqual(
      new Float64Array([utc(2021, 4, 3), utc(2020, 12, 25)]),
    );
    expect(parseDateColumn(["2020-01-01", "soon"])).toBeNull();
    expect(parseDateColumn([])).toBeNull();
  });
});

describe("formatDate", () => {
  it("shows midnight UTC as a date and other times with seconds", () => {
    expect(formatDate(utc(2012, 1, 1))).toBe("2012-01-01");
    expect(formatDate(utc(2012, 1, 1, 13, 45))).toBe("2012-01-01 13:45:00");
    expect(formatDate(utc(2012, 1, 1, 13, 45, 0, 250))).toBe("2012-01-01 13:45:00.250");
    expect(formatDate(utc(1969, 12, 31))).toBe("1969-12-31");
  });
});
