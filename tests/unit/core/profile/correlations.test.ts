import { describe, expect, it } from "vitest";
import { computeCorrelations } from "../../../../src/core/profile/correlations.ts";
import { correlationRatio, cramersV, cramersVOfTable } from "../../../../src/core/profile/cramersV.ts";
import { pearson, ranks, spearman } from "../../../../src/core/profile/pearson.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf } from "./frameOf.ts";

const f = (xs: number[]) => Float64Array.from(xs);

describe("pearson and spearman", () => {
  it("match known values", () => {
    expect(pearson(f([1, 2, 3, 4, 5]), f([2, 4, 5, 4, 5]))).toBeCloseTo(0.7745967, 6);
    expect(pearson(f([1, 2, 3]), f([6, 4, 2]))).toBeCloseTo(-1, 12);
    // y ranks with a tie: 5, 6, 7, 8, 7 -> 1, 2, 3.5, 5, 3.5 (scipy.stats.spearmanr gives 0.8207827).
    expect(Array.from(ranks(f([5, 6, 7, 8, 7])))).toEqual([1, 2, 3.5, 5, 3.5]);
    expect(spearman(f([1, 2, 3, 4, 5]), f([5, 6, 7, 8, 7]))).toBeCloseTo(0.8207827, 6);
    // Monotone but not linear: Spearman 1, Pearson less.
    expect(spearman(f([1, 2, 3, 4]), f([1, 10, 100, 1000]))).toBeCloseTo(1, 12);
    expect(pearson(f([1, 2, 3, 4]), f([1, 10, 100, 1000]))!).toBeLessThan(0.9);
  });

  it("use pairwise complete rows and re-rank them", () => {
    const x = f([1, 2, Number.NaN, 3, 4, 5, 6]);
    const y = f([2, 1, 100, 4, 3, Number.NaN, 8]);
    expect(pearson(x, y)).toBeCloseTo(pearson(f([1, 2, 3, 4, 6]), f([2, 1, 4, 3, 8]))!, 12);
    expect(spearman(x, y)).toBeCloseTo(0.8, 12); // ranks 1..5 vs 2,1,4,3,5
  });

  it("are null without spread or with too few rows", () => {
    expect(pearson(f([1, 1, 1]), f([1, 2, 3]))).toBeNull();
    expect(pearson(f([1]), f([2]))).toBeNull();
  });
});

describe("Cramér's V", () => {
  it("is |phi| on a 2x2 table without correction, and Bergsma-corrected by default", () => {
    // [[40, 10], [5, 45]]: phi = (40·45 - 10·5) / sqrt(50·50·45·55).
    const phi = (40 * 45 - 10 * 5) / Math.sqrt(50 * 50 * 45 * 55);
    expect(cramersVOfTable([40, 10, 5, 45], 2, false)).toBeCloseTo(phi, 12);
    const n = 100;
    const phi2c = phi * phi - 1 / (n - 1);
    const size = 2 - 1 / (n - 1);
    expect(cramersVOfTable([40, 10, 5, 45], 2)).toBeCloseTo(Math.sqrt(phi2c / (size - 1)), 12);
    // A weak association is corrected down to 0.
    expect(cramersVOfTable([10, 20, 30, 40], 2, false)).toBeCloseTo(0.0890871, 6);
    expect(cramersVOfTable([10, 20, 30, 40], 2)).toBe(0);
  });

  it("is 1 for a perfect association between code arrays and skips missing rows", () => {
    const a = { codes: Int32Array.from([0, 1, 2, 0, 1, 2, -1]), levels: 3 };
    const b = { codes: Int32Array.from([1, 2, 0, 1, 2, 0, 1]), levels: 3 };
    expect(cramersV(a, b, false)).toBeCloseTo(1, 12);
  });

  it("correlation ratio is 1 when the group fixes the value and 0 when group means agree", () => {
    const g = { codes: Int32Array.from([0, 0, 1, 1]), levels: 2 };
    expect(correlationRatio(g, f([1, 1, 5, 5]))).toBeCloseTo(1, 12);
    expect(correlationRatio(g, f([1, 5, 5, 1]))).toBeCloseTo(0, 12);
  });
});

describe("computeCorrelations", () => {
  it("builds symmetric matrices over numeric and categorical columns", () => {
    const frame = frameOf({
      a: [1, 2, 3, 4, 5, 6],
      b: [2, 1, 4, 3, 7, 8],
      c: ["x", "x", "y", "y", "z", "z"],
      d: ["p", "p", "q", "q", "r", "r"],
      flag: [true, false, true, false, true, false],
    });
    const c = computeCorrelations(frame);
    expect(c.pearson.columns).toEqual(["a", "b"]);
    expect(c.pearson.values[0][0]).toBe(1);
    expect(c.pearson.values[0][1]).toBeCloseTo(0.9014601, 6);
    expect(c.pearson.values[1][0]).toBe(c.pearson.values[0][1]);
    expect(c.spearman.values[0][1]).toBeCloseTo(0.8857143, 6);
    expect(c.cramersV.columns).toEqual(["c", "d", "flag"]);
    expect(c.cramersV.values[0][1]).toBeCloseTo(1, 12);
    expect(c.correlationRatio.numeric).toEqual(["a", "b"]);
    expect(c.correlationRatio.categorical).toEqual(["c", "d", "flag"]);
    expect(c.sampled).toBe(false);
    expect(c.sampleSize).toBe(6);
  });

  it("works on a seeded sample of large frames and says so", () => {
    const rng = makeRng(5);
    const x = Array.from({ length: 3000 }, () => rng.next());
    const frame = frameOf({ x, y: x.map((v) => 2 * v + 0.01 * rng.next()) });
    const c = computeCorrelations(frame, { sampleSize: 500, seed: 3 });
    expect(c).toMatchObject({ sampled: true, sampleSize: 500, rows: 3000, seed: 3 });
    expect(c.pearson.values[0][1]).toBeGreaterThan(0.999);
    expect(computeCorrelations(frame, { sampleSize: 500, seed: 3 })).toEqual(c);
  });
});
