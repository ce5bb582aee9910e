import { describe, expect, it } from "vitest";
import { isMissingBytes, isMissingText } from "../../../../src/core/data/missing.ts";

const bytes = (s: string) => new TextEncoder().encode(s);
const MISSING = [
  "",
  "NA",
  "na",
  "N/A",
  "n/a",
  "null",
  "NULL",
  "Null",
  "NaN",
  "nan",
  "NAN",
  "?",
  "#N/A",
  "#n/a",
  "<NA>",
  "-nan",
  "-NaN",
];
const PRESENT = [
  "None",
  "none",
  "0",
  "N",
  "A",
  "nil",
  "-",
  "NA.",
  "n/a/",
  "nul",
  "#NA",
  "<NA",
  "nan1",
  "-na",
];

describe("missing markers", () => {
  it.each(MISSING)("%j is missing", (s) => {
    expect(isMissingText(s)).toBe(true);
    expect(isMissingText(`  ${s} `)).toBe(true);
    const b = bytes(s);
    expect(isMissingBytes(b, 0, b.length)).toBe(true);
  });

  it.each(PRESENT)("%j is a value", (s) => {
    expect(isMissingText(s)).toBe(false);
    const b = bytes(s);
    expect(isMissingBytes(b, 0, b.length)).toBe(false);
  });
});
