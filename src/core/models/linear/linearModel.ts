import { ValidationError } from "../../errors.ts";
import { BaseEstimator } from "../baseEstimator.ts";
import type { FeatureImportances } from "../capabilities.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { assertFiniteFeatures, checkPredictInput } from "../fitChecks.ts";
import type { StateReader } from "../stateReader.ts";

/** What a fitted linear regressor (ridge, lasso) keeps to predict intercept + x'coef. */
export interface LinearState {
  /** Features fitted on: the coefficient count, kept apart so that a cut coefficient list shows. */
  cols: number;
  coef: number[];
  intercept: number;
}

/** Reads the linear fields of a state object already checked by `read.object`. */
export function readLinearState(s: Record<string, unknown>, read: StateReader): LinearState {
  const cols = read.int(s.cols, "state: cols", 0);
  return {
    cols,
    coef: read.numbers(s.coef, "state: coef", cols),
    intercept: read.number(s.intercept, "state: intercept"),
  };
}

/**
 * What the linear regressors share around their different fits: the input and `alpha` checks
 * before fitting, and once fitted the shape, predictions (intercept + x'coef) and |coefficient|
 * importances.
 */
export abstract class LinearModel<P extends { alpha: number }, S extends LinearState> extends BaseEstimator<
  P,
  S
> {
  /** The checks every linear fit starts with: the data, finite features, a finite alpha >= 0. */
  protected checkFit(X: Matrix, y: Target, opts?: FitOptions): void {
    validateFitInput(X, y, opts);
    assertFiniteFeatures(X);
    const { alpha } = this.params;
    if (!(Number.isFinite(alpha) && alpha >= 0)) throw new ValidationError(`invalid alpha: ${alpha}`);
  }

  protected shapeOf(s: S): FittedShape {
    return { features: s.cols, classes: 0 };
  }

  /** intercept + x'coef for every row of X, after checking X's width against coef. */
  predict(X: Matrix): Float64Array {
    const { coef, intercept } = this.fitted();
    const p = coef.length;
    checkPredictInput(X, p, this.type);
    const out = new Float64Array(X.rows);
    for (let i = 0; i < X.rows; i++) {
      let s = intercept;
      for (let j = 0; j < p; j++) s += X.data[i * p + j] * coef[j];
      out[i] = s;
    }
    return out;
  }

  /**
   * |coefficient| per feature ("coefficient" importances: on the scale of the fitted inputs; 0 for
   * those a penalty dropped).
   */
  featureImportances(): FeatureImportances {
    return { kind: "coefficient", values: Float64Array.from(this.fitted().coef, Math.abs) };
  }
}
