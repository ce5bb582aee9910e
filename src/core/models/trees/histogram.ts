import type { BinnedMatrix } from "./binning.ts";

/**
 * Per-node histograms over binned features, as in LightGBM and scikit-learn's HistGradientBoosting:
 * one pass over a node's rows adds each row's statistics to the bin its value falls in, and the
 * larger child of a split gets its histogram as parent minus the smaller child.
 *
 * One histogram is a Float64Array. Feature f owns `nBins[f] + 1` slots (value bins, then the missing
 * bin) starting at `offsets[f]`; a slot holds `stride = channels + 2` numbers: the channel sums
 * (gradients, or minus the class weights), the weight (hessian) sum and the row count.
 */
export interface HistLayout {
  channels: number;
  stride: number;
  /** First number of each feature's block. */
  offsets: Int32Array;
  nBins: Int32Array;
  /** Numbers in one histogram. */
  size: number;
}

/** The layout of histograms over features with these value-bin counts. */
export function makeHistLayout(nBins: Int32Array, channels: number): HistLayout {
  const stride = channels + 2;
  const offsets = new Int32Array(nBins.length);
  let size = 0;
  for (let f = 0; f < nBins.length; f++) {
    offsets[f] = size;
    size += (nBins[f] + 1) * stride;
  }
  return { channels, stride, offsets, nBins, size };
}

/** Per-row statistics a tree is grown on. */
export interface RowStats {
  /** Channels = 1: the gradient of each row (for regression trees, minus weight times target). */
  grad?: Float64Array;
  /** Channels > 1: the class of each row; its channel gets minus the row's weight. */
  classes?: Int32Array;
  /** Hessian (boosting) or sample weight (trees) of each row. */
  hess: Float64Array;
  /**
   * Set when every row's hess is this value (squared error, unit weights): the kernels then skip
   * the weight sums and derive them from the counts, a third less work per row and feature.
   */
  constantHess?: number;
  /** Regression trees: the targets, for node variance and constant-target leaves. */
  y?: Float64Array;
}

/** Reusable gather buffers, so that the inner loops read the node's statistics in order. */
export interface HistScratch {
  g: Float64Array;
  h: Float64Array;
  c: Int32Array;
}

/** Gather buffers for nodes of up to `rows` rows. */
export function makeHistScratch(rows: number): HistScratch {
  return { g: new Float64Array(rows), h: new Float64Array(rows), c: new Int32Array(rows) };
}

/** Copies the node's row statistics into `scratch` in row order, once per node. */
export function gatherRows(
  rows: Uint32Array,
  start: number,
  end: number,
  stats: RowStats,
  scratch: HistScratch,
): void {
  const n = end - start;
  const { g, h, c } = scratch;
  const { grad, classes, hess } = stats;
  if (grad) {
    for (let j = 0; j < n; j++) {
      const r = rows[start + j];
      g[j] = grad[r];
      h[j] = hess[r];
    }
  } else if (classes) {
    for (let j = 0; j < n; j++) {
      const r = rows[start + j];
      c[j] = classes[r];
      h[j] = hess[r];
    }
  }
}

/** Row-major copy of column-major codes, for `buildHistogram`. */
export function rowMajorCodes(binned: BinnedMatrix): Uint8Array {
  const { codes, rows, cols } = binned;
  const out = new Uint8Array(rows * cols);
  for (let f = 0; f < cols; f++) {
    const col = f * rows;
    for (let r = 0; r < rows; r++) out[r * cols + f] = codes[col + r];
  }
  return out;
}

/** Turns `parent` into the sibling's histogram: parent minus `child`, over the whole layout. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, size: number): void {
  for (let i = 0; i < size; i++) parent[i] -= child[i];
}

/** Sums of the node's rows: channels, weight, count (length `stride`). */
export function sumRows(
  rows: Uint32Array,
  start: number,
  end: number,
  stats: RowStats,
  channels: number,
): Float64Array {
  const out = new Float64Array(channels + 2);
  const { grad, classes, hess } = stats;
  if (grad) {
    // The gradient path in locals (a boosting root is every training row, once per tree).
    let g = 0;
    let h = 0;
    for (let k = start; k < end; k++) {
      const r = rows[k];
      g += grad[r];
      h += hess[r];
    }
    out[0] = g;
    out[channels] = h;
  } else {
    for (let k = start; k < end; k++) {
      const r = rows[k];
      if (classes) out[classes[r]] -= hess[r];
      out[channels] += hess[r];
    }
  }
  out[channels + 1] = end - start;
  return out;
}

/** A free list of histograms, so that boosting allocates them once per fit, not per node. */
export class HistogramPool {
  private free: Float64Array[] = [];

  constructor(private readonly size: number) {}

  acquire(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.size);
  }

  release(hist: Float64Array | null): void {
    if (hist) this.free.push(hist);
  }
}
