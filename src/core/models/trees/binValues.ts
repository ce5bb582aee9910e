import type { Matrix } from "../estimator.ts";
import type { BinnedMatrix } from "./binning.ts";

/**
 * Per feature, the lowest (`lo`) and highest (`hi`) training value in each value bin (a bin with
 * no training value holds its lower edge in both, so that `lo` ascends). A bin of one distinct
 * value (a feature with at most `maxBins` of them) holds it in both.
 */
export interface BinValues {
  lo: Float64Array[];
  hi: Float64Array[];
}

/** The value range of every bin of `binned` (the codes of X's rows in order). */
export function binValues(X: Matrix, binned: BinnedMatrix, thresholds: Float64Array[]): BinValues {
  const lo: Float64Array[] = [];
  const hi: Float64Array[] = [];
  for (let f = 0; f < X.cols; f++) {
    const m = binned.nBins[f];
    const l = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
    const h = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
    columnRanges(X.data, X.cols, f, binned.codes, f * binned.rows, binned.rows, m, l, h);
    const edges = thresholds[f];
    for (let b = 0; b < m; b++) if (l[b] > h[b]) l[b] = h[b] = b > 0 ? edges[b - 1] : -Number.MAX_VALUE;
    lo.push(l);
    hi.push(h);
  }
  return { lo, hi };
}

/** Feature f's bin ranges (one loop of its own). */
function columnRanges(
  data: Float64Array | Float32Array,
  cols: number,
  f: number,
  codes: Uint8Array,
  at: number,
  rows: number,
  missing: number,
  lo: Float64Array,
  hi: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const c = codes[at + r];
    if (c === missing) continue;
    const v = data[r * cols + f];
    if (v < lo[c]) lo[c] = v;
    if (v > hi[c]) hi[c] = v;
  }
}
