import type { NetworkRows } from "./trainNetwork.ts";

/**
 * The share of non-zero inputs below which the first layer runs on compressed rows
 * (`sparseNN` / `sparseTN`) instead of the dense products. Measured with 256-row batches and 64
 * units (load 8, both products together, sparse / dense time): 20 inputs 0.37 at 20% non-zero,
 * 0.79 at 40%, 0.89 at 50%, 1.10 at 60%; 118 inputs 0.38, 0.80, 1.00, 1.26. The sparse batch
 * needs no copy a batch either (the kernels read the rows in place).
 */
export const SPARSE_DENSITY = 0.4;

/** The number of non-zero values in `x` (-0 counts as zero: its terms are ±0, which the dense sums absorb). */
export function nonZeros(x: Float32Array): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) count++;
  return count;
}

/**
 * Where a set of rows lies compressed in the network's heap (denseLayers.ts): `values` (float64
 * element index) and `idx`, `start`, `order` (int32 element indices) for the kernels, and the
 * int32 view of the order, which the trainer shuffles in place.
 */
export interface SparseSet {
  values: number;
  idx: number;
  start: number;
  order: number;
  orderView: Int32Array;
}

/**
 * `rows`' inputs compressed into the heap at `set`: row r's non-zeros are entries start[r] ..
 * start[r + 1], each a value and its weight row's first element (column k times `units`, the
 * first layer's outputs), in increasing k, as the kernels read them; the order is 0 .. rows.
 */
export function compressRows(
  rows: NetworkRows,
  inputs: number,
  units: number,
  set: SparseSet,
  heap: Float64Array,
  ints: Int32Array,
): void {
  const { x } = rows;
  let t = 0;
  for (let r = 0; r < rows.rows; r++) {
    ints[set.start + r] = t;
    set.orderView[r] = r;
    for (let k = 0, o = r * inputs; k < inputs; k++) {
      const v = x[o + k];
      if (v !== 0) {
        heap[set.values + t] = v;
        ints[set.idx + t] = k * units;
        t++;
      }
    }
  }
  ints[set.start + rows.rows] = t;
}
