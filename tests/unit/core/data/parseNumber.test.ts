import { describe, expect, it } from "vitest";
import { parseNumberBytes, parseNumberText } from "../../../../src/core/data/parseNumber.ts";

describe("parseNumberText", () => {
  it.each([
    ["0", 0],
    ["42", 42],
    ["-17", -17],
    ["+3", 3],
    ["3.14", 3.14],
    ["-0.001", -0.001],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["2.5E-3", 0.0025],
    ["  12.5  ", 12.5],
    ["\t7", 7],
    ["inf", Infinity],
    ["-inf", -Infinity],
    ["Infinity", Infinity],
    ["-INFINITY", -Infinity],
    ["0.1", 0.1],
    ["123456789012345", 123456789012345],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it("matches Number() exactly, also past the fast path", () => {
    for (const text of [
      "0.30000000000000004",
      "1234567890123456789",
      "9007199254740993",
      "1.7976931348623157e308",
      "5e-324",
      "123.456e-30",
      "0.000001234567",
      "98765.4321",
    ]) {
      expect(parseNumberText(text), text).toBe(Number(text));
    }
  });

  it.each([
    "",
    "-",
    ".",
    "abc",
    "12abc",
    "1,234",
    "1.2.3",
    "1e",
    "e5",
    "--1",
    "007",
    "00123",
    "-007",
    "00.5",
    "nan",
    "1 2",
    "0x1f",
  ])("rejects %j", (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });

  it("reads -0 as negative zero", () => {
    expect(Object.is(parseNumberText("-0"), -0)).toBe(true);
  });
});

describe("decimal comma", () => {
  it.each([
    ["3,14", 3.14],
    ["-0,5", -0.5],
    ["1.234,5", 1234.5],
    ["1.234.567,89", 1234567.89],
    ["1.234", 1234],
    ["12", 12],
    ["1.5", 1.5],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumberText(text, true)).toBe(value);
  });

  it.each(["1,2,3", "1.23,4.5", "007", "1.23.456"])("rejects %j", (text) => {
    expect(parseNumberText(text, true)).toBeNaN();
  });
});

describe("parseNumberBytes", () => {
  it("reads a range inside a larger buffer", () => {
    const buf = new TextEncoder().encode("xx,12.75,yy");
    expect(parseNumberBytes(buf, 3, 8, false)).toBe(12.75);
  });
});
