import { checkLengths, type Numbers, weightAt } from "./metricInput.ts";

/**
 * Coefficient of determination, 1 - SS_res / SS_tot around the (weighted) mean of `yTrue`.
 * A constant target has no variance to explain: 1 for a perfect fit, else 0 (scikit-learn's
 * `force_finite`), never a division by zero.
 */
export function r2(yTrue: Numbers, yPred: Numbers, weight?: Numbers): number {
  checkLengths(yTrue, yPred, weight);
  let sw = 0;
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weight, i);
    sw += w;
    mean += w * yTrue[i];
  }
  if (!(sw > 0)) return Number.NaN;
  mean /= sw;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weight, i);
    ssRes += w * (yTrue[i] - yPred[i]) ** 2;
    ssTot += w * (yTrue[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
