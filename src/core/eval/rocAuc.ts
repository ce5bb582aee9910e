import type { Numbers } from "./metricInput.ts";
import { oneVsRest } from "./oneVsRest.ts";
import { rocAucBinary } from "./rocCurve.ts";

/**
 * ROC AUC from class probabilities (row-major, rows x nClasses): binary on the positive column,
 * multiclass as the one-vs-rest macro mean. NaN when it is undefined (a single class present).
 */
export function rocAuc(yTrue: Numbers, proba: Numbers, nClasses: number, weight?: Numbers): number {
  return oneVsRest(rocAucBinary, yTrue, proba, nClasses, weight);
}
