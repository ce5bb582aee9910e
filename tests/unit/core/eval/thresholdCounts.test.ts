import { describe, expect, it } from "vitest";
import { rocAucBinary } from "../../../../src/core/eval/rocCurve.ts";
import { thresholdCounts } from "../../../../src/core/eval/thresholdCounts.ts";

/** A seeded table of labels and scores with many ties (scores on a coarse grid). */
function table(n: number, seed: number, grid: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const positive = new Float64Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    positive[i] = next() < 0.3 ? 1 : 0;
    scores[i] = Math.round((next() + 0.4 * positive[i]) * grid) / grid;
  }
  return { positive, scores };
}

describe("thresholdCounts", () => {
  it("gives the same thresholds and counts without weights as through the row order (weights of 1)", () => {
    for (const [n, seed, grid] of [
      [1, 1, 10],
      [2, 2, 1],
      [50, 3, 4],
      [1000, 4, 20],
      [5000, 5, 1e6],
    ]) {
      const { positive, scores } = table(n, seed, grid);
      const fast = thresholdCounts(positive, scores);
      const slow = thresholdCounts(positive, scores, new Float64Array(n).fill(1));
      expect(fast).toEqual(slow);
      expect(rocAucBinary(positive, scores)).toBe(
        rocAucBinary(positive, scores, new Float64Array(n).fill(1)),
      );
    }
  });

  it("merges equal scores of both classes into one threshold, highest first, infinities included", () => {
    const c = thresholdCounts([1, 0, 1, 0, 0, 1], [0.5, 0.5, Infinity, -Infinity, 0.2, 0.2]);
    expect(Array.from(c.thresholds)).toEqual([Infinity, 0.5, 0.2, -Infinity]);
    expect(Array.from(c.tps)).toEqual([1, 2, 3, 3]);
    expect(Array.from(c.fps)).toEqual([0, 1, 2, 3]);
    expect([c.positives, c.negatives]).toEqual([3, 3]);
    // Hand-computed: of the 9 (positive, negative) pairs 6 are ranked right and 2 tied (0.5/0.5,
    // 0.2/0.2), so (6 + 2 / 2) / 9.
    expect(rocAucBinary([1, 0, 1, 0, 0, 1], [0.5, 0.5, Infinity, -Infinity, 0.2, 0.2])).toBeCloseTo(
      7 / 9,
      15,
    );
  });

  it("takes the row-order path when a score is NaN, as before", () => {
    const c = thresholdCounts([1, 0, 1], [0.3, Number.NaN, 0.9]);
    expect(c.positives + c.negatives).toBe(3);
  });
});
