import type { Matrix, Target } from "../../models/estimator.ts";
import { choleskySolve } from "../../models/linear/cholesky.ts";
import { lbfgs } from "../../models/logistic/lbfgs.ts";
import {
  blockCount,
  linearScore,
  makeLogisticObjective,
  sigmoid,
} from "../../models/logistic/logisticLoss.ts";
import { proximalGradient } from "../../models/logistic/proximalGradient.ts";
import { columnMoments } from "./simpleScores.ts";

/**
 * Small synchronous linear fits for feature scoring (the recipe step contract fits synchronously,
 * the registry's estimators asynchronously): ridge / lasso for values, logistic with an L2 or L1
 * penalty for classes, all on features standardised over the fitted rows, so coefficient sizes
 * compare across features. The objective is the mean loss plus `strength` times the penalty
 * (1/2 ||beta||² or ||beta||_1); the intercept is never penalised. Built on the models' own
 * solvers (Cholesky, L-BFGS, FISTA).
 */
export interface LinearFit {
  /** Parameter blocks of (p coefficients, intercept): one for values or two classes, k otherwise. */
  theta: Float64Array;
  blocks: number;
  /** Largest |coefficient| over the blocks, per feature (standardised scale). */
  importances: Float64Array;
  /** Class probabilities (rows x classes), or the values for regression. */
  predictRaw(X: Matrix): Float64Array;
}

/** Penalty kind and strength (on the mean loss) of a quick linear fit. */
export interface LinearOptions {
  penalty: "l2" | "l1";
  strength: number;
  maxIter?: number;
}

/** Scales columns to mean 0, sd 1 over the fitted rows; constant columns become 0. */
function standardiser(X: Matrix) {
  const p = X.cols;
  const moments = Array.from({ length: p }, (_, j) => columnMoments(X, j));
  const mean = moments.map((m) => m.mean);
  const scale = moments.map((m) => (m.variance > 0 ? 1 / Math.sqrt(m.variance) : 0));
  return (M: Matrix) => {
    const out = new Float64Array(M.rows * p);
    for (let i = 0; i < M.rows; i++)
      for (let j = 0; j < p; j++) out[i * p + j] = (M.data[i * p + j] - mean[j]) * scale[j];
    return out;
  };
}

/** Ridge in closed form on centred, standardised data: (Z'Z / n + strength I) beta = Z'(y - mean) / n. */
function ridge(z: Float64Array, n: number, p: number, y: Float64Array, strength: number): Float64Array {
  let ym = 0;
  for (let i = 0; i < n; i++) ym += y[i] / n;
  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const r = (y[i] - ym) / n;
    for (let j = 0; j < p; j++) {
      const zj = z[i * p + j] / n;
      b[j] += z[i * p + j] * r;
      for (let k = 0; k <= j; k++) A[j * p + k] += zj * z[i * p + k];
    }
  }
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < j; k++) A[k * p + j] = A[j * p + k];
    A[j * p + j] += Math.max(strength, 1e-10);
  }
  const beta = choleskySolve(A, p, b) ?? new Float64Array(p);
  const theta = new Float64Array(p + 1);
  theta.set(beta);
  // Standardised columns have mean 0 over the fitted rows, so the intercept is the mean of y.
  theta[p] = ym;
  return theta;
}

/** Mean squared error / 2 with its gradient, for the lasso. */
function squaredObjective(z: Float64Array, n: number, p: number, y: Float64Array) {
  return (theta: Float64Array, grad: Float64Array) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const r = linearScore(theta, 0, z, i, p) - y[i];
      loss += (r * r) / (2 * n);
      for (let j = 0; j < p; j++) grad[j] += (r * z[i * p + j]) / n;
      grad[p] += r / n;
    }
    return loss;
  };
}

/** Fits the task's linear model (values: ridge / lasso; classes: logistic) on standardised features. */
export function fitQuickLinear(X: Matrix, y: Target, opts: LinearOptions): LinearFit {
  const { rows: n, cols: p } = X;
  const scale = standardiser(X);
  const z = scale(X);
  const k = y.classes?.length ?? 0;
  const blocks = k > 0 ? blockCount(k) : 1;
  const maxIter = opts.maxIter ?? 200;
  let theta: Float64Array;
  const theta0 = new Float64Array(blocks * (p + 1));
  const lambda = theta0.map((_, i) => ((i + 1) % (p + 1) === 0 ? 0 : opts.strength));
  if (k === 0) {
    theta =
      opts.penalty === "l2"
        ? ridge(z, n, p, y.values, opts.strength)
        : proximalGradient(squaredObjective(z, n, p, y.values), theta0, {
            lambda,
            maxIter: 5 * maxIter,
            tol: 1e-6,
          }).x;
  } else {
    const problem = { data: z, n, p, y: y.values, w: new Float64Array(n).fill(1), k };
    theta =
      opts.penalty === "l2"
        ? lbfgs(makeLogisticObjective(problem, opts.strength), theta0, { maxIter, gtol: 1e-5 }).x
        : proximalGradient(makeLogisticObjective(problem, 0), theta0, {
            lambda,
            maxIter: 5 * maxIter,
            tol: 1e-6,
          }).x;
  }
  const importances = new Float64Array(p);
  for (let c = 0; c < blocks; c++) {
    for (let j = 0; j < p; j++) importances[j] = Math.max(importances[j], Math.abs(theta[c * (p + 1) + j]));
  }
  const predictRaw = (M: Matrix) => {
    const zm = scale(M);
    if (k === 0) return Float64Array.from({ length: M.rows }, (_, i) => linearScore(theta, 0, zm, i, p));
    const out = new Float64Array(M.rows * k);
    for (let i = 0; i < M.rows; i++) {
      if (k === 2) {
        const q = sigmoid(linearScore(theta, 0, zm, i, p));
        out[2 * i] = 1 - q;
        out[2 * i + 1] = q;
        continue;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, (out[i * k + c] = linearScore(theta, c, zm, i, p)));
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out[i * k + c] = Math.exp(out[i * k + c] - max);
      for (let c = 0; c < k; c++) out[i * k + c] /= sum;
    }
    return out;
  };
  return { theta, blocks, importances, predictRaw };
}
