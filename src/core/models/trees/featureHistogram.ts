import type { BinnedMatrix } from "./binning.ts";
import type { HistLayout, HistScratch, RowStats } from "./histogram.ts";
import type { SplitCandidate, SplitFinder } from "./splitFinder.ts";

/** A node with fewer than one row per this many bins lists its non-empty bins instead of scanning all. */
export const SPARSE_RATIO = 4;

// One feature's histogram built from a node's rows: for nodes without a whole-node histogram
// (forests drawing features per node, and small nodes), in a scratch histogram left zeroed after use.

/**
 * Adds the node's rows `rows[start..end)` to feature f's block of `hist` (which the caller has
 * zeroed), reading statistics gathered by `gatherRows` and the feature's column-major codes.
 */
export function addFeature(
  hist: Float64Array,
  layout: HistLayout,
  binned: BinnedMatrix,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  stats: RowStats,
  scratch: HistScratch,
): void {
  const base = layout.offsets[f];
  const col = f * binned.rows;
  const codes = binned.codes;
  const n = end - start;
  const { g, h, c } = scratch;
  const S = layout.stride;
  if (stats.grad) {
    for (let j = 0; j < n; j++) {
      const p = base + codes[col + rows[start + j]] * 3;
      hist[p] += g[j];
      hist[p + 1] += h[j];
      hist[p + 2] += 1;
    }
  } else {
    for (let j = 0; j < n; j++) {
      const p = base + codes[col + rows[start + j]] * S;
      hist[p + c[j]] -= h[j];
      hist[p + S - 2] += h[j];
      hist[p + S - 1] += 1;
    }
  }
}

/**
 * For nodes with few rows per bin: as `addFeature`, and also lists the non-empty value bins in
 * `touched` (ascending; returns how many), so that scanning and re-zeroing skip the empty ones.
 */
export function addFeatureSparse(
  hist: Float64Array,
  layout: HistLayout,
  binned: BinnedMatrix,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  stats: RowStats,
  scratch: HistScratch,
  touched: Int32Array,
): number {
  const codes = binned.codes;
  const col = f * binned.rows;
  const missing = layout.nBins[f];
  const S = layout.stride;
  const C = layout.channels;
  const base = layout.offsets[f];
  const { g, h, c } = scratch;
  const gradient = stats.grad !== undefined;
  let count = 0;
  for (let k = start, j = 0; k < end; k++, j++) {
    const b = codes[col + rows[k]];
    const p = base + b * S;
    if (hist[p + C + 1] === 0 && b !== missing) touched[count++] = b;
    if (gradient) hist[p] += g[j];
    else hist[p + c[j]] -= h[j];
    hist[p + C] += h[j];
    hist[p + C + 1] += 1;
  }
  sortSmall(touched, count);
  return count;
}

/** Insertion sort of a[0..n): the lists are short (fewer than a node's rows). */
function sortSmall(a: Int32Array, n: number): void {
  if (n > 48) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** Zeroes feature f's block. */
export function clearFeature(hist: Float64Array, layout: HistLayout, f: number): void {
  const base = layout.offsets[f];
  hist.fill(0, base, base + (layout.nBins[f] + 1) * layout.stride);
}

/** Zeroes the listed value bins and the missing bin of feature f. */
export function clearBins(
  hist: Float64Array,
  layout: HistLayout,
  f: number,
  bins: Int32Array,
  count: number,
): void {
  const S = layout.stride;
  const base = layout.offsets[f];
  for (let j = 0; j < count; j++) {
    const p = base + bins[j] * S;
    for (let k = 0; k < S; k++) hist[p + k] = 0;
  }
  const miss = base + layout.nBins[f] * S;
  for (let k = 0; k < S; k++) hist[miss + k] = 0;
}

/** What a one-feature scan reads: the grower's binned data, layout, finder and scratch. */
export interface FeatureScan {
  layout: HistLayout;
  binned: BinnedMatrix;
  finder: SplitFinder;
  scratch: HistScratch;
  /** Feature-sized histogram, zero between calls. */
  hist: Float64Array;
  /** Room for one feature's bin numbers (256). */
  touched: Int32Array;
}

/** A grower's scan state, its feature-sized histogram zeroed and ready. */
export function makeFeatureScan(
  layout: HistLayout,
  binned: BinnedMatrix,
  finder: SplitFinder,
  scratch: HistScratch,
): FeatureScan {
  return {
    layout,
    binned,
    finder,
    scratch,
    hist: new Float64Array(layout.size),
    touched: new Int32Array(256),
  };
}

/**
 * Feature f's histogram built from the node's rows `rows[start..end)`, scanned for a better split
 * than `best`, then zeroed again; a node with few rows per bin lists its non-empty bins instead.
 * Returns whether the feature varies in the node (TreeGrower's and CartGrower's exact scan).
 */
export function scanFeature(
  scan: FeatureScan,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  sums: Float64Array,
  score: number,
  stats: RowStats,
  best: SplitCandidate,
): boolean {
  const { layout, binned, finder, scratch, hist, touched } = scan;
  if ((end - start) * SPARSE_RATIO < layout.nBins[f]) {
    const count = addFeatureSparse(hist, layout, binned, f, rows, start, end, stats, scratch, touched);
    const missingRows = hist[layout.offsets[f] + layout.nBins[f] * layout.stride + layout.stride - 1];
    const varies = count + (missingRows > 0 ? 1 : 0) >= 2;
    if (varies) finder.scanBins(hist, f, touched, count, sums, score, best);
    clearBins(hist, layout, f, touched, count);
    return varies;
  }
  addFeature(hist, layout, binned, f, rows, start, end, stats, scratch);
  const varies = finder.scan(hist, f, sums, score, best);
  clearFeature(hist, layout, f);
  return varies;
}
