import type { Matrix, Target } from "../../models/estimator.ts";
import { fSurvival } from "./specialFunctions.ts";

/** A test statistic per feature and its p-value. */
export interface TestScores {
  stat: Float64Array;
  p: Float64Array;
}

/**
 * Mean and population variance of column j. A variance within rounding of zero relative to the
 * mean (a constant column whose mean did not come out exact) is 0, so constant columns read as
 * constant everywhere: no spurious correlation, and VarianceThreshold drops them.
 */
export function columnMoments(X: Matrix, j: number): { mean: number; variance: number } {
  const { rows: n, cols: p, data } = X;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += data[i * p + j];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (data[i * p + j] - mean) ** 2;
  const variance = ss / n;
  return { mean, variance: variance <= 1e-20 * mean * mean ? 0 : variance };
}

/**
 * |Pearson r| of each feature with the target (a class index for a binary target: the
 * point-biserial correlation), with the two-sided p-value of r = 0 from F(1, n - 2) =
 * r² (n - 2) / (1 - r²), as scikit-learn's `f_regression`. Constant features get r = 0.
 */
export function correlation(X: Matrix, y: Target): TestScores {
  const { rows: n, cols: p, data } = X;
  let ym = 0;
  for (let i = 0; i < n; i++) ym += y.values[i];
  ym /= n;
  let syy = 0;
  for (let i = 0; i < n; i++) syy += (y.values[i] - ym) ** 2;
  const stat = new Float64Array(p);
  const pv = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const { mean: xm, variance } = columnMoments(X, j);
    if (variance === 0) {
      pv[j] = 1;
      continue;
    }
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const dx = data[i * p + j] - xm;
      sxx += dx * dx;
      sxy += dx * (y.values[i] - ym);
    }
    const r = syy > 0 ? Math.min(1, Math.abs(sxy) / Math.sqrt(sxx * syy)) : 0;
    stat[j] = r;
    pv[j] = fSurvival((r * r * (n - 2)) / Math.max(1e-300, 1 - r * r), 1, n - 2);
  }
  return { stat, p: pv };
}

/** Population variance of each feature (scikit-learn's VarianceThreshold). */
export function variances(X: Matrix): Float64Array {
  return Float64Array.from({ length: X.cols }, (_, j) => columnMoments(X, j).variance);
}
