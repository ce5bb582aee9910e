import type { Numbers } from "./metricInput.ts";
import { thresholdCounts } from "./thresholdCounts.ts";

/**
 * Precision-recall points by decreasing threshold, starting at (recall 0, precision 1) and ending
 * where recall first reaches 1 (as scikit-learn's `precision_recall_curve`, reversed).
 */
export interface PrCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/** Precision-recall curve of a binary problem: `positive[i] === 1` marks positives. */
export function prCurve(positive: Numbers, scores: Numbers, weight?: Numbers): PrCurve {
  const c = thresholdCounts(positive, scores, weight);
  const precision = [1];
  const recall = [0];
  const thresholds = [Number.POSITIVE_INFINITY];
  for (let i = 0; i < c.thresholds.length; i++) {
    precision.push(c.tps[i] / (c.tps[i] + c.fps[i]));
    recall.push(c.tps[i] / c.positives);
    thresholds.push(c.thresholds[i]);
    if (c.tps[i] >= c.positives) break;
  }
  return {
    precision: Float64Array.from(precision),
    recall: Float64Array.from(recall),
    thresholds: Float64Array.from(thresholds),
  };
}

/**
 * Average precision, AP = sum over thresholds of (R_n - R_{n-1}) * P_n: the step-wise area under
 * the PR curve without interpolation (scikit-learn's `average_precision_score`). NaN without positives.
 */
export function averagePrecision(positive: Numbers, scores: Numbers, weight?: Numbers): number {
  const c = thresholdCounts(positive, scores, weight);
  if (!(c.positives > 0)) return Number.NaN;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < c.thresholds.length; i++) {
    const recall = c.tps[i] / c.positives;
    ap += (recall - prevRecall) * (c.tps[i] / (c.tps[i] + c.fps[i]));
    prevRecall = recall;
  }
  return ap;
}
