import { confusionMatrix } from "./confusionMatrix.ts";
import type { Numbers } from "./metricInput.ts";

/**
 * Mean recall over the classes present in `yTrue` (as scikit-learn's `balanced_accuracy_score`):
 * a majority-class guess scores 1 / k however skewed the classes are.
 */
export function balancedAccuracy(yTrue: Numbers, yPred: Numbers, weight?: Numbers): number {
  const { nClasses: k, counts } = confusionMatrix(yTrue, yPred, undefined, weight);
  let sum = 0;
  let present = 0;
  for (let t = 0; t < k; t++) {
    let support = 0;
    for (let p = 0; p < k; p++) support += counts[t * k + p];
    if (support > 0) {
      sum += counts[t * k + t] / support;
      present++;
    }
  }
  return present > 0 ? sum / present : Number.NaN;
}
