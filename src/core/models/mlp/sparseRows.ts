import type { HeapNetwork } from "./denseLayers.ts";
import type { NetworkRows } from "./trainNetwork.ts";

/**
 * The share of non-zero inputs below which the first layer runs on compressed rows
 * (`sparseNN` / `sparseTN`) instead of the dense products. Measured with 256-row batches and 64
 * units (load 8, both products together, sparse / dense time): 20 inputs 0.37 at 20% non-zero,
 * 0.79 at 40%, 0.89 at 50%, 1.10 at 60%; 118 inputs 0.38, 0.80, 1.00, 1.26. Below 40% the
 * sparse batch is also cheaper to gather (only the non-zeros are copied).
 */
export const SPARSE_DENSITY = 0.4;

/** The share of non-zero values in `x`. */
export function density(x: Float32Array): number {
  let nonZero = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) nonZero++;
  return x.length > 0 ? nonZero / x.length : 1;
}

/**
 * Rows' inputs in compressed rows, built once a fit: row r's non-zeros are entries start[r] ..
 * start[r + 1], each a value and its weight row's first element (column k times `units`, the
 * first layer's outputs), in increasing k, as the kernels read them.
 */
export interface CompressedRows {
  start: Int32Array;
  values: Float64Array;
  at: Int32Array;
}

/** `rows`' inputs compressed (-0 counts as zero: its terms are ±0, which the dense sums absorb). */
export function compressRows(rows: NetworkRows, inputs: number, units: number): CompressedRows {
  const { x } = rows;
  let nonZero = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) nonZero++;
  const start = new Int32Array(rows.rows + 1);
  const values = new Float64Array(nonZero);
  const at = new Int32Array(nonZero);
  let t = 0;
  for (let r = 0; r < rows.rows; r++) {
    start[r] = t;
    for (let k = 0, o = r * inputs; k < inputs; k++) {
      const v = x[o + k];
      if (v !== 0) {
        values[t] = v;
        at[t] = k * units;
        t++;
      }
    }
  }
  start[rows.rows] = t;
  return { start, values, at };
}

/**
 * Rows order[start .. start + b) into the heap's sparse batch (values where the dense batch lies,
 * their weight rows and row starts in the int32 areas), their targets and weights.
 */
export function gatherSparseRows(
  net: HeapNetwork,
  rows: NetworkRows,
  compressed: CompressedRows,
  order: Int32Array,
  start: number,
  b: number,
  tb: Float64Array,
  wb: Float64Array,
): void {
  const sparse = net.sparse!;
  const outputs = net.layers[net.layers.length - 1].outputs;
  const vals = net.xView;
  const { idx, ptr } = sparse;
  const { start: from, values, at } = compressed;
  const { targets, weights } = rows;
  let t = 0;
  for (let i = 0; i < b; i++) {
    const r = order[start + i];
    ptr[i] = t;
    for (let e = from[r], end = from[r + 1]; e < end; e++, t++) {
      vals[t] = values[e];
      idx[t] = at[e];
    }
    for (let j = 0; j < outputs; j++) tb[i * outputs + j] = targets[r * outputs + j];
    wb[i] = weights[r];
  }
  ptr[b] = t;
}
