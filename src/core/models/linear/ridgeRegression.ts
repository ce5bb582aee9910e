import { ValidationError } from "../../errors.ts";
import { defineArtifact } from "../baseEstimator.ts";
import type { FitOptions, Matrix, Target } from "../estimator.ts";
import { readWeights } from "../fitChecks.ts";
import { choleskySolve } from "./cholesky.ts";
import { LinearModel, type LinearState, readLinearState } from "./linearModel.ts";
import { LINEAR_META, type RidgeParams } from "./meta.ts";

const ARTIFACT = defineArtifact<RidgeParams, LinearState>({
  type: "linear",
  defaults: LINEAR_META.defaults,
  migrations: [
    // 1 -> 2: `cols` added. A version-1 state had none, so its coefficient count is taken on trust.
    ({ params, state }) => {
      const coef = (state as { coef?: unknown } | null)?.coef;
      return { params, state: { ...(state as object), cols: Array.isArray(coef) ? coef.length : undefined } };
    },
  ],
  parseState(raw, read) {
    return readLinearState(read.object(raw, "state", ["cols", "coef", "intercept"]), read);
  },
});

/**
 * Ridge regression in closed form: minimises sum w_i (y_i - b - x_i'beta)^2 + alpha ||beta||^2.
 * Centring X and y on their weighted means leaves the intercept out of the penalty (as
 * scikit-learn's Ridge with fit_intercept); beta then solves (Xc' W Xc + alpha I) beta = Xc' W yc.
 */
export class RidgeRegression extends LinearModel<RidgeParams, LinearState> {
  static readonly artifact = ARTIFACT;

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    this.checkFit(X, y, opts);
    const { alpha } = this.params;
    const w = readWeights(opts, X.rows);
    const { rows: n, cols: p, data } = X;
    const xMean = new Float64Array(p);
    let yMean = 0;
    let sw = 0;
    for (let i = 0; i < n; i++) {
      sw += w[i];
      yMean += w[i] * y.values[i];
      for (let j = 0; j < p; j++) xMean[j] += w[i] * data[i * p + j];
    }
    yMean /= sw;
    for (let j = 0; j < p; j++) xMean[j] /= sw;

    const A = new Float64Array(p * p);
    const b = new Float64Array(p);
    const xc = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      for (let j = 0; j < p; j++) xc[j] = data[i * p + j] - xMean[j];
      const yc = y.values[i] - yMean;
      for (let j = 0; j < p; j++) {
        const wx = w[i] * xc[j];
        b[j] += wx * yc;
        for (let k = 0; k <= j; k++) A[j * p + k] += wx * xc[k];
      }
    }
    let trace = 0;
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) A[k * p + j] = A[j * p + k];
      A[j * p + j] += alpha;
      trace += A[j * p + j];
    }
    let coef = choleskySolve(A, p, b);
    if (!coef) {
      // Collinear columns with alpha = 0: a tiny ridge picks a solution instead of failing.
      const jitter = Math.max(1e-10 * (trace / Math.max(1, p)), 1e-12);
      for (let j = 0; j < p; j++) A[j * p + j] += jitter;
      coef = choleskySolve(A, p, b);
      if (!coef) throw new ValidationError("linear: the features are degenerate (no solution found)");
    }
    let intercept = yMean;
    for (let j = 0; j < p; j++) intercept -= xMean[j] * coef[j];
    this.state = { cols: p, coef: Array.from(coef), intercept };
    return this;
  }
}
