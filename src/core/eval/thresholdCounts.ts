import { checkLengths, type Numbers, weightAt } from "./metricInput.ts";

/**
 * Cumulative true and false positives at each distinct score, highest score first: the shared
 * core of the ROC and precision-recall curves (as scikit-learn's `_binary_clf_curve`). Rows with
 * equal scores enter together, which is what gives tied scores half credit in the ROC AUC.
 */
export interface ThresholdCounts {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** Weighted positives with score >= threshold. */
  tps: Float64Array;
  /** Weighted negatives with score >= threshold. */
  fps: Float64Array;
  positives: number;
  negatives: number;
}

/** `positive[i] === 1` marks a positive row; `scores` rank rows, higher meaning more likely positive. */
export function thresholdCounts(positive: Numbers, scores: Numbers, weight?: Numbers): ThresholdCounts {
  checkLengths(positive, scores, weight, "scores");
  const n = positive.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    const w = weightAt(weight, i);
    if (positive[i] === 1) tp += w;
    else fp += w;
    // Close a threshold only after the last row of a run of equal scores.
    if (j === n - 1 || scores[order[j + 1]] !== scores[i]) {
      thresholds.push(scores[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    tps: Float64Array.from(tps),
    fps: Float64Array.from(fps),
    positives: tp,
    negatives: fp,
  };
}
