/**
 * Boosting losses on raw scores, as scikit-learn's HistGradientBoosting "half" losses: squared
 * error (gradient raw - y, hessian 1), binary log loss on the log-odds (p - y, p (1 - p)) and
 * multinomial log loss with one raw score per class (softmax; p_k - [y = k], p_k (1 - p_k)).
 * Raw scores are row-major, rows x `dim` (dim = 1 but for multiclass); targets and weights are
 * per row of the same set (training or validation).
 */
export type LossName = "squared_error" | "log_loss";

/**
 * Per-row targets: values (regression), or class indices, which a classifier's fit holds as bytes
 * (fewer than 256 classes: the same numbers in an eighth of the memory).
 */
export type Targets = Float64Array | Uint8Array;

export interface BoostLoss {
  name: LossName;
  /** Raw scores per row: 1, or the class count for multiclass. */
  dim: number;
  /** The best constant raw score(s): mean, log-odds, or log class shares; `w` null: every weight 1. */
  baseline(y: Targets, w: Float64Array | null): Float64Array;
  /**
   * Weighted gradients and hessians of raw score `k` for every row into grad / hess.
   * `prob` is scratch of n x dim filled by `prepare` once per iteration.
   */
  prepare(raw: Float64Array, n: number, prob: Float64Array): void;
  gradients(
    k: number,
    raw: Float64Array,
    prob: Float64Array,
    y: Targets,
    w: Float64Array,
    grad: Float64Array,
    hess: Float64Array,
  ): void;
  /**
   * Weighted mean loss over the rows of y. `prob`, when given, holds `prepare`'s output for the
   * same raw scores and saves the exponentials.
   */
  mean(raw: Float64Array, y: Targets, w: Float64Array, prob?: Float64Array): number;
  /** Predictions from raw scores: the value (regression) or class probabilities (rows x classes). */
  transform(raw: Float64Array, n: number): Float64Array;
  /**
   * One-score losses may offer `prepare`, `mean` and `gradients(0, ...)` in one pass over the rows,
   * with the same numbers: returns the mean loss. `w` null means every weight is 1 (a product
   * with 1 is exact, so skipping it changes nothing but the reads). The probabilities are not
   * kept (nothing reads them after the step), so a fit needs no array of them.
   */
  step?(
    raw: Float64Array,
    n: number,
    y: Targets,
    w: Float64Array | null,
    grad: Float64Array,
    hess: Float64Array,
  ): number;
}

/** Keeps log-odds and log shares finite when a class is (nearly) absent. */
const EPS = 1e-15;

export const squaredError: BoostLoss = {
  name: "squared_error",
  dim: 1,
  baseline(y, w) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < y.length; i++) {
      const wi = w === null ? 1 : w[i];
      s += wi * y[i];
      t += wi;
    }
    return Float64Array.of(t > 0 ? s / t : 0);
  },
  prepare() {},
  gradients(_k, raw, _prob, y, w, grad, hess) {
    for (let i = 0; i < grad.length; i++) {
      grad[i] = w[i] * (raw[i] - y[i]);
      hess[i] = w[i];
    }
  },
  mean(raw, y, w) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < y.length; i++) {
      const d = raw[i] - y[i];
      s += w[i] * d * d;
      t += w[i];
    }
    return t > 0 ? s / t : 0;
  },
  transform: (raw, n) => raw.slice(0, n),
};

export const binaryLogLoss: BoostLoss = {
  name: "log_loss",
  dim: 1,
  baseline(y, w) {
    let pos = 0;
    let t = 0;
    for (let i = 0; i < y.length; i++) {
      const wi = w === null ? 1 : w[i];
      pos += wi * y[i];
      t += wi;
    }
    const p = Math.min(1 - EPS, Math.max(EPS, t > 0 ? pos / t : 0.5));
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  prepare(raw, n, prob) {
    for (let i = 0; i < n; i++) prob[i] = sigmoid(raw[i]);
  },
  gradients(_k, _raw, prob, y, w, grad, hess) {
    for (let i = 0; i < grad.length; i++) {
      const p = prob[i];
      grad[i] = w[i] * (p - y[i]);
      hess[i] = w[i] * p * (1 - p);
    }
  },
  mean(raw, y, w, prob) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < y.length; i++) {
      const q = prob ? (y[i] === 1 ? prob[i] : 1 - prob[i]) : 0;
      if (q > 1e-12) s += -w[i] * Math.log(q);
      else {
        // log(1 + e^raw) - y raw, written so that it neither overflows nor loses small values.
        const r = raw[i];
        const softplus = r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
        s += w[i] * (softplus - y[i] * r);
      }
      t += w[i];
    }
    return t > 0 ? s / t : 0;
  },
  step(raw, n, y, w, grad, hess) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      const r = raw[i];
      const p = sigmoid(r);
      const wi = w === null ? 1 : w[i];
      // As `gradients` and `mean` (whose order of sums this keeps).
      grad[i] = w === null ? p - y[i] : wi * (p - y[i]);
      hess[i] = w === null ? p * (1 - p) : wi * p * (1 - p);
      const q = y[i] === 1 ? p : 1 - p;
      if (q > 1e-12) s += w === null ? -Math.log(q) : -wi * Math.log(q);
      else {
        const softplus = r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
        s += w === null ? softplus - y[i] * r : wi * (softplus - y[i] * r);
      }
      t += wi;
    }
    return t > 0 ? s / t : 0;
  },
  transform(raw, n) {
    const out = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const p = sigmoid(raw[i]);
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
    return out;
  },
};

export function multinomialLogLoss(k: number): BoostLoss {
  return {
    name: "log_loss",
    dim: k,
    baseline(y, w) {
      const share = new Float64Array(k);
      let t = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w === null ? 1 : w[i];
        share[y[i]] += wi;
        t += wi;
      }
      return share.map((s) => Math.log(Math.max(EPS, t > 0 ? s / t : 1 / k)));
    },
    prepare(raw, n, prob) {
      softmaxRows(raw, n, k, prob);
    },
    gradients(c, _raw, prob, y, w, grad, hess) {
      for (let i = 0; i < grad.length; i++) {
        const p = prob[i * k + c];
        grad[i] = w[i] * (p - (y[i] === c ? 1 : 0));
        hess[i] = w[i] * p * (1 - p);
      }
    },
    mean(raw, y, w, prob) {
      let s = 0;
      let t = 0;
      for (let i = 0; i < y.length; i++) {
        const q = prob ? prob[i * k + y[i]] : 0;
        if (q > 1e-12) {
          s += -w[i] * Math.log(q);
          t += w[i];
          continue;
        }
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) max = Math.max(max, raw[i * k + c]);
        let z = 0;
        for (let c = 0; c < k; c++) z += Math.exp(raw[i * k + c] - max);
        s += w[i] * (max + Math.log(z) - raw[i * k + y[i]]);
        t += w[i];
      }
      return t > 0 ? s / t : 0;
    },
    transform(raw, n) {
      const out = new Float64Array(n * k);
      softmaxRows(raw, n, k, out);
      return out;
    },
  };
}

/**
 * The binary loss's `step` on rows a..b with each row's loss term stored in `terms` rather than
 * summed: a thread's share of one step. `sumTerms` then gives step's mean to the bit (the same
 * terms added in the same order).
 */
export function binaryStepRows(
  raw: Float64Array,
  y: Targets,
  w: Float64Array | null,
  grad: Float64Array,
  hess: Float64Array,
  terms: Float64Array,
  a: number,
  b: number,
): void {
  for (let i = a; i < b; i++) {
    const r = raw[i];
    const p = sigmoid(r);
    const wi = w === null ? 1 : w[i];
    grad[i] = w === null ? p - y[i] : wi * (p - y[i]);
    hess[i] = w === null ? p * (1 - p) : wi * p * (1 - p);
    const q = y[i] === 1 ? p : 1 - p;
    if (q > 1e-12) terms[i] = w === null ? -Math.log(q) : -wi * Math.log(q);
    else {
      const softplus = r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
      terms[i] = w === null ? softplus - y[i] * r : wi * (softplus - y[i] * r);
    }
  }
}

/** The mean of `binaryStepRows`' terms over rows 0..n, as `step` returns it. */
export function sumTerms(terms: Float64Array, w: Float64Array | null, n: number): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    s += terms[i];
    t += w === null ? 1 : w[i];
  }
  return t > 0 ? s / t : 0;
}

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  // One exponential for both uses (the same value, so the same result as computing it twice).
  const e = Math.exp(x);
  return e / (1 + e);
}

function softmaxRows(raw: Float64Array, n: number, k: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, raw[i * k + c]);
    let z = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(raw[i * k + c] - max);
      out[i * k + c] = e;
      z += e;
    }
    for (let c = 0; c < k; c++) out[i * k + c] /= z;
  }
}
