/** Small column statistics for fitting steps; every one skips NaN (missing). */
import { quantileSorted } from "../profile/quantile.ts";

/** The non-missing values, ascending. */
export function sortedPresent(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out.sort();
}

/** The non-missing values, in no particular order. */
function present(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out;
}

/**
 * Rearranges `a` in place so that a[k] is the value a sort would put there, everything before it
 * is <= a[k] and everything after it >= a[k] (Hoare's quickselect, median-of-three pivots):
 * linear time on average, several times faster than sorting a million values.
 */
function selectKth(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot keeps sorted and reversed input linear.
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Quantiles `ps` by linear interpolation between the two nearest ranks (numpy's default, as
 * quantileSorted), found by selection rather than sorting; NaN for an all-missing column.
 */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const a = present(values);
  const n = a.length;
  if (n === 0) return ps.map(() => Number.NaN);
  if (n <= 64) {
    a.sort();
    return ps.map((p) => quantileSorted(a, p));
  }
  return ps.map((p) => {
    const pos = (n - 1) * p;
    const k = Math.floor(pos);
    selectKth(a, k);
    const lower = a[k];
    if (k + 1 >= n || pos === k) return lower;
    // The next rank is the smallest value after position k.
    let upper = a[k + 1];
    for (let i = k + 2; i < n; i++) if (a[i] < upper) upper = a[i];
    return lower + (upper - lower) * (pos - k);
  });
}

/** Mean and population standard deviation (ddof 0, as scikit-learn's scalers), in two passes. */
export function meanStd(values: Float64Array): { mean: number; std: number; count: number } {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  if (count === 0) return { mean: Number.NaN, std: Number.NaN, count };
  const mean = sum / count;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  return { mean, std: Math.sqrt(ss / count), count };
}

/** Smallest and largest non-missing value (NaN when none). */
export function minMax(values: Float64Array): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? { min: Number.NaN, max: Number.NaN } : { min, max };
}

/** The most frequent non-missing value (ties: the smallest), NaN when none. */
export function modeOf(values: Float64Array): number {
  // Few distinct values (booleans, codes, small counts): one counting pass.
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length && counts.size <= 256; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) counts.set(v === 0 ? 0 : v, (counts.get(v === 0 ? 0 : v) ?? 0) + 1);
  }
  if (counts.size <= 256) {
    let best = Number.NaN;
    let bestCount = 0;
    for (const [v, c] of counts)
      if (c > bestCount || (c === bestCount && v < best)) [best, bestCount] = [v, c];
    return best;
  }
  const sorted = sortedPresent(values);
  let best = Number.NaN;
  let bestRun = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestRun) {
      bestRun = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}
