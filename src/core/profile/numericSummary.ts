import { sortFloat64 } from "../util/radixSort.ts";
import { type Histogram, histogramSorted } from "./histogram.ts";
import { moments } from "./moments.ts";
import { distinctSorted, quantileSorted } from "./quantile.ts";

/** Box plot summary: whiskers reach the furthest values within 1.5 IQR of the quartiles. */
export interface BoxSummary {
  lowerWhisker: number;
  q1: number;
  median: number;
  q3: number;
  upperWhisker: number;
  lowerFence: number;
  upperFence: number;
  /** Values outside the fences. */
  outliers: number;
  outliersLow: number;
  outliersHigh: number;
}

/**
 * Statistics of a numeric column over its finite values (exact, on all rows). Infinite values are
 * counted in `infinite` and left out of every other number.
 */
export interface NumericSummary {
  mean: number;
  /** Sample standard deviation (n - 1); null below 2 values. */
  std: number | null;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  iqr: number;
  /** Adjusted Fisher-Pearson skewness, as pandas `Series.skew()`; null below 3 values. */
  skewness: number | null;
  /** Excess kurtosis, as pandas `Series.kurt()`; null below 4 values. */
  kurtosis: number | null;
  zeros: number;
  /** Share of zeros among the non-missing values. */
  zerosShare: number;
  negatives: number;
  infinite: number;
  /** Every finite value is a whole number. */
  integer: boolean;
  histogram: Histogram;
  box: BoxSummary;
}

export interface NumericScan {
  /** Non-missing values (NaN is missing; infinities count). */
  count: number;
  distinct: number;
  /** Finite values ascending (a fresh copy, reused by callers that need order statistics). */
  sorted: Float64Array;
  /** null when there is no finite value. */
  summary: NumericSummary | null;
}

/** Copies the finite values out, sorts them once and reads every order statistic from that. */
export function summarizeNumeric(values: Float64Array): NumericScan {
  const n = values.length;
  const finite = new Float64Array(n);
  let k = 0;
  let infinite = 0;
  let count = 0;
  let zeros = 0;
  let negatives = 0;
  let integer = true;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    count++;
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
      infinite++;
      continue;
    }
    if (x === 0) zeros++;
    else if (x < 0) negatives++;
    if (integer && Math.floor(x) !== x) integer = false;
    finite[k++] = x === 0 ? 0 : x; // -0 sorts and hashes as 0
  }
  const sorted = sortFloat64(finite.subarray(0, k));
  const distinct = distinctSorted(sorted) + (infinite > 0 ? countInfinities(values) : 0);
  if (k === 0) return { count, distinct, sorted, summary: null };
  const m = moments(sorted);
  const q1 = quantileSorted(sorted, 0.25);
  const median = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  return {
    count,
    distinct,
    sorted,
    summary: {
      mean: m.mean,
      std: m.std,
      min: sorted[0],
      q1,
      median,
      q3,
      max: sorted[k - 1],
      iqr,
      skewness: m.skewness,
      kurtosis: m.kurtosis,
      zeros,
      zerosShare: zeros / count,
      negatives,
      infinite,
      integer,
      histogram: histogramSorted(sorted, iqr, integer),
      box: boxSorted(sorted, q1, median, q3),
    },
  };
}

function countInfinities(values: Float64Array): number {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === Number.POSITIVE_INFINITY) pos = 1;
    else if (values[i] === Number.NEGATIVE_INFINITY) neg = 1;
  }
  return pos + neg;
}

function boxSorted(sorted: Float64Array, q1: number, median: number, q3: number): BoxSummary {
  const iqr = q3 - q1;
  const lowerFence = q1 - 1.5 * iqr;
  const upperFence = q3 + 1.5 * iqr;
  const n = sorted.length;
  let lo = 0;
  while (lo < n && sorted[lo] < lowerFence) lo++;
  let hi = n - 1;
  while (hi >= 0 && sorted[hi] > upperFence) hi--;
  return {
    lowerWhisker: sorted[lo],
    q1,
    median,
    q3,
    upperWhisker: sorted[hi],
    lowerFence,
    upperFence,
    outliers: lo + (n - 1 - hi),
    outliersLow: lo,
    outliersHigh: n - 1 - hi,
  };
}
