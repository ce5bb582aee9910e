import { describe, expect, it } from "vitest";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { applyBins, binOf, fitBins } from "../../../../src/core/models/trees/binning.ts";
import { makeRng } from "../../../../src/core/random.ts";

/** A row-major matrix from columns. */
function matrix(...columns: number[][]): Matrix {
  const rows = columns[0].length;
  const cols = columns.length;
  const data = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) data[r * cols + c] = columns[c][r];
  return { data, rows, cols, names: columns.map((_, c) => `x${c}`) };
}

describe("fitBins / applyBins", () => {
  it("puts each distinct value in its own bin, edges at the midpoints, when there are few", () => {
    const X = matrix([3, 1, 2, 2, 10, 1]);
    const mapper = fitBins(X);
    expect(Array.from(mapper.thresholds[0])).toEqual([1.5, 2.5, 6.5]);
    expect(mapper.nBins[0]).toBe(4);
    expect(Array.from(applyBins(X, mapper).codes)).toEqual([2, 0, 1, 1, 3, 0]);
  });

  it("sends NaN to a dedicated missing bin (code nBins) and ignores it when placing edges", () => {
    const X = matrix([1, Number.NaN, 5, Number.NaN], [Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    const mapper = fitBins(X);
    expect(Array.from(mapper.thresholds[0])).toEqual([3]);
    expect(Array.from(mapper.nBins)).toEqual([2, 1]);
    const binned = applyBins(X, mapper);
    // Column-major codes: feature 0's four rows, then feature 1's.
    expect(Array.from(binned.codes)).toEqual([0, 2, 1, 2, 1, 1, 1, 1]);
  });

  it("caps the bins at maxBins with quantile edges when values are many", () => {
    const rng = makeRng(5);
    const values = Array.from({ length: 5000 }, () => rng.next() * 100);
    const X = matrix(values);
    const mapper = fitBins(X, 255);
    expect(mapper.nBins[0]).toBe(255);
    const edges = mapper.thresholds[0];
    for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1]);
    // Quantile bins hold about the same number of rows each (5000 / 255 ~ 19.6).
    const counts = new Array(255).fill(0);
    for (const c of applyBins(X, mapper).codes) counts[c]++;
    expect(Math.max(...counts)).toBeLessThanOrEqual(22);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(18);
    const small = fitBins(X, 16);
    expect(small.nBins[0]).toBe(16);
  });

  it("keeps bin <= b exactly when value <= thresholds[b], so trees can predict raw values", () => {
    const rng = makeRng(9);
    const values = Array.from({ length: 3000 }, () => Math.round(rng.next() * 1000) / 10);
    const mapper = fitBins(matrix(values), 64);
    const edges = mapper.thresholds[0];
    let mismatches = 0;
    for (let i = 0; i < 500; i++) {
      const v = Math.round(rng.next() * 1100 - 50) / 10;
      const bin = binOf(v, edges);
      for (let b = 0; b < edges.length; b++) if (bin <= b !== v <= edges[b]) mismatches++;
    }
    expect(mismatches).toBe(0);
    // applyBins (a branch-free search) agrees with binOf, infinities and exact edges included.
    const probes = [
      Number.NEGATIVE_INFINITY,
      -1,
      edges[0],
      edges[10],
      edges[62],
      55.55,
      1e9,
      Number.POSITIVE_INFINITY,
    ];
    const codes = applyBins(matrix(probes), mapper).codes;
    expect(Array.from(codes)).toEqual(probes.map((v) => binOf(v, edges)));
    expect(codes[probes.length - 1]).toBe(63);
  });

  it("bins only the given rows, in their order, and subsamples with a seed", () => {
    const X = matrix([5, 1, 4, 2, 3]);
    const mapper = fitBins(X, 255, { rows: [1, 3] });
    expect(Array.from(mapper.thresholds[0])).toEqual([1.5]);
    expect(Array.from(applyBins(X, mapper, [3, 1, 0]).codes)).toEqual([1, 0, 1]);
    const rng = makeRng(2);
    const big = matrix(Array.from({ length: 2000 }, () => rng.next()));
    const a = fitBins(big, 32, { subsample: 500, seed: 1 });
    const b = fitBins(big, 32, { subsample: 500, seed: 1 });
    const c = fitBins(big, 32, { subsample: 500, seed: 2 });
    expect(a.thresholds[0]).toEqual(b.thresholds[0]);
    expect(a.thresholds[0]).not.toEqual(c.thresholds[0]);
  });

  it("rejects a bin count outside 2..255 and a matrix of the wrong width", () => {
    const X = matrix([1, 2, 3]);
    expect(() => fitBins(X, 256)).toThrow(expect.objectContaining({ name: "ValidationError" }));
    expect(() => fitBins(X, 1)).toThrow(/invalid maxBins: 1/);
    expect(() => applyBins(matrix([1], [2]), fitBins(X))).toThrow(/2 columns, the bins were fitted on 1/);
  });
});
