import { describe, expect, it } from "vitest";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { NaiveBayes } from "../../../../src/core/models/naiveBayes/naiveBayes.ts";

const f = (...v: number[]) => Float64Array.from(v);
const column = (...v: number[]): Matrix => ({ data: f(...v), rows: v.length, cols: 1, names: ["x"] });

describe("NaiveBayes", () => {
  it("uses Gaussian likelihoods for numeric features", async () => {
    // Class 0 at 0, 2 (mean 1, var 1); class 1 at 4, 6 (mean 5, var 1); equal priors.
    // At x = 2: log-likelihood gap (9 − 1)/2 = 4 → P(class 0) = 1 / (1 + e^−4) = 0.982014.
    const model = await new NaiveBayes().fit(column(0, 2, 4, 6), {
      values: f(0, 0, 1, 1),
      classes: ["a", "b"],
    });
    expect(model.predictProba(column(2))[0]).toBeCloseTo(1 / (1 + Math.exp(-4)), 6);
    expect(model.predictProba(column(3))[0]).toBeCloseTo(0.5, 6);
    expect(Array.from(model.predict(column(-1, 9)))).toEqual([0, 1]);
  });

  it("uses Laplace-smoothed category frequencies for categorical features", async () => {
    // Class 0 codes 0, 0, 1; class 1 codes 1, 1, 1; two levels, alpha 1:
    // P(0|c0) = 3/5, P(1|c0) = 2/5, P(0|c1) = 1/5, P(1|c1) = 4/5; equal priors.
    const model = await new NaiveBayes({ categorical: [0] }).fit(column(0, 0, 1, 1, 1, 1), {
      values: f(0, 0, 0, 1, 1, 1),
      classes: ["a", "b"],
    });
    const proba = model.predictProba(column(0, 1, 5));
    expect(proba[0]).toBeCloseTo(0.6 / 0.8, 12); // code 0 → 0.75
    expect(proba[2]).toBeCloseTo(0.4 / 1.2, 12); // code 1 → 1/3
    expect(proba[4]).toBeCloseTo(0.5, 12); // unseen code: no evidence
  });

  it("gives a class absent from training probability 0", async () => {
    const model = await new NaiveBayes().fit(column(0, 1, 5), {
      values: f(0, 0, 2),
      classes: ["a", "b", "c"],
    });
    const proba = model.predictProba(column(1));
    expect(proba[1]).toBe(0);
    expect(proba[0] + proba[2]).toBeCloseTo(1, 12);
  });

  it("refuses non-code values in a categorical feature and bad feature indices", async () => {
    const y = { values: f(0, 1), classes: ["a", "b"] };
    expect(() => new NaiveBayes({ categorical: [0] }).fit(column(0, 1.5), y)).toThrow(
      /invalid category code 1.5 at row 1, column "x"/,
    );
    expect(() => new NaiveBayes({ categorical: [2] }).fit(column(0, 1), y)).toThrow(
      /invalid categorical feature: 2/,
    );
  });
});
