import type { ValueAndGradient } from "./lbfgs.ts";
import { type SparseRows, type SplitRows, sparseRows, splitRows } from "./sparseRows.ts";

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

/** Linear score of CSR row i under the block at `base`: as `linearScore`, skipping zeros. */
function sparseScore(theta: ArrayLike<number>, base: number, p: number, rows: SparseRows, i: number) {
  const { start, col, value } = rows;
  let z = theta[base + p];
  for (let e = start[i], end = start[i + 1]; e < end; e++) z += theta[base + col[e]] * value[e];
  return z;
}

/** How the objective reads the matrix: dense (null), its non-zeros, or a dense head and a 0/1 tail. */
export type RowLayout = SparseRows | SplitRows | null;

/**
 * The layout with the least work and the same sums: for the binary model a dense head with a
 * one-hot tail (`splitRows`) when the matrix ends in one, else the non-zeros of a mostly-zero
 * matrix (`sparseRows`), else dense.
 */
export function rowLayout(problem: LogisticProblem): RowLayout {
  const { data, n, p } = problem;
  return (blockCount(problem.k) === 1 ? splitRows(data, n, p) : undefined) ?? sparseRows(data, n, p) ?? null;
}

/**
 * Data loss plus `l2 / 2 * ||coefficients||^2` (intercepts unpenalised), as a value-and-gradient
 * function for the optimisers. Loss and gradient come from one pass over the rows. A matrix with
 * one-hot columns is read through its 1s (`rowLayout`), with the same sums bit for bit; `layout`
 * overrides that choice (tests and benchmarks; the multinomial model takes no SplitRows).
 */
export function makeLogisticObjective(
  problem: LogisticProblem,
  l2: number,
  layout: RowLayout = rowLayout(problem),
): ValueAndGradient {
  const { n, w } = problem;
  let sw = 0;
  for (let i = 0; i < n; i++) sw += w[i];
  const split = layout && "lead" in layout ? layout : null;
  const sparse = layout && "value" in layout ? layout : null;
  if (split && blockCount(problem.k) !== 1) throw new Error("logistic: SplitRows are for the binary model");
  const data =
    blockCount(problem.k) !== 1
      ? softmaxLoss(problem, sw, sparse)
      : split
        ? binarySplitLoss(problem, sw, split)
        : binaryLoss(problem, sw, sparse);
  if (!(l2 > 0)) return data;
  const { p, k } = problem;
  return (theta, grad) => {
    let loss = data(theta, grad);
    for (let c = 0; c < blockCount(k); c++) {
      const base = c * (p + 1);
      for (let j = 0; j < p; j++) {
        loss += (l2 / 2) * theta[base + j] ** 2;
        grad[base + j] += l2 * theta[base + j];
      }
    }
    return loss;
  };
}

/** Each row's weight over the total, w_i / sum w: the same quotient once per fit, not per evaluation. */
function normalisedWeights(w: Float64Array, sw: number): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i] / sw;
  return out;
}

/**
 * The binary data term, the hot loop of the ladder's logistic rung: its own closure, so the
 * engine compiles it for one shape of row (dense or sparse). Loss and residual use softplus and
 * sigmoid through their one shared exponential, e^-|z|: the same values as `softplus(z)` and
 * `sigmoid(z)` give, one Math.exp fewer per row.
 */
function binaryLoss(problem: LogisticProblem, sw: number, sparse: SparseRows | null): ValueAndGradient {
  const { data, n, p, y } = problem;
  const wn = normalisedWeights(problem.w, sw);
  const start = sparse?.start ?? new Int32Array(0);
  const col = sparse?.col ?? new Int32Array(0);
  const value = sparse?.value ?? new Float64Array(0);
  return (theta, grad) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const wi = wn[i];
      if (wi === 0) continue;
      let z = theta[p];
      if (sparse) for (let e = start[i], end = start[i + 1]; e < end; e++) z += theta[col[e]] * value[e];
      else for (let j = 0, o = i * p; j < p; j++) z += theta[j] * data[o + j];
      const e = Math.exp(z > 0 ? -z : z);
      loss += wi * ((z > 0 ? z + Math.log1p(e) : Math.log1p(e)) - y[i] * z);
      const r = wi * ((z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y[i]);
      if (r === 0) continue;
      if (sparse) for (let e = start[i], end = start[i + 1]; e < end; e++) grad[col[e]] += r * value[e];
      else for (let j = 0, o = i * p; j < p; j++) grad[j] += r * data[o + j];
      grad[p] += r;
    }
    return loss;
  };
}

/**
 * `binaryLoss` over SplitRows: the head's numbers densely, then the tail's 1s as bare parameters.
 * The same terms in the same column order, so the same loss and gradient bit for bit.
 */
function binarySplitLoss(problem: LogisticProblem, sw: number, rows: SplitRows): ValueAndGradient {
  const { n, p, y } = problem;
  const wn = normalisedWeights(problem.w, sw);
  const { lead, head, start, col } = rows;
  return (theta, grad) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const wi = wn[i];
      if (wi === 0) continue;
      let z = theta[p];
      const o = i * lead;
      for (let j = 0; j < lead; j++) z += theta[j] * head[o + j];
      const e0 = start[i];
      const e1 = start[i + 1];
      for (let e = e0; e < e1; e++) z += theta[col[e]];
      const e = Math.exp(z > 0 ? -z : z);
      loss += wi * ((z > 0 ? z + Math.log1p(e) : Math.log1p(e)) - y[i] * z);
      const r = wi * ((z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y[i]);
      if (r === 0) continue;
      for (let j = 0; j < lead; j++) grad[j] += r * head[o + j];
      for (let e = e0; e < e1; e++) grad[col[e]] += r;
      grad[p] += r;
    }
    return loss;
  };
}

/** The multinomial data term (softmax over k parameter blocks). */
function softmaxLoss(problem: LogisticProblem, sw: number, sparse: SparseRows | null): ValueAndGradient {
  const { data, n, p, y, w, k: blocks } = problem;
  const z = new Float64Array(blocks);
  const resid = new Float64Array(blocks);
  return (theta, grad) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i] / sw;
      if (wi === 0) continue;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < blocks; c++) {
        z[c] = sparse ? sparseScore(theta, c * (p + 1), p, sparse, i) : linearScore(theta, c, data, i, p);
        if (z[c] > max) max = z[c];
      }
      let sum = 0;
      for (let c = 0; c < blocks; c++) sum += Math.exp(z[c] - max);
      const logSum = max + Math.log(sum);
      loss += wi * (logSum - z[y[i]]);
      for (let c = 0; c < blocks; c++) resid[c] = wi * (Math.exp(z[c] - logSum) - (y[i] === c ? 1 : 0));
      for (let c = 0; c < blocks; c++) {
        const r = resid[c];
        if (r === 0) continue;
        const base = c * (p + 1);
        if (sparse) {
          const { start, col, value } = sparse;
          for (let e = start[i], end = start[i + 1]; e < end; e++) grad[base + col[e]] += r * value[e];
        } else for (let j = 0; j < p; j++) grad[base + j] += r * data[i * p + j];
        grad[base + p] += r;
      }
    }
    return loss;
  };
}
