import type { Matrix, Target } from "../models/estimator.ts";

/** The rows `idx` of a matrix, copied into a new buffer of the same element type. */
export function takeRows(X: Matrix, idx: ArrayLike<number>): Matrix {
  const { cols } = X;
  const data =
    X.data instanceof Float32Array
      ? new Float32Array(idx.length * cols)
      : new Float64Array(idx.length * cols);
  for (let r = 0; r < idx.length; r++)
    data.set(X.data.subarray(idx[r] * cols, idx[r] * cols + cols), r * cols);
  return { data, rows: idx.length, cols, names: X.names };
}

/** The entries `idx` of a vector. */
export function takeValues(v: ArrayLike<number>, idx: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length);
  for (let r = 0; r < idx.length; r++) out[r] = v[idx[r]];
  return out;
}

/** The rows `idx` of a target, keeping its class names. */
export function takeTarget(y: Target, idx: ArrayLike<number>): Target {
  return { values: takeValues(y.values, idx), classes: y.classes };
}
