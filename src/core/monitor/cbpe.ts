/**
 * Confidence-based performance estimation (CBPE, as NannyML) for classification: the metric a
 * model would score on a batch without labels, if its probabilities are calibrated. Each row r
 * with probabilities p_r is read as k weighted rows, one per class t with true label t and weight
 * p_rt (same prediction, same scores). Any metric of the app scored on those weighted rows is the
 * metric of the expected confusion matrix (accuracy, balanced accuracy, precision, recall, F1),
 * the expected ROC / PR curve (NannyML's cumulative p and 1 - p per threshold, ties grouped) or the
 * expected log loss: the very same scorers as the real metric, so the two are comparable.
 */

import { SCORERS } from "../eval/metrics.ts";
import { METRICS, type MetricId } from "../framing/metrics.ts";

const CBPE_BASE =
  "CBPE (confidence-based performance estimation, as NannyML): the expected metric if the model's " +
  "probabilities are calibrated, i.e. a row predicted with probability p for a class is that class " +
  "p of the time, and the relation between inputs and target has not changed (no concept drift).";

/** What CBPE assumes, for people: shown beside every estimate (uncalibrated probabilities). */
export const CBPE_METHOD = `${CBPE_BASE} The probabilities are used as the model gives them, not recalibrated (the reference keeps no held-out labels to calibrate on).`;

/** What CBPE assumes when the reference carries a calibration. */
export const CBPE_CALIBRATED_METHOD = `${CBPE_BASE} The probabilities are first recalibrated (binned isotonic regression) on the out-of-fold predictions of the training rows.`;

/** Most weighted rows (rows x classes, x classes again for probability metrics) scored at once. */
const MAX_CELLS = 30_000_000;

/**
 * The estimated `metric` of predictions (class indices) with row-major probabilities
 * (rows x k): the model's scores; `expected` (default: the same) are the probabilities each row
 * is taken to be of each class, e.g. the scores calibrated. Probability metrics on very large
 * multiclass batches read an evenly spaced subset of rows (at most MAX_CELLS / k^2 of them).
 * NaN when the metric is undefined (e.g. no rows).
 */
export function estimateMetric(
  metric: MetricId,
  predictions: Float64Array,
  proba: Float64Array,
  k: number,
  expected: Float64Array = proba,
): number {
  const needsProba = METRICS[metric].needsProba;
  let n = predictions.length;
  if (n === 0) return Number.NaN;
  const perRow = needsProba ? k * k : k;
  const step = Math.max(1, Math.ceil((n * perRow) / MAX_CELLS));
  const rows = Math.ceil(n / step);
  const yTrue = new Float64Array(rows * k);
  const yPred = new Float64Array(rows * k);
  const weight = new Float64Array(rows * k);
  const expanded = needsProba ? new Float64Array(rows * k * k) : undefined;
  n = 0;
  for (let r = 0; r < predictions.length; r += step, n++) {
    for (let t = 0; t < k; t++) {
      const i = n * k + t;
      yTrue[i] = t;
      yPred[i] = predictions[r];
      weight[i] = expected[r * k + t];
      if (expanded) expanded.set(proba.subarray(r * k, r * k + k), i * k);
    }
  }
  return SCORERS[metric]({ yTrue, yPred, proba: expanded, nClasses: k, weight });
}
