/**
 * Reference sketches: what a model keeps of its training data so that a new batch can be tested
 * for drift without the raw rows. One sketch per input column and one for the predictions.
 *
 * Numeric (numeric, datetime, boolean columns): up to EXACT_MAX values the sorted values
 * themselves; beyond, QUANTILES order statistics at evenly spaced ranks, taken from the sorted
 * column (deterministic, no sampling: the reference is in memory when the model is made). Their
 * CDF (`sketchCdf`) is off the true empirical CDF by at most 1 / (QUANTILES - 1) + 1 / n at any
 * point (rank error), tested on 1,000,000 rows. Also mean, population std, min, max, the
 * distinct count, exact value counts when there are at most VALUE_COUNTS_MAX distinct values, and
 * a HISTOGRAM_BINS equal-width histogram for pictures.
 * Categorical (categorical, text, id): counts per level, exact for the LEVELS_MAX most frequent
 * levels, the rest summed as "other".
 *
 * Size as JSON: a numeric column is at most ~11 KB (513 quantiles x ~20 characters, plus ~0.5 KB
 * of histogram and moments); a categorical one ~(level length + 8) bytes per level, at most
 * LEVELS_MAX levels (~20 KB for 1,000 twelve-letter levels).
 */
import { convertColumn } from "../data/convertColumn.ts";
import type { Column, ColumnKind } from "../data/frame.ts";
import { sortedPresent } from "../prep/stats.ts";

/** Up to this many values, a numeric sketch keeps them all (Evidently's "small reference"). */
export const EXACT_MAX = 1000;
/** Order statistics kept beyond EXACT_MAX values. */
export const QUANTILES = 513;
/** Value counts are kept when a numeric column has at most this many distinct values. */
export const VALUE_COUNTS_MAX = 20;
/** Levels counted exactly in a categorical sketch. */
export const LEVELS_MAX = 1000;
/** Bins of the picture histogram. */
export const HISTOGRAM_BINS = 20;

/** A numeric column's sketch. */
export interface NumericSketch {
  type: "numeric";
  /** Values present (not missing). */
  count: number;
  missing: number;
  mean: number;
  /** Population standard deviation (ddof 0, as numpy's std). */
  std: number;
  min: number;
  max: number;
  /** Distinct present values. */
  distinct: number;
  /** Sorted values when count <= EXACT_MAX. */
  values?: number[];
  /** Order statistics at ranks round(i (count - 1) / (QUANTILES - 1)) when count > EXACT_MAX. */
  quantiles?: number[];
  /** Distinct values (ascending) and their counts when distinct <= VALUE_COUNTS_MAX. */
  value_counts?: { values: number[]; counts: number[] };
  /** HISTOGRAM_BINS equal-width bins from min to max (the last one closed). */
  histogram: { edges: number[]; counts: number[] };
}

/** A categorical column's sketch. */
export interface CategoricalSketch {
  type: "categorical";
  count: number;
  missing: number;
  /** Most frequent first (ties in first-seen level order), at most LEVELS_MAX. */
  levels: string[];
  counts: number[];
  /** Rows whose level is beyond the first LEVELS_MAX, and how many such levels. */
  other: number;
  other_levels: number;
}

export type ColumnSketch = NumericSketch | CategoricalSketch;

/** A monotone map from a class's probability to its observed frequency (x ascending, y non-decreasing). */
export interface ClassCalibration {
  x: number[];
  y: number[];
}

/** The reference a model is monitored against. */
export interface ReferenceSketches {
  version: 1;
  /** Rows of the reference (the training rows). */
  rows: number;
  columns: { name: string; kind: ColumnKind; sketch: ColumnSketch }[];
  /** The model's predictions on the reference: labels (classification) or values (regression). */
  prediction: ColumnSketch;
  /**
   * Classification, when labelled held-out predictions were given (out-of-fold predictions of
   * the training rows): CBPE's calibration, one map (binary) or one per class.
   */
  calibration?: ClassCalibration[];
}

/** Kinds whose values are numbers. */
export const isNumericKind = (kind: ColumnKind) =>
  kind === "numeric" || kind === "datetime" || kind === "boolean";

/** Equal-width histogram of sorted values between their min and max. */
function histogram(sorted: Float64Array): { edges: number[]; counts: number[] } {
  const n = sorted.length;
  if (n === 0) return { edges: [], counts: [] };
  const lo = sorted[0];
  const hi = sorted[n - 1];
  const width = (hi - lo) / HISTOGRAM_BINS;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) =>
    i === HISTOGRAM_BINS ? hi : lo + i * width,
  );
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < n; i++) {
    const b = width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((sorted[i] - lo) / width)) : 0;
    counts[b]++;
  }
  return { edges, counts };
}

/** The sketch of a float array (NaN = missing). */
export function numericSketch(values: Float64Array): NumericSketch {
  const sorted = sortedPresent(values);
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i] - mean) ** 2;
  const distinctValues: number[] = [];
  const distinctCounts: number[] = [];
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct++;
      if (distinct <= VALUE_COUNTS_MAX) {
        distinctValues.push(sorted[i]);
        distinctCounts.push(0);
      }
    }
    if (distinct <= VALUE_COUNTS_MAX) distinctCounts[distinctCounts.length - 1]++;
  }
  const sketch: NumericSketch = {
    type: "numeric",
    count: n,
    missing: values.length - n,
    mean,
    std: n > 0 ? Math.sqrt(ss / n) : 0,
    min: n > 0 ? sorted[0] : 0,
    max: n > 0 ? sorted[n - 1] : 0,
    distinct,
    histogram: histogram(sorted),
  };
  if (n <= EXACT_MAX) sketch.values = Array.from(sorted);
  else
    sketch.quantiles = Array.from(
      { length: QUANTILES },
      (_, i) => sorted[Math.round((i * (n - 1)) / (QUANTILES - 1))],
    );
  if (distinct <= VALUE_COUNTS_MAX) sketch.value_counts = { values: distinctValues, counts: distinctCounts };
  return sketch;
}

/** The sketch of dictionary codes (-1 = missing) into `levels`. */
export function categoricalSketch(codes: Int32Array, levels: readonly string[]): CategoricalSketch {
  const counts = new Float64Array(levels.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) missing++;
    else counts[codes[i]]++;
  }
  const order = [...levels.keys()]
    .filter((c) => counts[c] > 0)
    .sort((a, b) => counts[b] - counts[a] || a - b);
  const kept = order.slice(0, LEVELS_MAX);
  let other = 0;
  for (const c of order.slice(LEVELS_MAX)) other += counts[c];
  return {
    type: "categorical",
    count: codes.length - missing,
    missing,
    levels: kept.map((c) => levels[c]),
    counts: kept.map((c) => counts[c]),
    other,
    other_levels: Math.max(0, order.length - LEVELS_MAX),
  };
}

/** A column read as `kind` (as the model's recipe reads it), then sketched. */
export function columnSketch(col: Column, kind: ColumnKind): ColumnSketch {
  const typed = col.kind === kind ? col : convertColumn(col, kind);
  return typed.data.type === "float"
    ? numericSketch(typed.data.values)
    : categoricalSketch(typed.data.codes, typed.data.levels);
}

/** Index of the first element > x in a sorted array-like. */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= x in a sorted array-like. */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Share of the sketched values <= x (`strict`: < x). Exact when the sketch keeps its values or
 * value counts; from the quantiles, linear between neighbouring order statistics, within
 * 1 / (QUANTILES - 1) + 1 / count of the truth.
 */
export function sketchCdf(s: NumericSketch, x: number, strict = false): number {
  if (s.count === 0) return 0;
  if (s.values) return (strict ? lowerBound(s.values, x) : upperBound(s.values, x)) / s.count;
  if (s.value_counts) {
    const { values, counts } = s.value_counts;
    const end = strict ? lowerBound(values, x) : upperBound(values, x);
    let c = 0;
    for (let i = 0; i < end; i++) c += counts[i];
    return c / s.count;
  }
  const q = s.quantiles!;
  const k = q.length - 1;
  const i = strict ? lowerBound(q, x) : upperBound(q, x);
  if (i === 0) return 0;
  if (i > k) return 1;
  // q[i - 1] <= x < q[i] (or < for strict): interpolate the rank between them.
  const lo = q[i - 1];
  const hi = q[i];
  const frac = hi > lo ? (x - lo) / (hi - lo) : 0;
  return Math.min(1, Math.max(0, (i - 1 + frac) / k));
}
