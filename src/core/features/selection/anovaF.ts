import type { Matrix, Target } from "../../models/estimator.ts";
import { columnMoments, type TestScores } from "./simpleScores.ts";
import { fSurvival } from "./specialFunctions.ts";

/**
 * One-way ANOVA F per feature across the classes, as scikit-learn's `f_classif`:
 * F = (SS_between / (k - 1)) / (SS_within / (n - k)), p from F(k - 1, n - k). A feature constant
 * within every class but not overall gets F = Infinity; a constant feature NaN.
 */
export function anovaF(X: Matrix, y: Target): TestScores {
  const { rows: n, cols: p, data } = X;
  const k = y.classes?.length ?? Math.max(...y.values) + 1;
  const count = new Float64Array(k);
  for (let i = 0; i < n; i++) count[y.values[i]]++;
  const present = count.filter((c) => c > 0).length;
  const stat = new Float64Array(p);
  const pv = new Float64Array(p);
  const means = new Float64Array(k);
  const d1 = present - 1;
  const d2 = n - present;
  for (let j = 0; j < p; j++) {
    const { mean: grand, variance } = columnMoments(X, j);
    if (variance === 0) {
      stat[j] = Number.NaN;
      pv[j] = Number.NaN;
      continue;
    }
    // Two passes (class means, then squares about them) keep rounding out of SS_between / SS_within.
    means.fill(0);
    for (let i = 0; i < n; i++) means[y.values[i]] += data[i * p + j];
    for (let c = 0; c < k; c++) if (count[c] > 0) means[c] /= count[c];
    let between = 0;
    for (let c = 0; c < k; c++) if (count[c] > 0) between += count[c] * (means[c] - grand) ** 2;
    let within = 0;
    for (let i = 0; i < n; i++) within += (data[i * p + j] - means[y.values[i]]) ** 2;
    stat[j] = between / d1 / (within / d2);
    pv[j] = fSurvival(stat[j], d1, d2);
  }
  return { stat, p: pv };
}
