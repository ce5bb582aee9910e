import { describe, expect, it } from "vitest";
import { calibrationCurve } from "../../../../src/core/eval/calibrationCurve.ts";
import { mape } from "../../../../src/core/eval/mape.ts";
import { r2 } from "../../../../src/core/eval/r2.ts";
import { mae, mse, rmse } from "../../../../src/core/eval/regressionErrors.ts";
import { residuals } from "../../../../src/core/eval/residuals.ts";

const f = (...v: number[]) => Float64Array.from(v);

// scikit-learn's doc example: errors 0.5, −0.5, 0, −1.
const yTrue = f(3, -0.5, 2, 7);
const yPred = f(2.5, 0, 2, 8);

describe("regression metrics", () => {
  it("computes MAE, MSE and RMSE", () => {
    expect(mae(yTrue, yPred)).toBe(0.5); // (0.5 + 0.5 + 0 + 1)/4
    expect(mse(yTrue, yPred)).toBe(0.375); // (0.25 + 0.25 + 0 + 1)/4
    expect(rmse(yTrue, yPred)).toBeCloseTo(Math.sqrt(0.375), 12); // 0.612372
  });

  it("computes R² around the mean of the true values", () => {
    // mean 2.875; SS_tot = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875; SS_res = 1.5.
    expect(r2(yTrue, yPred)).toBeCloseTo(1 - 1.5 / 29.1875, 12); // 0.948608
    // Predicting the mean scores 0; a constant target scores 1 if hit exactly, else 0.
    expect(r2(yTrue, new Float64Array(4).fill(2.875))).toBeCloseTo(0, 12);
    expect(r2(f(1, 1), f(1, 1))).toBe(1);
    expect(r2(f(1, 1), f(1, 2))).toBe(0);
  });

  it("weights rows", () => {
    // Errors 1 and 3 with weights 3 and 1: MAE (3 + 3)/4, MSE (3 + 9)/4.
    expect(mae(f(0, 0), f(1, 3), f(3, 1))).toBe(1.5);
    expect(mse(f(0, 0), f(1, 3), f(3, 1))).toBe(3);
  });

  it("computes MAPE as a fraction and skips zero targets", () => {
    // Row 2 (true 0) skipped: (|100−110|/100 + |50−40|/50)/2 = (0.1 + 0.2)/2 = 0.15.
    expect(mape(f(100, 0, 50), f(110, 5, 40))).toBeCloseTo(0.15, 12);
    expect(mape(f(0, 0), f(1, 2))).toBeNaN();
  });

  it("gives residuals as true minus predicted", () => {
    const r = residuals(yTrue, yPred);
    expect(Array.from(r.residual)).toEqual([0.5, -0.5, 0, -1]);
    expect(Array.from(r.predicted)).toEqual([2.5, 0, 2, 8]);
    // mean −0.25, population sd sqrt(0.3125): the first standardises to 0.75/0.559017.
    expect(r.standardized[0]).toBeCloseTo(0.75 / Math.sqrt(0.3125), 12);
  });
});

describe("calibrationCurve", () => {
  it("bins predictions uniformly and drops empty bins", () => {
    const c = calibrationCurve(f(0, 0, 1, 1, 1), f(0.05, 0.15, 0.12, 0.95, 0.85), 10);
    expect(Array.from(c.binStart)).toEqual([0, 0.1, 0.8, 0.9]);
    expect(Array.from(c.count)).toEqual([1, 2, 1, 1]);
    expect(Array.from(c.fractionPositive)).toEqual([0, 0.5, 1, 1]);
    expect(c.meanPredicted[1]).toBeCloseTo(0.135, 12);
  });

  it("puts probability 1 in the last bin", () => {
    expect(Array.from(calibrationCurve(f(1), f(1), 4).binStart)).toEqual([0.75]);
  });
});
