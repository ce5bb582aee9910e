import { checkLengths, type Numbers, weightAt } from "./metricInput.ts";

/** Share of rows (weighted when weights are given) whose predicted class equals the true one. */
export function accuracy(yTrue: Numbers, yPred: Numbers, weight?: Numbers): number {
  checkLengths(yTrue, yPred, weight);
  let hit = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weight, i);
    total += w;
    if (yTrue[i] === yPred[i]) hit += w;
  }
  return total > 0 ? hit / total : Number.NaN;
}
