import { describe, expect, it } from "vitest";
import { formatNumber, formatShare } from "../../../../src/core/util/format.ts";

describe("formatShare and formatNumber", () => {
  it("keep small shares visible and round the rest", () => {
    expect([0, 0.00045, 0.024, 0.14, 1].map(formatShare)).toEqual(["0%", "0.045%", "2.4%", "14%", "100%"]);
    expect([3, 2.34567, 1234.5678].map(formatNumber)).toEqual(["3", "2.35", "1230"]);
  });
});
