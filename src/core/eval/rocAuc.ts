import { checkProba, type Numbers } from "./metricInput.ts";
import { oneVsRest } from "./oneVsRest.ts";
import { rocAucBinary, unweightedRocAuc } from "./rocCurve.ts";

/**
 * ROC AUC from class probabilities (row-major, rows x nClasses): binary on the positive column,
 * multiclass as the one-vs-rest macro mean. NaN when it is undefined (a single class present).
 */
export function rocAuc(yTrue: Numbers, proba: Numbers, nClasses: number, weight?: Numbers): number {
  if (nClasses === 2 && weight === undefined) {
    // The positive column read in place (no column or label copies): the same area.
    checkProba(yTrue, proba, nClasses);
    const area = unweightedRocAuc(yTrue, 1, proba, 2, 1);
    if (area !== null) return area;
  }
  return oneVsRest(rocAucBinary, yTrue, proba, nClasses, weight);
}
