import type { Numbers } from "./metricInput.ts";
import { thresholdCounts } from "./thresholdCounts.ts";

/** ROC curve points from (0, 0) at threshold +Infinity to (1, 1), one per distinct score. */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/**
 * Receiver operating characteristic of a binary problem: `positive[i] === 1` marks positives and
 * higher scores mean "more positive". Rates are NaN when one of the two classes is absent.
 */
export function rocCurve(positive: Numbers, scores: Numbers, weight?: Numbers): RocCurve {
  const c = thresholdCounts(positive, scores, weight);
  const m = c.thresholds.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const thresholds = new Float64Array(m);
  thresholds[0] = Number.POSITIVE_INFINITY;
  for (let i = 1; i < m; i++) {
    fpr[i] = c.fps[i - 1] / c.negatives;
    tpr[i] = c.tps[i - 1] / c.positives;
    thresholds[i] = c.thresholds[i - 1];
  }
  return { fpr, tpr, thresholds };
}

/** Area under the ROC curve by the trapezoidal rule; NaN when only one class is present. */
export function rocAucBinary(positive: Numbers, scores: Numbers, weight?: Numbers): number {
  const { fpr, tpr } = rocCurve(positive, scores, weight);
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
  return area;
}
