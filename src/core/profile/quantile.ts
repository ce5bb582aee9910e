/**
 * Quantile of an ascending array by linear interpolation between the two nearest ranks: the
 * default of numpy.percentile and pandas `Series.quantile` (Hyndman & Fan type 7).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo];
  return a + (sorted[hi] - a) * (pos - lo);
}

/** Number of distinct values in an ascending array. */
export function distinctSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return 0;
  let d = 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) d++;
  return d;
}
