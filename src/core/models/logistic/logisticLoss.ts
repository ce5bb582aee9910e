import type { ValueAndGradient } from "./lbfgs.ts";

/**
 * The data term of logistic regression, (1 / sum w) * sum_i w_i * loss_i, with its gradient.
 * Parameters are laid out as `rows` blocks of (p coefficients, then the intercept): one block
 * for the binary (sigmoid) model, one per class for the multinomial (softmax) one.
 */
export interface LogisticProblem {
  data: Float32Array | Float64Array;
  n: number;
  p: number;
  /** Class index per row. */
  y: Float64Array;
  w: Float64Array;
  /** Number of classes; 2 selects the binary sigmoid model. */
  k: number;
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** 1 / (1 + e^-z) without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Linear scores of row i under parameter block c. */
export function linearScore(
  theta: ArrayLike<number>,
  c: number,
  data: ArrayLike<number>,
  i: number,
  p: number,
) {
  const base = c * (p + 1);
  let z = theta[base + p];
  for (let j = 0; j < p; j++) z += theta[base + j] * data[i * p + j];
  return z;
}

/** Number of parameter blocks: 1 for binary, k otherwise. */
export function blockCount(k: number): number {
  return k === 2 ? 1 : k;
}

/**
 * Data loss plus `l2 / 2 * ||coefficients||^2` (intercepts unpenalised), as a value-and-gradient
 * function for the optimisers.
 */
export function makeLogisticObjective(problem: LogisticProblem, l2: number): ValueAndGradient {
  const { data, n, p, y, w, k } = problem;
  const blocks = blockCount(k);
  let sw = 0;
  for (let i = 0; i < n; i++) sw += w[i];
  const z = new Float64Array(blocks);
  const resid = new Float64Array(blocks);
  return (theta, grad) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i] / sw;
      if (wi === 0) continue;
      if (blocks === 1) {
        const zi = linearScore(theta, 0, data, i, p);
        loss += wi * (softplus(zi) - y[i] * zi);
        resid[0] = wi * (sigmoid(zi) - y[i]);
      } else {
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < blocks; c++) {
          z[c] = linearScore(theta, c, data, i, p);
          if (z[c] > max) max = z[c];
        }
        let sum = 0;
        for (let c = 0; c < blocks; c++) sum += Math.exp(z[c] - max);
        const logSum = max + Math.log(sum);
        loss += wi * (logSum - z[y[i]]);
        for (let c = 0; c < blocks; c++) resid[c] = wi * (Math.exp(z[c] - logSum) - (y[i] === c ? 1 : 0));
      }
      for (let c = 0; c < blocks; c++) {
        const r = resid[c];
        if (r === 0) continue;
        const base = c * (p + 1);
        for (let j = 0; j < p; j++) grad[base + j] += r * data[i * p + j];
        grad[base + p] += r;
      }
    }
    if (l2 > 0) {
      for (let c = 0; c < blocks; c++) {
        const base = c * (p + 1);
        for (let j = 0; j < p; j++) {
          loss += (l2 / 2) * theta[base + j] ** 2;
          grad[base + j] += l2 * theta[base + j];
        }
      }
    }
    return loss;
  };
}
