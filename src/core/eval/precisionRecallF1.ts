import { confusionMatrix } from "./confusionMatrix.ts";
import type { Numbers } from "./metricInput.ts";

/** Per-class precision, recall, F1 and support (weighted count of true rows). */
export interface ClassReport {
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  support: Float64Array;
  /** 1 for classes that occur in the true or the predicted labels; averages run over these only. */
  present: Uint8Array;
}

/**
 * Per-class precision, recall and F1 from the confusion matrix. A ratio with a zero denominator is
 * 0, as scikit-learn's `zero_division` default.
 */
export function classReport(
  yTrue: Numbers,
  yPred: Numbers,
  nClasses?: number,
  weight?: Numbers,
): ClassReport {
  const { nClasses: k, counts } = confusionMatrix(yTrue, yPred, nClasses, weight);
  const precision = new Float64Array(k);
  const recall = new Float64Array(k);
  const f1 = new Float64Array(k);
  const support = new Float64Array(k);
  const present = new Uint8Array(k);
  for (let c = 0; c < k; c++) {
    let predicted = 0;
    let actual = 0;
    for (let j = 0; j < k; j++) {
      predicted += counts[j * k + c];
      actual += counts[c * k + j];
    }
    const tp = counts[c * k + c];
    precision[c] = predicted > 0 ? tp / predicted : 0;
    recall[c] = actual > 0 ? tp / actual : 0;
    const pr = precision[c] + recall[c];
    f1[c] = pr > 0 ? (2 * precision[c] * recall[c]) / pr : 0;
    support[c] = actual;
    present[c] = predicted > 0 || actual > 0 ? 1 : 0;
  }
  return { precision, recall, f1, support, present };
}

type Average = "macro" | "weighted";

function average(values: Float64Array, report: ClassReport, how: Average): number {
  let sum = 0;
  let norm = 0;
  for (let c = 0; c < values.length; c++) {
    if (!report.present[c]) continue;
    const w = how === "macro" ? 1 : report.support[c];
    sum += w * values[c];
    norm += w;
  }
  return norm > 0 ? sum / norm : Number.NaN;
}

/** F1 averaged over classes: "macro" (unweighted) or "weighted" (by support). */
export function f1Score(yTrue: Numbers, yPred: Numbers, how: Average = "macro", weight?: Numbers): number {
  const r = classReport(yTrue, yPred, undefined, weight);
  return average(r.f1, r, how);
}

/** Precision averaged over classes: "macro" or "weighted". */
export function precisionScore(
  yTrue: Numbers,
  yPred: Numbers,
  how: Average = "macro",
  weight?: Numbers,
): number {
  const r = classReport(yTrue, yPred, undefined, weight);
  return average(r.precision, r, how);
}

/** Recall averaged over classes: "macro" or "weighted". */
export function recallScore(
  yTrue: Numbers,
  yPred: Numbers,
  how: Average = "macro",
  weight?: Numbers,
): number {
  const r = classReport(yTrue, yPred, undefined, weight);
  return average(r.recall, r, how);
}
