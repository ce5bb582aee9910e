import { keptScratch, sortNumbers } from "../util/sortNumbers.ts";
import { checkLengths, type Numbers } from "./metricInput.ts";
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
  if (weight === undefined) {
    checkLengths(positive, scores, undefined, "scores");
    const area = unweightedRocAuc(positive, 1, scores, 1, 0);
    if (area !== null) return area;
  }
  const { fpr, tpr } = rocCurve(positive, scores, weight);
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
  return area;
}

/**
 * Scratch for `unweightedRocAuc`'s two sorted classes, grown as needed up to KEPT_SCRATCH values
 * (one thread, no reentry): the ensemble's ~1,200 calls on a few thousand rows reuse it; a bigger
 * call (a million out-of-fold rows: 8 MB) gets its own, freed after, instead of the module holding
 * it for the rest of the process.
 */
const scratchOf = keptScratch((n) => new Float64Array(n));

/**
 * `rocAucBinary` without weights, in one pass and no curve arrays: row i is positive when
 * `labels[i] === positive`, its score is `scores[i * stride + offset]` (a probability column read
 * in place). Each class's scores are sorted apart as numbers and merged from the top, as
 * `thresholdCounts` does, and each distinct score adds its trapezoid with the same operations in
 * the same order as `rocCurve` + `rocAucBinary`, so the area is the same to the bit (tested). The
 * ensemble's metric-driven selection computes ~1,200 of these a ladder. Null when a score is NaN
 * (the row-order path handles it).
 */
export function unweightedRocAuc(
  labels: Numbers,
  positive: number,
  scores: Numbers,
  stride: number,
  offset: number,
): number | null {
  const n = labels.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) if (labels[i] === positive) nPos++;
  const buf = scratchOf(n);
  const pos = buf.subarray(0, nPos);
  const neg = buf.subarray(nPos, n);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    const s = scores[i * stride + offset];
    if (Number.isNaN(s)) return null;
    if (labels[i] === positive) pos[p++] = s;
    else neg[q++] = s;
  }
  sortNumbers(pos);
  sortNumbers(neg);
  const positives = nPos;
  const negatives = n - nPos;
  let i = nPos - 1;
  let j = negatives - 1;
  let tp = 0;
  let fp = 0;
  let fpr0 = 0;
  let tpr0 = 0;
  let area = 0;
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
    const fpr = fp / negatives;
    const tpr = tp / positives;
    area += ((fpr - fpr0) * (tpr + tpr0)) / 2;
    fpr0 = fpr;
    tpr0 = tpr;
  }
  return area;
}
