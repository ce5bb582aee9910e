import { ValidationError } from "../../errors.ts";
import { defineArtifact } from "../baseEstimator.ts";
import type { FitOptions, Matrix, Target } from "../estimator.ts";
import { readWeights } from "../fitChecks.ts";
import { LinearModel, type LinearState, readLinearState } from "../linear/linearModel.ts";
import { linearScore } from "../logistic/logisticLoss.ts";
import { proximalGradient } from "../logistic/proximalGradient.ts";
import { LASSO_META, type LassoParams } from "./meta.ts";

interface LassoState extends LinearState {
  iterations: number;
  converged: boolean;
}

const ARTIFACT = defineArtifact<LassoParams, LassoState>({
  type: "lasso",
  defaults: LASSO_META.defaults,
  migrations: [],
  parseState(raw, read) {
    const s = read.object(raw, "state", ["cols", "coef", "intercept", "iterations", "converged"]);
    return {
      ...readLinearState(s, read),
      iterations: read.int(s.iterations, "state: iterations", 0),
      converged: read.boolean(s.converged, "state: converged"),
    };
  },
});

/**
 * The lasso as scikit-learn's Lasso: minimises sum_i w_i (y_i - b - x_i'beta)^2 / (2 sum w) +
 * alpha ||beta||_1, the intercept unpenalised, by FISTA from zero (deterministic). With alpha = 0
 * it is least squares, found slowly; use ridge for that.
 */
export class Lasso extends LinearModel<LassoParams, LassoState> {
  static readonly artifact = ARTIFACT;

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    this.checkFit(X, y, opts);
    const { alpha, max_iter: maxIter, tol } = this.params;
    if (!(Number.isInteger(maxIter) && maxIter >= 1))
      throw new ValidationError(`invalid max_iter: ${maxIter}`);
    if (!(tol > 0)) throw new ValidationError(`invalid tol: ${tol}`);
    const w = readWeights(opts, X.rows);
    const { rows: n, cols: p, data } = X;
    let sw = 0;
    for (let i = 0; i < n; i++) sw += w[i];
    const values = y.values;
    // Half the weighted mean squared error and its gradient; theta = (coefficients, intercept).
    const objective = (theta: Float64Array, grad: Float64Array) => {
      grad.fill(0);
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const r = linearScore(theta, 0, data, i, p) - values[i];
        const wr = w[i] * r;
        loss += (wr * r) / (2 * sw);
        for (let j = 0; j < p; j++) grad[j] += (wr * data[i * p + j]) / sw;
        grad[p] += wr / sw;
      }
      return loss;
    };
    const theta0 = new Float64Array(p + 1);
    const lambda = theta0.map((_, i) => (i === p ? 0 : alpha));
    const result = proximalGradient(objective, theta0, { lambda, maxIter, tol, signal: opts?.signal });
    this.state = {
      cols: p,
      coef: Array.from(result.x.subarray(0, p)),
      intercept: result.x[p],
      iterations: result.iterations,
      converged: result.converged,
    };
    return this;
  }
}
