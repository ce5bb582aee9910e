import { ValidationError } from "../errors.ts";
import type { FitOptions, Matrix, Target } from "./estimator.ts";

/**
 * Input checks shared by the simple model families (baseline, linear, logistic, naive Bayes, kNN),
 * on top of `validateFitInput`. These models expect imputed, finite features.
 */

/** Throws ValidationError naming the first non-finite feature value by row and column. */
export function assertFiniteFeatures(X: Matrix): void {
  const { data, rows, cols, names } = X;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = data[r * cols + c];
      if (!Number.isFinite(v)) {
        throw new ValidationError(`invalid value ${v} at row ${r}, column "${names[c] ?? c}"`);
      }
    }
  }
}

/** Throws ValidationError unless X is well formed and has the column count the model was fitted on. */
export function checkPredictInput(X: Matrix, cols: number, type: string): void {
  if (X.cols !== cols)
    throw new ValidationError(`invalid matrix for ${type}: ${X.cols} columns, fitted on ${cols}`);
  if (X.data.length !== X.rows * X.cols) {
    throw new ValidationError(`invalid matrix: ${X.data.length} values for ${X.rows} x ${X.cols}`);
  }
}

/**
 * Number of classes of a classification target; checks that every label is an index into
 * `y.classes`. Classes may be absent from the rows (a cross-validation fold), so the count comes
 * from `classes`, not from the labels seen.
 */
export function classCount(y: Target, type: string, min = 1): number {
  if (!y.classes) throw new ValidationError(`${type} needs class names for a classification target`);
  const k = y.classes.length;
  if (k < min) throw new ValidationError(`${type} needs at least ${min} classes, got ${k}`);
  for (let i = 0; i < y.values.length; i++) {
    const v = y.values[i];
    if (!Number.isInteger(v) || v < 0 || v >= k)
      throw new ValidationError(`invalid class label at row ${i}: ${v}`);
  }
  return k;
}

/** The sample weights, checked (finite, non-negative, some positive); all ones when none are given. */
export function readWeights(opts: FitOptions | undefined, rows: number): Float64Array {
  const w = opts?.sampleWeight;
  if (!w) return new Float64Array(rows).fill(1);
  if (w.length !== rows)
    throw new ValidationError(`invalid sample weights: ${w.length} values for ${rows} rows`);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    if (!(Number.isFinite(w[i]) && w[i] >= 0))
      throw new ValidationError(`invalid sample weight at row ${i}: ${w[i]}`);
    total += w[i];
  }
  if (!(total > 0)) throw new ValidationError("invalid sample weights: they sum to 0");
  return w;
}

/** Index of the largest value in `v[from .. from + k)`, the first one on ties. */
export function argmax(v: ArrayLike<number>, from: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (v[from + c] > v[from + best]) best = c;
  return best;
}
