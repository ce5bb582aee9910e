import { ValidationError } from "../../errors.ts";
import { BaseEstimator, defineArtifact } from "../baseEstimator.ts";
import type { FeatureImportances } from "../capabilities.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, assertFiniteFeatures, checkPredictInput, classCount, readWeights } from "../fitChecks.ts";
import { lbfgs } from "./lbfgs.ts";
import { blockCount, linearScore, makeLogisticObjective, sigmoid } from "./logisticLoss.ts";
import { LOGISTIC_META, type LogisticParams } from "./meta.ts";
import { proximalGradient } from "./proximalGradient.ts";

const TYPE = "logistic";

interface LogisticState {
  nClasses: number;
  cols: number;
  /** Parameter blocks (coefficients, then intercept): one for binary, one per class otherwise. */
  theta: number[];
  iterations: number;
  converged: boolean;
}

const ARTIFACT = defineArtifact<LogisticParams, LogisticState>({
  type: TYPE,
  defaults: LOGISTIC_META.defaults,
  migrations: [],
  parseState(raw, read) {
    const s = read.object(raw, "state", ["nClasses", "cols", "theta", "iterations", "converged"]);
    const k = read.int(s.nClasses, "state: nClasses", 2, 100_000);
    const cols = read.int(s.cols, "state: cols", 0);
    return {
      nClasses: k,
      cols,
      theta: read.numbers(s.theta, "state: theta", blockCount(k) * (cols + 1)),
      iterations: read.int(s.iterations, "state: iterations", 0),
      converged: read.boolean(s.converged, "state: converged"),
    };
  },
});

/**
 * Logistic regression, binary (sigmoid) or multinomial (softmax), minimising
 * sum_i w_i * loss_i + ||beta||^2 / (2C) (or ||beta||_1 / C) as scikit-learn does, with the
 * intercept unpenalised. L2 and no penalty use L-BFGS, L1 uses FISTA; both start from zero, so a
 * fit is deterministic. Scaled by 1 / sum w, which leaves the minimiser unchanged.
 */
export class LogisticRegression extends BaseEstimator<LogisticParams, LogisticState> {
  static readonly artifact = ARTIFACT;

  /** Iterations the last fit ran and whether it met its tolerance. */
  get convergence(): { iterations: number; converged: boolean } | undefined {
    return this.state && { iterations: this.state.iterations, converged: this.state.converged };
  }

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y, opts);
    assertFiniteFeatures(X);
    const { C, penalty, max_iter: maxIter, tol } = this.params;
    if (!(C > 0)) throw new ValidationError(`invalid C: ${C}`);
    if (penalty !== "l2" && penalty !== "l1" && penalty !== "none") {
      throw new ValidationError(`invalid penalty: ${penalty}`);
    }
    if (!(Number.isInteger(maxIter) && maxIter >= 1))
      throw new ValidationError(`invalid max_iter: ${maxIter}`);
    if (!(tol > 0)) throw new ValidationError(`invalid tol: ${tol}`);
    const k = classCount(y, TYPE, 2);
    const w = readWeights(opts, X.rows);
    let sw = 0;
    for (let i = 0; i < X.rows; i++) sw += w[i];
    const p = X.cols;
    const problem = { data: X.data, n: X.rows, p, y: y.values, w, k };
    const strength = 1 / (C * sw);
    const theta0 = new Float64Array(blockCount(k) * (p + 1));
    const result =
      penalty === "l1"
        ? proximalGradient(makeLogisticObjective(problem, 0), theta0, {
            lambda: theta0.map((_, i) => ((i + 1) % (p + 1) === 0 ? 0 : strength)),
            maxIter: 10 * maxIter,
            tol,
            signal: opts?.signal,
          })
        : lbfgs(makeLogisticObjective(problem, penalty === "l2" ? strength : 0), theta0, {
            maxIter,
            gtol: tol,
            signal: opts?.signal,
          });
    this.state = {
      nClasses: k,
      cols: p,
      theta: Array.from(result.x),
      iterations: result.iterations,
      converged: result.converged,
    };
    return this;
  }

  protected shapeOf(s: LogisticState): FittedShape {
    return { features: s.cols, classes: s.nClasses };
  }

  predictProba(X: Matrix): Float64Array {
    const { nClasses: k, cols: p, theta } = this.fitted();
    checkPredictInput(X, p, TYPE);
    const out = new Float64Array(X.rows * k);
    for (let i = 0; i < X.rows; i++) {
      if (k === 2) {
        const q = sigmoid(linearScore(theta, 0, X.data, i, p));
        out[i * 2] = 1 - q;
        out[i * 2 + 1] = q;
        continue;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        out[i * k + c] = linearScore(theta, c, X.data, i, p);
        if (out[i * k + c] > max) max = out[i * k + c];
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out[i * k + c] = Math.exp(out[i * k + c] - max);
      for (let c = 0; c < k; c++) out[i * k + c] /= sum;
    }
    return out;
  }

  predict(X: Matrix): Float64Array {
    const proba = this.predictProba(X);
    const k = this.state!.nClasses;
    return Float64Array.from({ length: X.rows }, (_, i) => argmax(proba, i * k, k));
  }

  /** Largest |coefficient| per feature over the class blocks ("coefficient" importances). */
  featureImportances(): FeatureImportances {
    const { nClasses: k, cols: p, theta } = this.fitted();
    const values = new Float64Array(p);
    for (let c = 0; c < blockCount(k); c++) {
      for (let j = 0; j < p; j++) values[j] = Math.max(values[j], Math.abs(theta[c * (p + 1) + j]));
    }
    return { kind: "coefficient", values };
  }
}
