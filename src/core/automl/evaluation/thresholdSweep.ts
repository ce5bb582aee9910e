import { ValidationError } from "../../errors.ts";
import type { ConfusionMatrix } from "../../eval/confusionMatrix.ts";
import { checkLengths, type Numbers } from "../../eval/metricInput.ts";

/**
 * The 2 x 2 confusion matrix of a binary problem at a probability threshold: a row is predicted
 * positive when its score is >= `threshold`. `positive[i] === 1` marks the positive rows. Counts
 * are laid out as `confusionMatrix`'s: [tn, fp, fn, tp] (true class by row, predicted by column).
 */
export function confusionAtThreshold(positive: Numbers, scores: Numbers, threshold: number): ConfusionMatrix {
  checkLengths(positive, scores, undefined, "scores");
  const counts = new Float64Array(4);
  for (let i = 0; i < positive.length; i++) {
    const t = positive[i] === 1 ? 1 : 0;
    const p = scores[i] >= threshold ? 1 : 0;
    counts[t * 2 + p]++;
  }
  return { nClasses: 2, counts };
}

/** Confusion counts and the usual rates at evenly spaced thresholds, for a threshold slider. */
export interface ThresholdSweep {
  /** 0, 1 / steps, ..., 1. */
  thresholds: Float64Array;
  tp: Float64Array;
  fp: Float64Array;
  tn: Float64Array;
  fn: Float64Array;
  /** NaN where nothing is predicted positive. */
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  accuracy: Float64Array;
}

/** Index of the first entry of ascending `a` that is >= x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `confusionAtThreshold` at `steps + 1` thresholds from 0 to 1 in one pass over sorted scores
 * (O(n log n)), with precision, recall, F1 and accuracy at each.
 */
export function thresholdSweep(positive: Numbers, scores: Numbers, steps = 100): ThresholdSweep {
  checkLengths(positive, scores, undefined, "scores");
  if (!Number.isInteger(steps) || steps < 1) throw new ValidationError(`invalid steps: ${steps}`);
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < positive.length; i++) (positive[i] === 1 ? pos : neg).push(scores[i]);
  const P = Float64Array.from(pos).sort();
  const N = Float64Array.from(neg).sort();
  const m = steps + 1;
  const out: ThresholdSweep = {
    thresholds: new Float64Array(m),
    tp: new Float64Array(m),
    fp: new Float64Array(m),
    tn: new Float64Array(m),
    fn: new Float64Array(m),
    precision: new Float64Array(m),
    recall: new Float64Array(m),
    f1: new Float64Array(m),
    accuracy: new Float64Array(m),
  };
  const n = P.length + N.length;
  for (let s = 0; s < m; s++) {
    const t = s / steps;
    const tp = P.length - lowerBound(P, t);
    const fp = N.length - lowerBound(N, t);
    const fn = P.length - tp;
    const tn = N.length - fp;
    const precision = tp + fp > 0 ? tp / (tp + fp) : Number.NaN;
    const recall = P.length > 0 ? tp / P.length : Number.NaN;
    out.thresholds[s] = t;
    out.tp[s] = tp;
    out.fp[s] = fp;
    out.tn[s] = tn;
    out.fn[s] = fn;
    out.precision[s] = precision;
    out.recall[s] = recall;
    out.f1[s] = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
    out.accuracy[s] = n > 0 ? (tp + tn) / n : Number.NaN;
  }
  return out;
}
