import { sortNumbers } from "../util/sortNumbers.ts";
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
  return (
    (weight === undefined && countsBySortedClasses(positive, scores)) ||
    countsByOrder(positive, scores, weight)
  );
}

/**
 * Without weights, the counts at each distinct score need no row order: each class's scores are
 * sorted apart as numbers (`sortNumbers`, many times faster than sorting indices with a
 * comparator) and merged from the top. Same thresholds and counts as `countsByOrder`, which keeps
 * the weighted case and scores with NaN (null here).
 */
function countsBySortedClasses(positive: Numbers, scores: Numbers): ThresholdCounts | null {
  const n = positive.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) if (positive[i] === 1) nPos++;
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(n - nPos);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) return null;
    if (positive[i] === 1) pos[p++] = s;
    else neg[q++] = s;
  }
  sortNumbers(pos);
  sortNumbers(neg);
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    const s = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
    while (i >= 0 && pos[i] === s) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === s) {
      fp++;
      j--;
    }
    thresholds[m] = s;
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  return {
    thresholds: thresholds.slice(0, m),
    tps: tps.slice(0, m),
    fps: fps.slice(0, m),
    positives: tp,
    negatives: fp,
  };
}

function countsByOrder(positive: Numbers, scores: Numbers, weight?: Numbers): ThresholdCounts {
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
