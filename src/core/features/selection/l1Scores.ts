import type { Matrix, Target } from "../../models/estimator.ts";
import { fitQuickLinear } from "./quickLinear.ts";

/**
 * |Coefficients| of an L1-penalised linear model on standardised features: the lasso for values,
 * L1 logistic regression for classes (scikit-learn's SelectFromModel over either). A feature the
 * penalty sets to zero scores 0.
 *
 * With `alpha` "auto" the penalty follows the scaled lasso (Sun & Zhang 2012): alpha =
 * sigma * sqrt(2 ln(2p) / n), the level a pure-noise standardised feature's gradient rarely
 * reaches, with sigma re-estimated from the residuals (y - prediction, or y - probability per
 * class) of the previous fit, starting from the intercept-only model; three rounds.
 */
export function l1Scores(
  X: Matrix,
  y: Target,
  alpha: number | "auto",
): { scores: Float64Array; alpha: number } {
  const { rows: n, cols: p } = X;
  const level = Math.sqrt((2 * Math.log(2 * Math.max(1, p))) / n);
  if (alpha !== "auto")
    return { scores: fitQuickLinear(X, y, { penalty: "l1", strength: alpha }).importances, alpha };
  let sigma = residualScale(y, null);
  let fit = fitQuickLinear(X, y, { penalty: "l1", strength: sigma * level });
  for (let round = 1; round < 3; round++) {
    sigma = residualScale(y, fit.predictRaw(X));
    fit = fitQuickLinear(X, y, { penalty: "l1", strength: sigma * level });
  }
  return { scores: fit.importances, alpha: sigma * level };
}

/** Root mean squared residual of the target about a fit's raw output (values or probabilities); the mean when none. */
function residualScale(y: Target, raw: Float64Array | null): number {
  const n = y.values.length;
  const k = y.classes?.length ?? 0;
  let sum = 0;
  if (k === 0) {
    let mean = 0;
    for (const v of y.values) mean += v / n;
    for (let i = 0; i < n; i++) sum += (y.values[i] - (raw ? raw[i] : mean)) ** 2;
    return Math.sqrt(sum / n);
  }
  const share = new Float64Array(k);
  for (const v of y.values) share[v] += 1 / n;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const q = raw ? raw[i * k + c] : share[c];
      sum += ((y.values[i] === c ? 1 : 0) - q) ** 2;
    }
  }
  // Per class block (a binary model's one block sees each residual twice here, once per class).
  return Math.sqrt(sum / (n * k));
}
