import type { Matrix } from "../estimator.ts";
import {
  applyBins,
  type BinMapper,
  type BinnedMatrix,
  checkMaxBins,
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
 * whole matrix: the same seeded subsample, each feature's values gathered in the same row order
 * (a few features per pass over the sampled rows, within GATHER_BUDGET), and the codes of each
 * block copied into place.
 */
export function binSource(
  source: RowSource,
  maxBins: number,
  opts: { seed?: number; rows: Uint32Array; into?: (nBins: Int32Array) => Uint8Array | null },
): { mapper: BinMapper; binned: BinnedMatrix } {
  const { cols } = source;
  checkMaxBins(maxBins);
  const sample = opts.rows.length > SUBSAMPLE ? sampleRows(opts.rows, SUBSAMPLE, opts.seed ?? 0) : opts.rows;
  const m = sample.length;
  const group = Math.max(1, Math.min(cols, Math.floor(GATHER_BUDGET / Math.max(1, m))));
  const thresholds: Float64Array[] = [];
  const nBins = new Int32Array(cols);
  // One gather buffer for every pass (a new one each pass was 16 MB of garbage per pass at 200k
  // rows), by column: each feature's values in row order, binned where they lie (featureEdges;
  // fitBins' own 16 MB buffer per pass was garbage too).
  const gathered = new Float64Array(m * group);
  for (let f0 = 0; f0 < cols; f0 += group) {
    const g = Math.min(group, cols - f0);
    source.forEachBlock(sample, (block, k0) => {
      const d = block.data;
      for (let i = 0; i < block.rows; i++) {
        const from = i * cols + f0;
        for (let q = 0; q < g; q++) gathered[q * m + k0 + i] = d[from + q];
      }
    });
    for (let q = 0; q < g; q++) {
      const edges = featureEdges(gathered.subarray(q * m, (q + 1) * m), maxBins);
      thresholds.push(edges);
      nBins[f0 + q] = edges.length + 1;
    }
  }
  const mapper: BinMapper = { thresholds, nBins };
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

/** The `rows` of a source (ascending) as one row-major Float64 matrix. */
export function gatherRows(source: RowSource, rows: Uint32Array): Matrix {
  const { cols } = source;
  const data = new Float64Array(rows.length * cols);
  source.forEachBlock(rows, (block, k0) => data.set(block.data.subarray(0, block.rows * cols), k0 * cols));
  return { data, rows: rows.length, cols, names: [...source.names] };
}
