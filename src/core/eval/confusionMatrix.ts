import { checkLengths, classCountOf, type Numbers, weightAt } from "./metricInput.ts";

/** Counts (weighted sums when weights are given) of true class (row) against predicted class (column). */
export interface ConfusionMatrix {
  nClasses: number;
  /** Row-major nClasses x nClasses: `counts[t * nClasses + p]`. */
  counts: Float64Array;
}

/**
 * Confusion matrix of class indices. `nClasses` defaults to the largest label seen plus one; pass
 * it so that classes absent from both vectors still get a row and a column.
 */
export function confusionMatrix(
  yTrue: Numbers,
  yPred: Numbers,
  nClasses?: number,
  weight?: Numbers,
): ConfusionMatrix {
  checkLengths(yTrue, yPred, weight);
  const k = Math.max(nClasses ?? 0, classCountOf(yTrue, yPred));
  const counts = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) counts[yTrue[i] * k + yPred[i]] += weightAt(weight, i);
  return { nClasses: k, counts };
}
