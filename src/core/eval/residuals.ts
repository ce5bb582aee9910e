import { checkLengths, type Numbers } from "./metricInput.ts";

/** Regression residuals for a residual-vs-predicted plot. */
export interface Residuals {
  predicted: Float64Array;
  /** True minus predicted: positive where the model under-predicts. */
  residual: Float64Array;
  /** Residuals divided by their standard deviation (0 when they are all equal). */
  standardized: Float64Array;
}

/** Residuals of regression predictions, plus their standardised form for outlier spotting. */
export function residuals(yTrue: Numbers, yPred: Numbers): Residuals {
  checkLengths(yTrue, yPred);
  const n = yTrue.length;
  const predicted = Float64Array.from(yPred);
  const residual = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    residual[i] = yTrue[i] - yPred[i];
    mean += residual[i] / n;
  }
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (residual[i] - mean) ** 2 / n;
  const sd = Math.sqrt(variance);
  const standardized = residual.map((r) => (sd > 0 ? (r - mean) / sd : 0));
  return { predicted, residual, standardized };
}
