import { describe, expect, it } from "vitest";
import { findDuplicateRows } from "../../../../src/core/profile/duplicates.ts";
import { frameOf } from "./frameOf.ts";

describe("findDuplicateRows", () => {
  it("counts rows equal to an earlier row in every column, missing equal to missing", () => {
    const frame = frameOf({
      x: [1, 2, 1, 1, null, null, -0],
      c: ["a", "b", "a", "b", null, null, "a"],
    });
    // Row 2 repeats row 0, row 5 repeats row 4, and row 6 (-0, "a") is not row 0 (1, "a").
    const d = findDuplicateRows(frame);
    expect(d.count).toBe(2);
    expect(d.share).toBeCloseTo(2 / 7, 12);
    expect(d.examples).toEqual([
      { row: 2, sameAs: 0 },
      { row: 5, sameAs: 4 },
    ]);
  });

  it("treats -0 as 0 and can ignore identifier columns", () => {
    const frame = frameOf({ id: [1, 2, 3], x: [0, -0, 5] });
    expect(findDuplicateRows(frame).count).toBe(0);
    const d = findDuplicateRows(frame, { ignore: new Set(["id"]) });
    expect(d.count).toBe(1);
    expect(d.ignored).toEqual(["id"]);
  });

  it("finds no duplicates among distinct rows at scale", () => {
    const n = 20_000;
    const frame = frameOf({
      a: Array.from({ length: n }, (_, i) => i % 100),
      b: Array.from({ length: n }, (_, i) => Math.floor(i / 100)),
    });
    expect(findDuplicateRows(frame).count).toBe(0);
  });
});
