/**
 * CBPE against the real metric on labelled rows it never saw. The probabilities are calibrated by
 * construction (each label is drawn with the probability the "model" gives), which is CBPE's
 * assumption; the labels are drawn after the estimate's inputs are fixed. Under that assumption
 * the real metric scatters around the estimate with a known spread, so each tolerance is 4
 * standard errors: accuracy sqrt(sum q(1 - q)) / n with q the predicted class's probability;
 * ROC AUC Hanley & McNeil's (1982) standard error. A miscalibrated model shows the estimate can fail.
 */
import { describe, expect, it } from "vitest";
import { SCORERS } from "../../../../src/core/eval/metrics.ts";
import { applyCalibration, fitCalibration } from "../../../../src/core/monitor/calibration.ts";
import { estimateMetric } from "../../../../src/core/monitor/cbpe.ts";
import { makeRng } from "../../../../src/core/random.ts";

const N = 20_000;

/** Probabilities of k classes (softmax of seeded scores), argmax predictions and drawn labels. */
function batch(k: number, seed: number, sharpness: number) {
  const rng = makeRng(seed);
  const proba = new Float64Array(N * k);
  const predictions = new Float64Array(N);
  const labels = new Float64Array(N);
  for (let r = 0; r < N; r++) {
    let total = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(sharpness * (rng.next() - 0.5) + (c === r % k ? 1 : 0));
      proba[r * k + c] = e;
      total += e;
    }
    let best = 0;
    for (let c = 0; c < k; c++) {
      proba[r * k + c] /= total;
      if (proba[r * k + c] > proba[r * k + best]) best = c;
    }
    predictions[r] = best;
    let u = rng.next();
    let y = k - 1;
    for (let c = 0; c < k; c++) {
      u -= proba[r * k + c];
      if (u < 0) {
        y = c;
        break;
      }
    }
    labels[r] = y;
  }
  return { proba, predictions, labels };
}

function accuracyTolerance(proba: Float64Array, predictions: Float64Array, k: number): number {
  let v = 0;
  for (let r = 0; r < N; r++) {
    const q = proba[r * k + predictions[r]];
    v += q * (1 - q);
  }
  return (4 * Math.sqrt(v)) / N;
}

function hanleyMcNeil(auc: number, positives: number, negatives: number): number {
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  return Math.sqrt(
    (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) /
      (positives * negatives),
  );
}

describe("CBPE", () => {
  it("estimates binary accuracy, F1 and ROC AUC of calibrated probabilities within 4 standard errors", () => {
    const { proba, predictions, labels } = batch(2, 11, 4);
    const real = (m: "accuracy" | "f1_macro" | "roc_auc") =>
      SCORERS[m]({ yTrue: labels, yPred: predictions, proba, nClasses: 2 });
    const tol = accuracyTolerance(proba, predictions, 2);
    expect(Math.abs(estimateMetric("accuracy", predictions, proba, 2) - real("accuracy"))).toBeLessThan(tol);
    // F1 (macro) of two classes moves with accuracy here (both classes ~half the rows).
    expect(Math.abs(estimateMetric("f1_macro", predictions, proba, 2) - real("f1_macro"))).toBeLessThan(
      2 * tol,
    );
    const auc = real("roc_auc");
    const positives = labels.reduce((a, b) => a + b, 0);
    const se = hanleyMcNeil(auc, positives, N - positives);
    expect(Math.abs(estimateMetric("roc_auc", predictions, proba, 2) - auc)).toBeLessThan(4 * se);
  });

  it("estimates multiclass accuracy and balanced accuracy within 4 standard errors", () => {
    const { proba, predictions, labels } = batch(4, 5, 3);
    const tol = accuracyTolerance(proba, predictions, 4);
    const real = SCORERS.accuracy({ yTrue: labels, yPred: predictions });
    expect(Math.abs(estimateMetric("accuracy", predictions, proba, 4) - real)).toBeLessThan(tol);
    const bal = SCORERS.balanced_accuracy({ yTrue: labels, yPred: predictions });
    expect(Math.abs(estimateMetric("balanced_accuracy", predictions, proba, 4) - bal)).toBeLessThan(2 * tol);
  });

  it("misses when the probabilities are overconfident (its assumption broken)", () => {
    const { proba, predictions, labels } = batch(2, 11, 4);
    // Same labels, probabilities pushed towards 0 / 1: the estimate claims more than the truth.
    const sharp = proba.map((p) => (p > 0.5 ? Math.min(1, p + 0.3) : Math.max(0, p - 0.3)));
    const real = SCORERS.accuracy({ yTrue: labels, yPred: predictions });
    expect(estimateMetric("accuracy", predictions, sharp, 2) - real).toBeGreaterThan(
      10 * accuracyTolerance(proba, predictions, 2),
    );
  });

  it("recovers from overconfidence when calibrated on held-out labelled predictions", () => {
    // The model says sigmoid(3 logit p) where the truth is p: overconfident.
    const sharpen = (proba: Float64Array) =>
      proba.map((p) => {
        const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return 1 / (1 + ((1 - q) / q) ** 3);
      });
    const heldOut = batch(2, 21, 4);
    const maps = fitCalibration(heldOut.labels, sharpen(heldOut.proba), 2);
    expect(maps[0].x.length).toBeLessThanOrEqual(32);
    const { proba, predictions, labels } = batch(2, 11, 4);
    const scores = sharpen(proba);
    const real = SCORERS.accuracy({ yTrue: labels, yPred: predictions });
    const tol = accuracyTolerance(proba, predictions, 2);
    const raw = estimateMetric("accuracy", predictions, scores, 2);
    const calibrated = estimateMetric("accuracy", predictions, scores, 2, applyCalibration(maps, scores, 2));
    expect(raw - real).toBeGreaterThan(5 * tol);
    // The calibration's own error (32 bins, 20,000 held-out rows) adds about one more standard error.
    expect(Math.abs(calibrated - real)).toBeLessThan(tol + tol / 4);
    const auc = SCORERS.roc_auc({ yTrue: labels, yPred: predictions, proba: scores, nClasses: 2 });
    const positives = labels.reduce((a, b) => a + b, 0);
    const estimated = estimateMetric("roc_auc", predictions, scores, 2, applyCalibration(maps, scores, 2));
    expect(Math.abs(estimated - auc)).toBeLessThan(4 * hanleyMcNeil(auc, positives, N - positives));
  });
});
