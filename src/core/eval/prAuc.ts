import type { Numbers } from "./metricInput.ts";
import { oneVsRest } from "./oneVsRest.ts";
import { averagePrecision } from "./prCurve.ts";

/**
 * Area under the precision-recall curve as average precision, from class probabilities
 * (rows x nClasses): binary on the positive column, multiclass as the one-vs-rest macro mean.
 */
export function prAuc(yTrue: Numbers, proba: Numbers, nClasses: number, weight?: Numbers): number {
  return oneVsRest(averagePrecision, yTrue, proba, nClasses, weight);
}
