import { checkLengths, type Numbers, weightAt } from "./metricInput.ts";

/**
 * Mean absolute percentage error as a fraction (0.1 = 10 %). Rows whose true value is 0 are
 * skipped, since their percentage error is undefined (scikit-learn divides by machine epsilon
 * instead, which turns one zero into an enormous score). NaN when every target is 0.
 */
export function mape(yTrue: Numbers, yPred: Numbers, weight?: Numbers): number {
  checkLengths(yTrue, yPred, weight);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] === 0) continue;
    const w = weightAt(weight, i);
    sum += (w * Math.abs(yTrue[i] - yPred[i])) / Math.abs(yTrue[i]);
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}
