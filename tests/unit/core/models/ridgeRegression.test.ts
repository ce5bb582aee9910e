import { describe, expect, it } from "vitest";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { RidgeRegression } from "../../../../src/core/models/linear/ridgeRegression.ts";
import { synthetic } from "./datasets.ts";

const f = (...v: number[]) => Float64Array.from(v);
const column = (...v: number[]): Matrix => ({ data: f(...v), rows: v.length, cols: 1, names: ["x"] });

describe("RidgeRegression", () => {
  it("matches the hand-solved ridge fit", async () => {
    // x 0 1 2, y 0 1 5, alpha 1: x̄ = 1, ȳ = 2; Σxc² = 2, Σxc·yc = 2 + 0 + 3 = 5.
    // β = 5 / (2 + 1) = 5/3, intercept = 2 − 5/3 = 1/3; at x = 3: 1/3 + 5 = 16/3.
    const model = await new RidgeRegression({ alpha: 1 }).fit(column(0, 1, 2), { values: f(0, 1, 5) });
    expect(model.predict(column(3))[0]).toBeCloseTo(16 / 3, 12);
    expect(model.toJSON().state.intercept).toBeCloseTo(1 / 3, 12);
  });

  it("recovers exact coefficients with alpha 0 on noiseless data", async () => {
    const { X } = synthetic("regression", 40, 2);
    const values = Float64Array.from({ length: 40 }, (_, i) => 3 + 2 * X.data[i * 3] - X.data[i * 3 + 1]);
    const { coef, intercept } = (await new RidgeRegression({ alpha: 0 }).fit(X, { values })).toJSON().state;
    expect(coef[0]).toBeCloseTo(2, 9);
    expect(coef[1]).toBeCloseTo(-1, 9);
    expect(coef[2]).toBeCloseTo(0, 9);
    expect(intercept).toBeCloseTo(3, 9);
  });

  it("leaves the intercept unpenalised: a huge alpha predicts the mean", async () => {
    const model = await new RidgeRegression({ alpha: 1e12 }).fit(column(0, 1, 2, 3), {
      values: f(1, 3, 2, 6),
    });
    expect(model.predict(column(100))[0]).toBeCloseTo(3, 6);
  });

  it("treats a weight of 2 like a duplicated row", async () => {
    const a = await new RidgeRegression().fit(
      column(0, 1, 2),
      { values: f(1, 0, 4) },
      { sampleWeight: f(1, 2, 1) },
    );
    const b = await new RidgeRegression().fit(column(0, 1, 1, 2), { values: f(1, 0, 0, 4) });
    expect(a.predict(column(5))[0]).toBeCloseTo(b.predict(column(5))[0], 12);
  });

  it("solves collinear columns with alpha 0 instead of failing", async () => {
    const X: Matrix = { data: f(1, 1, 2, 2, 3, 3), rows: 3, cols: 2, names: ["a", "b"] };
    const model = await new RidgeRegression({ alpha: 0 }).fit(X, { values: f(2, 4, 6) });
    expect(model.predict(X)[1]).toBeCloseTo(4, 6);
    expect(() => new RidgeRegression({ alpha: -1 }).fit(X, { values: f(2, 4, 6) })).toThrow(
      /invalid alpha: -1/,
    );
  });
});
