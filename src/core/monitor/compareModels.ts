/**
 * Champion against challenger on the same labelled rows: a paired bootstrap of the metric's
 * difference (both models scored on the same resampled rows, so the rows' own difficulty cancels
 * out) and McNemar's test on which rows each model gets right (accuracy only), exact and mid-p
 * (Fagerland, Lydersen & Laake 2013, "The McNemar test for binary matched-pairs data").
 */
import { ValidationError } from "../errors.ts";
import { SCORERS } from "../eval/metrics.ts";
import { lnGamma } from "../features/selection/specialFunctions.ts";
import { METRICS, type MetricId } from "../framing/metrics.ts";
import { makeRng } from "../random.ts";

/** One model's answers on the compared rows: predictions (class indices or values) and probabilities. */
export interface ModelAnswers {
  predictions: Float64Array;
  /** Row-major probabilities (rows x k) for classification; null for regression. */
  proba: Float64Array | null;
}

/** McNemar's test on paired right / wrong answers. */
export interface McNemarResult {
  /** Rows the champion (A) gets right and the challenger (B) wrong. */
  b: number;
  /** Rows A gets wrong and B right. */
  c: number;
  /** Two-sided exact p-value: 2 P(X <= min(b, c)), X ~ Binomial(b + c, 1/2), at most 1. */
  p_exact: number;
  /** Mid-p: the exact p-value less P(X = min(b, c)); less conservative, close to nominal size. */
  p_mid: number;
}

/** A paired bootstrap confidence interval of metric(B) - metric(A). */
export interface BootstrapResult {
  metric: MetricId;
  /** Metric of A (champion) and B (challenger) on all the rows, and B - A. */
  a: number;
  b: number;
  difference: number;
  /** Percentile interval of the resampled differences (numpy's linear percentile). */
  lo: number;
  hi: number;
  level: number;
  iterations: number;
  /** Resamples where the metric was undefined (one class only) and left out. */
  skipped: number;
  /** Share of resamples in which B scored better than A (the metric's better direction). */
  b_better_share: number;
  seed: number;
}

function logBinomPmf(k: number, n: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) - n * Math.LN2;
}

/** McNemar's exact and mid-p tests from the two models' right (1) / wrong (0) answers per row. */
export function mcnemar(rightA: ArrayLike<number>, rightB: ArrayLike<number>): McNemarResult {
  if (rightA.length !== rightB.length)
    throw new ValidationError(`mcnemar: ${rightA.length} answers against ${rightB.length}`);
  let b = 0;
  let c = 0;
  for (let i = 0; i < rightA.length; i++) {
    if (rightA[i] && !rightB[i]) b++;
    else if (!rightA[i] && rightB[i]) c++;
  }
  const n = b + c;
  if (n === 0) return { b, c, p_exact: 1, p_mid: 1 };
  const m = Math.min(b, c);
  let cdf = 0;
  for (let k = 0; k <= m; k++) cdf += Math.exp(logBinomPmf(k, n));
  const pmf = Math.exp(logBinomPmf(m, n));
  return { b, c, p_exact: Math.min(1, 2 * cdf), p_mid: Math.min(1, 2 * cdf - pmf) };
}

/** Right (1) or wrong (0) per row of class predictions against the truth. */
export function rightAnswers(yTrue: Float64Array, predictions: Float64Array): Uint8Array {
  return Uint8Array.from(yTrue, (t, i) => (t === predictions[i] ? 1 : 0));
}

/** numpy's default (linear) percentile of sorted values, q in [0, 1]. */
export function linearPercentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function score(metric: MetricId, yTrue: Float64Array, m: ModelAnswers, k: number, rows?: Int32Array): number {
  if (!rows)
    return SCORERS[metric]({ yTrue, yPred: m.predictions, proba: m.proba ?? undefined, nClasses: k });
  const t = Float64Array.from(rows, (r) => yTrue[r]);
  const p = Float64Array.from(rows, (r) => m.predictions[r]);
  let proba: Float64Array | undefined;
  if (m.proba) {
    proba = new Float64Array(rows.length * k);
    for (let j = 0; j < rows.length; j++) proba.set(m.proba.subarray(rows[j] * k, rows[j] * k + k), j * k);
  }
  return SCORERS[metric]({ yTrue: t, yPred: p, proba, nClasses: k });
}

/**
 * The paired bootstrap: `iterations` resamples of the rows with replacement (seeded), each scored
 * for both models; the interval is the percentiles of B - A at (1 - level) / 2 and (1 + level) / 2.
 * `k` is the number of classes (1 for regression).
 */
export function pairedBootstrap(args: {
  metric: MetricId;
  yTrue: Float64Array;
  a: ModelAnswers;
  b: ModelAnswers;
  k: number;
  iterations?: number;
  level?: number;
  seed?: number;
  signal?: AbortSignal;
}): BootstrapResult {
  const { metric, yTrue, a, b, k } = args;
  const iterations = args.iterations ?? 1000;
  const level = args.level ?? 0.95;
  const seed = args.seed ?? 0;
  const n = yTrue.length;
  if (n === 0) throw new ValidationError("the comparison needs labelled rows");
  if (a.predictions.length !== n || b.predictions.length !== n)
    throw new ValidationError("both models must answer every compared row");
  if (!(iterations >= 1) || !(level > 0 && level < 1))
    throw new ValidationError(`invalid bootstrap: ${iterations} iterations at level ${level}`);
  const higher = METRICS[metric].direction === "higher";
  const rng = makeRng(seed);
  const diffs: number[] = [];
  let better = 0;
  const rows = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    if (it % 50 === 0) args.signal?.throwIfAborted();
    for (let i = 0; i < n; i++) rows[i] = rng.int(n);
    const sa = score(metric, yTrue, a, k, rows);
    const sb = score(metric, yTrue, b, k, rows);
    const d = sb - sa;
    if (!Number.isFinite(d)) continue;
    diffs.push(d);
    if (higher ? d > 0 : d < 0) better++;
  }
  diffs.sort((x, y) => x - y);
  const sa = score(metric, yTrue, a, k);
  const sb = score(metric, yTrue, b, k);
  return {
    metric,
    a: sa,
    b: sb,
    difference: sb - sa,
    lo: linearPercentile(diffs, (1 - level) / 2),
    hi: linearPercentile(diffs, (1 + level) / 2),
    level,
    iterations,
    skipped: iterations - diffs.length,
    b_better_share: diffs.length > 0 ? better / diffs.length : Number.NaN,
    seed,
  };
}
