import { quantileSorted } from "../creation/binEdges.ts";
import { criticalValue } from "./specialFunctions.ts";

/** Which features a method's own ("auto") rule keeps, and the score line that rule draws. */
export interface AutoCut {
  threshold: number;
  keep: boolean[];
}

/** Keeps the features scoring above `threshold` (or at least it, when `inclusive`). */
export function cutAbove(scores: ArrayLike<number>, threshold: number, inclusive = false): AutoCut {
  const keep = Array.from(scores, (s) => (inclusive ? s >= threshold : s > threshold));
  return { threshold, keep };
}

/**
 * Benjamini-Hochberg at false discovery rate `q` (scikit-learn's SelectFdr): with p-values
 * sorted, the largest p_(i) <= q i / m and every smaller one pass. The line is the statistic
 * whose p-value is that cut-off (`survival` maps a statistic to its p-value).
 */
export function fdrCut(
  stats: ArrayLike<number>,
  pValues: ArrayLike<number>,
  q: number,
  survival: (x: number) => number,
): AutoCut {
  const m = pValues.length;
  const sorted = Array.from(pValues, (p) => (Number.isNaN(p) ? 1 : p)).sort((a, b) => a - b);
  let cut = -1;
  sorted.forEach((p, i) => {
    if (p <= (q * (i + 1)) / m) cut = p;
  });
  const keep = Array.from(pValues, (p) => cut >= 0 && p <= cut);
  const threshold = criticalValue(survival, cut >= 0 ? cut : q / m);
  // The critical value is found by bisection: keep the line no higher than the weakest kept statistic.
  const weakest = Math.min(...Array.from(stats).filter((_, j) => keep[j]));
  return { threshold: Math.min(threshold, weakest), keep };
}

/** Keeps the top `k` scores (ties in column order); the line is the k-th best score. */
export function topK(scores: ArrayLike<number>, k: number): AutoCut {
  const order = Array.from(scores, (s, j) => [s, j] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const keep = new Array<boolean>(scores.length).fill(false);
  for (const [, j] of order.slice(0, k)) keep[j] = true;
  if (order.length === 0) return { threshold: 0, keep };
  return { threshold: k > 0 ? order[Math.min(k, order.length) - 1][0] : Infinity, keep };
}

/** The q-quantile (0..1) of some scores. */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}
