import { describe, expect, it } from "vitest";
import { minMaxStep, robustStep, standardStep } from "../../../../src/core/prep/steps/scalers.ts";
import { logStep, sqrtStep } from "../../../../src/core/prep/steps/shiftedTransforms.ts";
import {
  fitYeoJohnsonLambda,
  yeoJohnsonLogLikelihood,
  yeoJohnsonStep,
} from "../../../../src/core/prep/steps/yeoJohnson.ts";
import { configOf, fitApply, floats, frameOf } from "./helpers.ts";

const close = (got: number[], want: number[], digits = 6) => {
  expect(got).toHaveLength(want.length);
  for (const [i, g] of got.entries()) {
    if (Number.isNaN(want[i])) expect(g).toBeNaN();
    else expect(g).toBeCloseTo(want[i], digits);
  }
};

describe("standard scaler", () => {
  it("uses the training mean and the population standard deviation, keeping missing values", () => {
    const frame = frameOf({ x: [1, 2, 3, 4, null], flag: [true, false, true, true, false] });
    const { state, out } = fitApply(standardStep, frame, configOf("standard"));
    const sd = Math.sqrt(1.25);
    expect(state.columns).toEqual([
      { name: "x", a: expect.closeTo(1 / sd, 12), b: expect.closeTo(-2.5 / sd, 12) },
    ]);
    close(floats(out, "x"), [-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd, Number.NaN]);
    // 0/1 indicators are left alone under "auto".
    expect(floats(out, "flag")).toEqual([1, 0, 1, 1, 0]);
  });

  it("learns only from training rows: extreme test values do not move the statistics", () => {
    const train = frameOf({ x: [1, 2, 3, 4] });
    const test = frameOf({ x: [1000, -1000] });
    const { state, out } = fitApply(standardStep, train, configOf("standard"), undefined, test);
    const sd = Math.sqrt(1.25);
    expect(-state.columns[0].b / state.columns[0].a).toBeCloseTo(2.5, 12);
    close(floats(out, "x"), [(1000 - 2.5) / sd, (-1000 - 2.5) / sd]);
  });

  it("scales a constant column by 1 instead of dividing by zero", () => {
    const { out } = fitApply(standardStep, frameOf({ x: [5, 5, 5] }), configOf("standard"));
    expect(floats(out, "x")).toEqual([0, 0, 0]);
  });
});

describe("min-max and robust scalers", () => {
  it("maps the training range onto [0, 1] or a chosen range", () => {
    const frame = frameOf({ x: [1, 2, 3, 4] });
    close(floats(fitApply(minMaxStep, frame, configOf("minmax")).out, "x"), [0, 1 / 3, 2 / 3, 1]);
    close(floats(fitApply(minMaxStep, frame, configOf("minmax", "auto", { min: -1, max: 1 })).out, "x"), [
      -1,
      -1 / 3,
      1 / 3,
      1,
    ]);
    expect(() => minMaxStep.validate!(configOf("minmax", "auto", { min: 2, max: 1 }))).toThrow(
      /params.min must be below/,
    );
  });

  it("centres on the median and divides by the interquartile range", () => {
    // Sorted [1, 2, 3, 4, 100]: median 3, q25 2, q75 4 (linear interpolation), IQR 2.
    const { out } = fitApply(robustStep, frameOf({ x: [3, 100, 1, 4, 2] }), configOf("robust"));
    close(floats(out, "x"), [0, 48.5, -1, 0.5, -0.5]);
  });
});

describe("log and square root", () => {
  it("shift by -min when the training minimum is negative and clamp lower new values", () => {
    const train = frameOf({ x: [-2, 0, 3] });
    const test = frameOf({ x: [-5, 1] });
    const log = fitApply(logStep, train, configOf("log"), undefined, test);
    expect(log.state.columns).toEqual([{ name: "x", shift: 2 }]);
    close(floats(log.trained, "x"), [0, Math.log1p(2), Math.log1p(5)]);
    close(floats(log.out, "x"), [0, Math.log1p(3)]);
    const sqrt = fitApply(sqrtStep, train, configOf("sqrt"));
    close(floats(sqrt.trained, "x"), [0, Math.SQRT2, Math.sqrt(5)]);
  });

  it("do not shift non-negative columns", () => {
    const { state, out } = fitApply(logStep, frameOf({ x: [0, 9, null] }), configOf("log"));
    expect(state.columns[0].shift).toBe(0);
    close(floats(out, "x"), [0, Math.log1p(9), Number.NaN]);
  });
});

describe("Yeo-Johnson", () => {
  it("matches scikit-learn's PowerTransformer documentation example", () => {
    // PowerTransformer().fit([[1, 2], [3, 2], [4, 5]]): lambdas_ [1.386..., -3.100...],
    // transform: [[-1.316, -0.707], [0.209, -0.707], [1.106, 1.414]].
    const frame = frameOf({ a: [1, 3, 4], b: [2, 2, 5] });
    const { state, out } = fitApply(yeoJohnsonStep, frame, configOf("yeo_johnson"));
    // The documentation truncates: 1.386... and -3.100...
    expect(state.columns[0].lambda).toBeGreaterThanOrEqual(1.386);
    expect(state.columns[0].lambda).toBeLessThan(1.387);
    expect(state.columns[1].lambda).toBeLessThanOrEqual(-3.1);
    expect(state.columns[1].lambda).toBeGreaterThan(-3.101);
    close(floats(out, "a"), [-1.316, 0.209, 1.106], 2);
    close(floats(out, "b"), [-Math.SQRT1_2, -Math.SQRT1_2, Math.SQRT2], 2);
  });

  it("fits the lambda that maximises the log-likelihood", () => {
    const x = Float64Array.from([0.5, 1, 2, 4, 8, 16, 30, -1, Number.NaN]);
    const lambda = fitYeoJohnsonLambda(x);
    const present = Float64Array.from([0.5, 1, 2, 4, 8, 16, 30, -1]);
    const best = yeoJohnsonLogLikelihood(present, lambda);
    for (const d of [-1e-3, 1e-3, -0.1, 0.1, -1, 1]) {
      expect(yeoJohnsonLogLikelihood(present, lambda + d)).toBeLessThanOrEqual(best + 1e-9);
    }
    // Independently, a coarse grid over [-5, 5] then a fine one (step 1e-4) peak within 1e-3 of it.
    let arg = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (let l = -5; l <= 5; l += 0.01) {
      const v = yeoJohnsonLogLikelihood(present, l);
      if (v > top) [top, arg] = [v, l];
    }
    const centre = arg;
    for (let l = centre - 0.02; l <= centre + 0.02; l += 1e-4) {
      const v = yeoJohnsonLogLikelihood(present, l);
      if (v > top) [top, arg] = [v, l];
    }
    expect(Math.abs(arg - lambda)).toBeLessThan(1e-3);
  });
});
