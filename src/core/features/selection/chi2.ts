import { ValidationError } from "../../errors.ts";
import type { Matrix, Target } from "../../models/estimator.ts";
import type { TestScores } from "./simpleScores.ts";
import { chi2Survival } from "./specialFunctions.ts";

/**
 * Chi-squared statistic per non-negative feature (counts, frequencies, 0/1 indicators), as
 * scikit-learn's `chi2`: the observed per-class sums of the feature against the sums expected
 * from the class shares, p from chi-squared with k - 1 degrees of freedom.
 */
export function chi2(X: Matrix, y: Target): TestScores {
  const { rows: n, cols: p, data } = X;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < 0)
      throw new ValidationError(`chi2 needs non-negative features: "${X.names[i % p]}" has ${data[i]}`);
  }
  const k = y.classes?.length ?? Math.max(...y.values) + 1;
  const share = new Float64Array(k);
  for (let i = 0; i < n; i++) share[y.values[i]] += 1 / n;
  const present = share.filter((s) => s > 0).length;
  const stat = new Float64Array(p);
  const pv = new Float64Array(p);
  const observed = new Float64Array(k);
  for (let j = 0; j < p; j++) {
    observed.fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      observed[y.values[i]] += data[i * p + j];
      total += data[i * p + j];
    }
    let s = 0;
    for (let c = 0; c < k; c++) {
      const expected = share[c] * total;
      if (expected > 0) s += (observed[c] - expected) ** 2 / expected;
    }
    stat[j] = total > 0 ? s : Number.NaN;
    pv[j] = chi2Survival(stat[j], present - 1);
  }
  return { stat, p: pv };
}
