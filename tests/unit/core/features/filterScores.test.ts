import { describe, expect, it } from "vitest";
import { anovaF, chi2, mutualInfo, scoreFeatures } from "../../../../src/core/features/index.ts";
import { correlation } from "../../../../src/core/features/selection/simpleScores.ts";
import {
  chi2Survival,
  criticalValue,
  digamma,
  fSurvival,
  lnGamma,
} from "../../../../src/core/features/selection/specialFunctions.ts";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { normals } from "./helpers.ts";

/** A matrix from rows. */
const matrix = (rows: number[][]): Matrix => ({
  data: Float64Array.from(rows.flat()),
  rows: rows.length,
  cols: rows[0].length,
  names: rows[0].map((_, j) => `f${j}`),
});
const classes = (labels: number[], k = Math.max(...labels) + 1): Target => ({
  values: Float64Array.from(labels),
  classes: Array.from({ length: k }, (_, c) => `c${c}`),
});

describe("special functions", () => {
  it("match scipy's survival functions and known values", () => {
    expect(fSurvival(13.5, 1, 4)).toBeCloseTo(0.0213116411, 9);
    expect(fSurvival(2.5, 2, 7)).toBeCloseTo(0.1516033433, 9);
    expect(fSurvival(21, 2, 6)).toBeCloseTo(0.001953125, 12);
    expect(chi2Survival(1, 1)).toBeCloseTo(0.3173105079, 9);
    expect(chi2Survival(7.3, 3)).toBeCloseTo(0.0629262365, 9);
    expect(criticalValue((f) => fSurvival(f, 1, 10), 0.05)).toBeCloseTo(4.9646027, 5);
    expect(digamma(1)).toBeCloseTo(-0.5772156649, 9);
    expect(digamma(10)).toBeCloseTo(2.2517525891, 9);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 10);
  });
});

describe("anova F", () => {
  it("matches a two-class case worked by hand", () => {
    // Means 2 and 5, grand mean 3.5: SSB = 6 * 1.5² = 13.5 (1 df), SSW = 2 + 2 = 4 (4 df), F = 13.5.
    const { stat, p } = anovaF(matrix([[1], [2], [3], [4], [5], [6]]), classes([0, 0, 0, 1, 1, 1]));
    expect(stat[0]).toBeCloseTo(13.5, 12);
    expect(p[0]).toBeCloseTo(0.0213116411, 9);
  });

  it("matches a three-class case worked by hand", () => {
    // Means 2, 3, 7, grand mean 4: SSB = 3 (4 + 1 + 9) = 42 (2 df), SSW = 6 (6 df), F = 21.
    const X = matrix([[1], [2], [3], [2], [3], [4], [6], [7], [8]]);
    const { stat, p } = anovaF(X, classes([0, 0, 0, 1, 1, 1, 2, 2, 2]));
    expect(stat[0]).toBeCloseTo(21, 12);
    expect(p[0]).toBeCloseTo(0.001953125, 12);
  });

  it("scores a constant feature 0 rather than NaN or a rounding artefact", () => {
    // 0.1 has no exact binary form: a naively summed mean is off by a rounding error.
    const rows = [1, 2, 3, 4].map((v) => [v, 1, 0.1]);
    const s = scoreFeatures(matrix(rows), classes([0, 0, 1, 1]), "anova_f");
    expect(s.scores.slice(1)).toEqual([0, 0]);
    expect(s.pValues!.slice(1)).toEqual([1, 1]);
    expect(s.scores[0]).toBeCloseTo(8, 12);
  });
});

describe("chi2", () => {
  it("matches a case worked by hand", () => {
    // Class sums: f0 3 vs 1, f1 1 vs 4; expected with equal shares: f0 2 and 2, f1 2.5 and 2.5.
    // chi2(f0) = 1/2 + 1/2 = 1; chi2(f1) = 2 * 1.5² / 2.5 = 1.8.
    const { stat, p } = chi2(
      matrix([
        [1, 0],
        [2, 1],
        [0, 3],
        [1, 1],
      ]),
      classes([0, 0, 1, 1]),
    );
    expect(stat[0]).toBeCloseTo(1, 12);
    expect(stat[1]).toBeCloseTo(1.8, 12);
    expect(p[0]).toBeCloseTo(0.3173105079, 9);
    expect(p[1]).toBeCloseTo(0.1797124949, 9);
  });

  it("refuses negative features", () => {
    expect(() => chi2(matrix([[1], [-1]]), classes([0, 1]))).toThrow(/non-negative/);
  });
});

describe("correlation and mutual information", () => {
  it("gives |Pearson r| and 0 for a constant feature", () => {
    const X = matrix([
      [1, 4, 2, 7],
      [2, 3, 2, 1],
      [3, 2, 2, 8],
      [4, 1, 2, 2],
    ]);
    const { stat } = correlation(X, { values: Float64Array.from([2, 4, 6, 8]) });
    expect(stat[0]).toBeCloseTo(1, 12);
    expect(stat[1]).toBeCloseTo(1, 12);
    expect(stat[2]).toBe(0);
  });

  it("estimates the mutual information of correlated Gaussians near -ln(1 - rho²) / 2", () => {
    const draw = normals(5);
    const n = 1000;
    const x = new Float64Array(n * 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = draw();
      x[2 * i] = a;
      x[2 * i + 1] = draw();
      y[i] = 0.6 * a + 0.8 * draw();
    }
    const mi = mutualInfo({ data: x, rows: n, cols: 2, names: ["a", "noise"] }, { values: y }, { seed: 1 });
    expect(mi[0]).toBeCloseTo(-0.5 * Math.log(1 - 0.36), 1);
    expect(mi[1]).toBeLessThan(0.03);
  });

  it("estimates class information (Ross 2014) and is seeded", () => {
    const draw = normals(8);
    const labels = Array.from({ length: 400 }, (_, i) => i % 2);
    const X = matrix(labels.map((c) => [c * 2 + draw(), draw()]));
    const a = mutualInfo(X, classes(labels), { seed: 4 });
    // Two unit Gaussians 2 apart: I = H(x) - H(x | c) = 0.3368 nats (numerical integral).
    expect(a[0]).toBeGreaterThan(0.25);
    expect(a[0]).toBeLessThan(0.45);
    expect(a[1]).toBeLessThan(0.03);
    expect(Array.from(mutualInfo(X, classes(labels), { seed: 4 }))).toEqual(Array.from(a));
  });
});
