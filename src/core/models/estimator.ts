import { NotFittedError, ValidationError } from "../errors.ts";
import type { LongCallOptions } from "../progress.ts";

/**
 * Estimator contracts, after scikit-learn: the constructor stores params and nothing else; `fit`
 * validates its input, replaces any earlier state and returns `this`; `toJSON` gives a tagged
 * artifact that the class's static `fromJSON` checks (tag and version) before rebuilding.
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

export interface Estimator<P = unknown> {
  readonly type: string;
  readonly params: P;
  fit(X: Matrix, y: Target, opts?: FitOptions): Promise<this>;
  /** Regression: values. Classification: class indices as numbers. */
  predict(X: Matrix): Float64Array;
  /** Classification only: row-major probabilities, rows x classes. */
  predictProba?(X: Matrix): Float64Array;
  toJSON(): Artifact<P>;
}

/** Throws NotFittedError unless `state` is set. */
export function assertFitted<S>(state: S | undefined, type: string): asserts state is S {
  if (state === undefined) throw new NotFittedError(`${type} is not fitted yet: call fit before predict.`);
}

/** Common input checks for fit: shapes agree, there are rows, targets are finite. */
export function validateFitInput(X: Matrix, y: Target): void {
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

/** Checks an artifact's tag and version before `fromJSON` rebuilds from it. */
export function checkArtifact(artifact: Artifact, type: string, version: number): void {
  if (artifact?.type !== type) throw new ValidationError(`not a ${type} artifact: ${String(artifact?.type)}`);
  if (artifact.version !== version) {
    throw new ValidationError(
      `unsupported ${type} artifact version ${artifact.version} (expected ${version})`,
    );
  }
}
