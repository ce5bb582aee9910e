import { type Residuals, residuals } from "../../eval/residuals.ts";
import { sampleRows } from "../../profile/sample.ts";

/** Counts of values in equal-width bins. */
export interface Histogram {
  /** bins + 1 edges, ascending. */
  edges: Float64Array;
  counts: Float64Array;
}

/** Chart data of a regression model's predictions. */
export interface RegressionPlots {
  /** A seeded sample of at most `maxPoints` rows: frame row, actual and predicted value. */
  rows: Int32Array;
  actual: Float64Array;
  predicted: Float64Array;
  /** Residuals of the sampled rows (actual minus predicted), with their standardised form. */
  residuals: Residuals;
  /** Histogram of every row's residual. */
  residualHistogram: Histogram;
}

/** Equal-width histogram of the finite values with `bins` bins (one bin when all are equal). */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return { edges: new Float64Array(0), counts: new Float64Array(0) };
  const b = hi > lo ? Math.max(1, bins) : 1;
  const width = hi > lo ? (hi - lo) / b : 1;
  const edges = Float64Array.from({ length: b + 1 }, (_, i) =>
    i === b ? (hi > lo ? hi : lo + 1) : lo + i * width,
  );
  const counts = new Float64Array(b);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.min(b - 1, Math.floor((v - lo) / width))]++;
  }
  return { edges, counts };
}

/**
 * Predicted against actual points and residuals on a seeded sample of at most `maxPoints` rows
 * (default 2,000), and the histogram of all residuals (about sqrt(n) bins, 10 to 50).
 */
export function regressionPlots(
  rows: Int32Array,
  actual: Float64Array,
  predicted: Float64Array,
  opts: { maxPoints?: number; seed?: number; bins?: number } = {},
): RegressionPlots {
  const n = actual.length;
  const pick = sampleRows(n, opts.maxPoints ?? 2000, opts.seed ?? 0);
  const a = Float64Array.from(pick, (i) => actual[i]);
  const p = Float64Array.from(pick, (i) => predicted[i]);
  const all = Float64Array.from({ length: n }, (_, i) => actual[i] - predicted[i]);
  const bins = opts.bins ?? Math.min(50, Math.max(10, Math.round(Math.sqrt(n))));
  return {
    rows: Int32Array.from(pick, (i) => rows[i]),
    actual: a,
    predicted: p,
    residuals: residuals(a, p),
    residualHistogram: histogram(all, bins),
  };
}
