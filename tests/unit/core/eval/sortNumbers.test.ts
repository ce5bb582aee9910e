import { describe, expect, it } from "vitest";
import { rocAuc } from "../../../../src/core/eval/rocAuc.ts";
import { rocAucBinary, rocCurve } from "../../../../src/core/eval/rocCurve.ts";
import { KEPT_SCRATCH, RADIX_MIN, sortNumbers } from "../../../../src/core/util/sortNumbers.ts";

/** A seeded uniform generator on [0, 1). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("sortNumbers", () => {
  it("orders as Float64Array.prototype.sort on both paths, in a subarray, with -0, infinities, subnormals and values equal in their high words", () => {
    const next = rng(11);
    const shapes: ((i: number) => number)[] = [
      () => next(),
      () => Math.round((next() - 0.5) * 10),
      () => 0.5,
      () => (next() - 0.5) * 10 ** Math.floor(next() * 600 - 300),
      () => -next() * 1e-310,
      // Values that differ only in their low 32 bits: runs of equal high words, long and short.
      () => (next() < 0.5 ? -1 : 1) * (1 + Math.floor(next() * 40) * 2 ** -50),
      (i) => 0.25 + (i % 7) * 2 ** -45 + Math.floor(next() * 3) * 2 ** -20,
      () => Math.floor(next() * 1000) + Math.floor(next() * 3) * 2 ** -40,
    ];
    // Above KEPT_SCRATCH the scratch (and a long run's low words: shape 2) is the call's own.
    for (const n of [
      0,
      1,
      2,
      7,
      RADIX_MIN - 1,
      RADIX_MIN,
      RADIX_MIN + 1,
      5000,
      40_000,
      KEPT_SCRATCH + 7,
      300,
    ]) {
      for (const [s, shape] of shapes.entries()) {
        const values = Float64Array.from({ length: n }, (_, i) => shape(i));
        if (n > 3 && s % 2 === 0) values.set([-0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
        const expected = values.slice().sort();
        const host = new Float64Array(n + 3);
        host.set(values, 2);
        const view = host.subarray(2, 2 + n);
        sortNumbers(view);
        // The first row that differs (Object.is: -0 and +0 apart), -1 when none; a loop, not
        // toEqual, so that the large sizes stay quick.
        let differs = -1;
        for (let i = 0; i < n && differs < 0; i++) if (!Object.is(view[i], expected[i])) differs = i;
        expect(differs).toBe(-1);
        expect([host[0], host[1], host[n + 2]]).toEqual([0, 0, 0]);
      }
    }
  });
});

describe("unweighted ROC AUC", () => {
  /** The trapezoid over the curve's points: the path weighted scores take. */
  const byCurve = (positive: Float64Array, scores: Float64Array) => {
    const { fpr, tpr } = rocCurve(positive, scores);
    let area = 0;
    for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
    return area;
  };

  it("gives the curve's trapezoid to the bit, from scores and from a probability column, ties and one class included", () => {
    const next = rng(5);
    for (let t = 0; t < 400; t++) {
      const n = [1, 2, 40, 600, RADIX_MIN + 300][t % 5];
      const rate = [0.5, 0.05, 0, 1, 0.3][t % 5 === 0 ? Math.floor(next() * 5) : 0];
      const grid = [1, 3, 20, 1e9][t % 4];
      const positive = Float64Array.from({ length: n }, () => (next() < rate ? 1 : 0));
      const scores = Float64Array.from(positive, (y) => Math.round((next() + 0.3 * y - 0.5) * grid) / grid);
      const proba = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        proba[2 * i] = 1 - scores[i];
        proba[2 * i + 1] = scores[i];
      }
      const expected = byCurve(positive, scores);
      expect(Object.is(rocAucBinary(positive, scores), expected)).toBe(true);
      expect(Object.is(rocAuc(positive, proba, 2), expected)).toBe(true);
    }
  });

  it("gives the same area above the kept scratch's size, and after it on small calls", () => {
    const next = rng(9);
    for (const n of [KEPT_SCRATCH + 301, 700, KEPT_SCRATCH * 2, 50]) {
      const positive = Float64Array.from({ length: n }, () => (next() < 0.4 ? 1 : 0));
      const scores = Float64Array.from(positive, (y) => Math.round((next() + 0.3 * y) * 1000) / 1000);
      expect(Object.is(rocAucBinary(positive, scores), byCurve(positive, scores))).toBe(true);
    }
  });

  it("leaves scores with NaN to the row-order path", () => {
    const positive = Float64Array.from([1, 0, 1, 0, 1]);
    const scores = Float64Array.from([0.9, Number.NaN, 0.4, 0.3, 0.8]);
    expect(Object.is(rocAucBinary(positive, scores), byCurve(positive, scores))).toBe(true);
  });
});
