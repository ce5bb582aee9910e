import { ValidationError } from "../../errors.ts";
import type { Estimator, Matrix } from "../../models/estimator.ts";

/**
 * A linear model's scores as explainers read them: output o of row x is
 * `intercept[o] + sum_f coef[o][f] * x[f]` (the value for ridge and lasso, the log-odds of class 1
 * for binary logistic regression, the softmax input of each class for multinomial).
 */
export interface LinearView {
  coef: Float64Array[];
  intercept: Float64Array;
}

/** The coefficients of a fitted ridge, lasso or logistic model, read from its artifact. */
export function linearView(model: Estimator): LinearView {
  const state = model.toJSON().state as Record<string, unknown>;
  if (model.type === "linear" || model.type === "lasso") {
    return {
      coef: [Float64Array.from(state.coef as number[])],
      intercept: Float64Array.of(state.intercept as number),
    };
  }
  if (model.type === "logistic") {
    const k = state.nClasses as number;
    const p = state.cols as number;
    const theta = state.theta as number[];
    const blocks = k === 2 ? 1 : k;
    const coef: Float64Array[] = [];
    const intercept = new Float64Array(blocks);
    for (let c = 0; c < blocks; c++) {
      coef.push(Float64Array.from(theta.slice(c * (p + 1), c * (p + 1) + p)));
      intercept[c] = theta[c * (p + 1) + p];
    }
    return { coef, intercept };
  }
  throw new ValidationError(`${model.type} is not a linear model`);
}

/** Linear SHAP values: base and contributions of every row of X for one output. */
export interface LinearShapValues {
  /** intercept + coef . mean(background): the output at the background's mean. */
  base: number;
  /** rows x cols: `coef[f] * (x[f] - mean[f])`. */
  phi: Float64Array;
  /** The model's output per row: intercept + coef . x. */
  output: Float64Array;
}

/**
 * Exact SHAP values of a linear model with independent features (Lundberg & Lee 2017, the linear
 * case): a feature's contribution is its coefficient times its distance from the background mean.
 * Local accuracy is exact: base + sum of phi = the output.
 */
export function linearShap(view: LinearView, o: number, X: Matrix, background: Matrix): LinearShapValues {
  const coef = view.coef[o];
  const F = X.cols;
  if (coef.length !== F || background.cols !== F)
    throw new ValidationError(`invalid matrix: ${F} columns for ${coef.length} coefficients`);
  const mean = new Float64Array(F);
  for (let r = 0; r < background.rows; r++)
    for (let f = 0; f < F; f++) mean[f] += background.data[r * F + f] / background.rows;
  let base = view.intercept[o];
  for (let f = 0; f < F; f++) base += coef[f] * mean[f];
  const phi = new Float64Array(X.rows * F);
  const output = new Float64Array(X.rows);
  for (let r = 0; r < X.rows; r++) {
    let s = view.intercept[o];
    for (let f = 0; f < F; f++) {
      const x = X.data[r * F + f];
      phi[r * F + f] = coef[f] * (x - mean[f]);
      s += coef[f] * x;
    }
    output[r] = s;
  }
  return { base, phi, output };
}
