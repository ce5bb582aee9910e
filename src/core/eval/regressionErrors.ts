import { checkLengths, type Numbers, weightAt } from "./metricInput.ts";

function meanOf(
  yTrue: Numbers,
  yPred: Numbers,
  weight: Numbers | undefined,
  f: (e: number) => number,
): number {
  checkLengths(yTrue, yPred, weight);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weight, i);
    sum += w * f(yTrue[i] - yPred[i]);
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}

/** Mean absolute error. */
export function mae(yTrue: Numbers, yPred: Numbers, weight?: Numbers): number {
  return meanOf(yTrue, yPred, weight, Math.abs);
}

/** Mean squared error. */
export function mse(yTrue: Numbers, yPred: Numbers, weight?: Numbers): number {
  return meanOf(yTrue, yPred, weight, (e) => e * e);
}

/** Root mean squared error, in the target's own unit. */
export function rmse(yTrue: Numbers, yPred: Numbers, weight?: Numbers): number {
  return Math.sqrt(mse(yTrue, yPred, weight));
}
