import { checkProba, type Numbers, weightAt } from "./metricInput.ts";

/** Probabilities are clipped to [eps, 1 - eps] so that one confident mistake costs a lot but not Infinity. */
export const LOG_LOSS_EPS = 1e-15;

/**
 * Mean (weighted) negative log-likelihood of the true class, from row-major probabilities
 * (rows x nClasses), each clipped to [eps, 1 - eps].
 */
export function logLoss(
  yTrue: Numbers,
  proba: Numbers,
  nClasses: number,
  weight?: Numbers,
  eps = LOG_LOSS_EPS,
): number {
  checkProba(yTrue, proba, nClasses, weight);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = proba[i * nClasses + yTrue[i]];
    const w = weightAt(weight, i);
    sum -= w * Math.log(Math.min(1 - eps, Math.max(eps, p)));
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}
