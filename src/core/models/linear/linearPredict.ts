import type { Matrix } from "../estimator.ts";
import { checkPredictInput } from "../fitChecks.ts";

/** intercept + x'coef for every row of X (ridge, lasso), after checking X's width against coef. */
export function linearPredict(
  X: Matrix,
  coef: readonly number[],
  intercept: number,
  type: string,
): Float64Array {
  const p = coef.length;
  checkPredictInput(X, p, type);
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let s = intercept;
    for (let j = 0; j < p; j++) s += X.data[i * p + j] * coef[j];
    out[i] = s;
  }
  return out;
}
