import type { Matrix } from "../estimator.ts";
import {
  applyBins,
  type BinMapper,
  type BinnedMatrix,
  checkMaxBins,
  distinctEdges,
  featureEdges,
  sampleRows,
} from "./binning.ts";

/**
 * The rows of a model matrix made on demand, a block of rows at a time (a fold job makes them by
 * putting raw rows through its fitted recipe), for inputs too big to hold whole: a model that
 * bins its input reads the blocks once and keeps only the uint8 codes, never the Float64 matrix.
 */
export interface RowSource {
  rows: number;
  cols: number;
  names: string[];
  /**
   * Calls `visit` with the matrix of `rows` (row numbers of this source, ascending), in order and
   * in consecutive blocks; `k0` is the position in `rows` of the block's first row.
   */
  forEachBlock(rows: Uint32Array, visit: (block: Matrix, k0: number) => void): void;
}

/** Numbers gathered at once while fitting bins (as binning.ts: 2M doubles = 16 MB). */
const GATHER_BUDGET = 2_000_000;

/** Rows fitBins looks at per feature, as its default. */
const SUBSAMPLE = 200_000;

/**
 * `fitBins` then `applyBins` on the `rows` of a source, with the same edges and codes as on the
 * whole matrix: the same seeded subsample, each feature's edges from the same values (see
 * `sourceEdges`), and the codes of each block copied into place.
 */
export function binSource(
  source: RowSource,
  maxBins: number,
  opts: { seed?: number; rows: Uint32Array; into?: (nBins: Int32Array) => Uint8Array | null },
): { mapper: BinMapper; binned: BinnedMatrix } {
  const { cols } = source;
  checkMaxBins(maxBins);
  // In a function of its own: its gather buffer (up to 16 MB) is garbage before the codes are made.
  const mapper = sourceEdges(source, maxBins, opts.rows, opts.seed ?? 0);
  const { nBins, thresholds } = mapper;
  const n = opts.rows.length;
  // `into`: storage for the codes made once the bins are known (a grower's memory, see boost.ts).
  const codes = opts.into?.(nBins) ?? new Uint8Array(n * cols);
  // One block's codes at a time, in one reused buffer (blocks come at most this size after the first).
  let scratch = new Uint8Array(0);
  source.forEachBlock(opts.rows, (block, k0) => {
    if (scratch.length < block.rows * cols) scratch = new Uint8Array(block.rows * cols);
    const b = applyBins(block, mapper, undefined, scratch.subarray(0, block.rows * cols));
    for (let f = 0; f < cols; f++) codes.set(b.codes.subarray(f * b.rows, (f + 1) * b.rows), f * n + k0);
  });
  return { mapper, binned: { codes, rows: n, cols, nBins, thresholds } };
}

/**
 * fitBins' edges on the `rows` of a source. A first pass over the seeded subsample finds each
 * feature's distinct values while there are at most `maxBins` of them (one-hot and indicator
 * columns, small integers): their edges are those values' midpoints, as binEdges takes them from
 * the sorted values. Only the features with more are gathered, each one's values in row order, a
 * few features a pass over the sampled rows (within GATHER_BUDGET, in one reused buffer), and
 * binned where they lie (featureEdges). On a one-hot table that is 3 passes of the recipe's blocks
 * where a pass per group of every feature took 6 (1M x 20, 54 features, 16 continuous).
 */
function sourceEdges(source: RowSource, maxBins: number, rows: Uint32Array, seed: number): BinMapper {
  const { cols } = source;
  const sample = rows.length > SUBSAMPLE ? sampleRows(rows, SUBSAMPLE, seed) : rows;
  const m = sample.length;
  const few = distinctValues(source, sample, maxBins);
  const thresholds: Float64Array[] = new Array(cols);
  const nBins = new Int32Array(cols);
  const many: number[] = [];
  for (let f = 0; f < cols; f++) {
    const d = few.values[f];
    if (d) thresholds[f] = distinctEdges(d, few.counts[f]);
    else many.push(f);
  }
  if (many.length > 0) {
    // As few passes as GATHER_BUDGET allows, the features shared evenly between them.
    const most = Math.max(1, Math.min(many.length, Math.floor(GATHER_BUDGET / Math.max(1, m))));
    const passes = Math.ceil(many.length / most);
    const group = Math.ceil(many.length / passes);
    const gathered = new Float64Array(m * group);
    for (let p0 = 0; p0 < many.length; p0 += group) {
      const feats = many.slice(p0, p0 + group);
      const g = feats.length;
      source.forEachBlock(sample, (block, k0) => {
        const d = block.data;
        for (let i = 0; i < block.rows; i++) {
          const from = i * cols;
          for (let q = 0; q < g; q++) gathered[q * m + k0 + i] = d[from + feats[q]];
        }
      });
      for (let q = 0; q < g; q++)
        thresholds[feats[q]] = featureEdges(gathered.subarray(q * m, (q + 1) * m), maxBins);
    }
  }
  for (let f = 0; f < cols; f++) nBins[f] = thresholds[f].length + 1;
  return { thresholds, nBins };
}

/**
 * Per feature, its distinct non-missing values over the `rows` of a source, ascending (the first
 * `counts[f]` of `values[f]`), or null once it has more than `maxBins` of them. Values equal under
 * `===` are one (-0 and 0: the first seen stands for both).
 */
function distinctValues(
  source: RowSource,
  rows: Uint32Array,
  maxBins: number,
): { values: (Float64Array | null)[]; counts: Int32Array } {
  const { cols } = source;
  const values: (Float64Array | null)[] = Array.from({ length: cols }, () => new Float64Array(maxBins));
  const counts = new Int32Array(cols);
  // The last value each feature added or found: one-hot columns repeat theirs most of the time.
  const last = new Float64Array(cols).fill(Number.NaN);
  source.forEachBlock(rows, (block) => {
    const d = block.data;
    for (let f = 0; f < cols; f++) {
      const set = values[f];
      if (!set) continue;
      let n = counts[f];
      let seen = last[f];
      for (let i = 0; i < block.rows; i++) {
        const v = d[i * cols + f];
        if (v === seen || Number.isNaN(v)) continue;
        // Where v goes among the n sorted values (binary search).
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (set[mid] < v) lo = mid + 1;
          else hi = mid;
        }
        seen = v;
        if (lo < n && set[lo] === v) continue;
        if (n === maxBins) {
          n = -1;
          break;
        }
        set.copyWithin(lo + 1, lo, n);
        set[lo] = v;
        n++;
      }
      if (n < 0) values[f] = null;
      else {
        counts[f] = n;
        last[f] = seen;
      }
    }
  });
  return { values, counts };
}

/** The `rows` of a source (ascending) as one row-major Float64 matrix. */
export function gatherRows(source: RowSource, rows: Uint32Array): Matrix {
  const { cols } = source;
  const data = new Float64Array(rows.length * cols);
  source.forEachBlock(rows, (block, k0) => data.set(block.data.subarray(0, block.rows * cols), k0 * cols));
  return { data, rows: rows.length, cols, names: [...source.names] };
}
