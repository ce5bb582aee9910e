import { NotFittedError, ValidationError } from "../errors.ts";
import type { LongCallOptions } from "../progress.ts";

/**
 * Estimator contracts, after scikit-learn: the constructor stores params and nothing else; `fit`
 * validates its input, replaces any earlier state and returns `this`; `toJSON` gives a tagged,
 * versioned artifact that the class's static `fromJSON` reads back field by field
 * (`BaseEstimator` and `readArtifact` in baseEstimator.ts).
 */

export type { Task } from "../framing/task.ts";

/** Dense row-major feature matrix with its shape and column names. */
export interface Matrix {
  data: Float32Array | Float64Array;
  rows: number;
  cols: number;
  names: string[];
}

/**
 * Training targets. Regression: the values. Classification: class indices 0..k-1 stored as
 * numbers, with `classes` naming them.
 */
export interface Target {
  values: Float64Array;
  classes?: string[];
}

export interface FitOptions extends LongCallOptions {
  /** Per-row weights (class weights are turned into these by the caller). */
  sampleWeight?: Float64Array;
  /** Seed for any random choice inside fit. */
  seed?: number;
}

/** The serialised form of a fitted estimator. */
export interface Artifact<P = unknown, S = unknown> {
  type: string;
  version: number;
  params: P;
  state: S;
}

/**
 * A model. `fit` returns `this`: directly for the models that compute in one go (every family
 * but the neural net), as a promise for those that must await (tfjs). `await model.fit(...)`
 * works for both; code that must stay synchronous (a recipe step) uses registry.ts's `fitNow`.
 * Optional abilities (importances, tree structure, staged predictions, ...) are declared in the
 * family's meta and reached through `capability()` in registry.ts.
 */
export interface Estimator<P = unknown> {
  readonly type: string;
  readonly params: P;
  fit(X: Matrix, y: Target, opts?: FitOptions): this | Promise<this>;
  /** Regression: values. Classification: class indices as numbers. */
  predict(X: Matrix): Float64Array;
  /** Classification only: row-major probabilities, rows x classes. */
  predictProba?(X: Matrix): Float64Array;
  /** The tagged artifact; NotFittedError before fit. */
  toJSON(): Artifact<P>;
  /** What the model was fitted on and for; NotFittedError before fit. */
  fittedShape(): FittedShape;
}

/**
 * The shape a fitted model expects and gives: its input column count and its classes (0 for a
 * regression model). A loader compares these with a file's header, so that a model whose class
 * count or task was changed is refused even when its own state is consistent.
 */
export interface FittedShape {
  features: number;
  classes: number;
}

/** Throws NotFittedError unless `state` is set. */
export function assertFitted<S>(state: S | undefined, type: string): asserts state is S {
  if (state === undefined) throw new NotFittedError(`${type} is not fitted yet: call fit before predict.`);
}

/** Common input checks for fit: not aborted already, shapes agree, there are rows, targets are finite. */
export function validateFitInput(X: Matrix, y: Target, opts?: FitOptions): void {
  opts?.signal?.throwIfAborted();
  if (X.rows === 0) throw new ValidationError("Cannot fit on zero rows.");
  if (X.data.length !== X.rows * X.cols) {
    throw new ValidationError(`invalid matrix: ${X.data.length} values for ${X.rows} x ${X.cols}`);
  }
  if (y.values.length !== X.rows) {
    throw new ValidationError(`invalid target: ${y.values.length} values for ${X.rows} rows`);
  }
  for (let i = 0; i < y.values.length; i++) {
    if (!Number.isFinite(y.values[i]))
      throw new ValidationError(`invalid target at row ${i}: ${y.values[i]}`);
  }
}
