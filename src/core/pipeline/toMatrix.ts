import type { Column, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import type { Matrix } from "../models/estimator.ts";

/** Options of `toMatrix`. */
export interface ToMatrixOptions {
  /** Columns in order (a fitted recipe's `features`); default every "feature"-role column. */
  names?: readonly string[];
  /** Element type; float32 halves the memory of big matrices. Default float64. */
  dtype?: "float64" | "float32";
}

/**
 * The feature columns as a dense row-major matrix for models. Every column must hold numbers
 * (numeric, boolean, datetime as epoch ms); a categorical or text column left over is a
 * ValidationError asking for an encoding step. Missing values pass as NaN, for models that take them.
 */
export function toMatrix(frame: Frame, opts: ToMatrixOptions = {}): Matrix {
  let cols: Column[];
  if (opts.names) {
    const byName = new Map(frame.columns.map((c) => [c.name, c]));
    cols = opts.names.map((n) => {
      const col = byName.get(n);
      if (!col) throw new ValidationError(`missing column "${n}"`);
      return col;
    });
  } else cols = frame.columns.filter((c) => c.role === "feature");
  for (const col of cols) {
    if (col.data.type !== "float") {
      throw new ValidationError(`column "${col.name}" is ${col.kind}: add an encoding step`);
    }
  }
  const rows = frame.rows;
  const d = cols.length;
  const data = opts.dtype === "float32" ? new Float32Array(rows * d) : new Float64Array(rows * d);
  const sources = cols.map((c) => (c.data as { values: Float64Array }).values);
  // Row blocks keep the strided writes of each column within a cache-sized stretch of the output.
  const BLOCK = 256;
  for (let start = 0; start < rows; start += BLOCK) {
    const end = Math.min(rows, start + BLOCK);
    for (let j = 0; j < d; j++) {
      const v = sources[j];
      for (let i = start, o = start * d + j; i < end; i++, o += d) data[o] = v[i];
    }
  }
  return { data, rows, cols: d, names: cols.map((c) => c.name) };
}
