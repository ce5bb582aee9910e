import { describe, expect, it } from "vitest";
import {
  argmaxRows,
  blend,
  greedySelection,
} from "../../../../../src/core/automl/ensemble/greedySelection.ts";

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe("greedy ensemble selection", () => {
  it("finds the even blend whose errors cancel (worked by hand)", () => {
    const y = Float64Array.of(0, 2, 4, 6);
    const a = { predicted: Float64Array.of(1, 1, 5, 5), proba: null }; // y + (1, -1, 1, -1)
    const b = { predicted: Float64Array.of(-1, 3, 3, 7), proba: null }; // y - (1, -1, 1, -1)
    const far = { predicted: Float64Array.of(9, 9, 9, 9), proba: null };
    // Round 1: a and b tie (MSE 1 each), a is first. Round 2: adding b makes the blend exact (MSE 0).
    const out = greedySelection([a, far, b], y, all(4), "mse", 0);
    expect(out.weights).toEqual([0.5, 0, 0.5]);
    expect(out.score).toBe(0);
    expect(Array.from(blend([a, far, b], out.weights, all(4), 0).predicted)).toEqual([0, 2, 4, 6]);
  });

  it("keeps the best round, so a candidate that never helps gets no weight", () => {
    const y = Float64Array.of(0, 1, 1, 0);
    const good = {
      predicted: Float64Array.of(0, 1, 1, 0),
      proba: Float64Array.of(0.9, 0.1, 0.2, 0.8, 0.1, 0.9, 0.8, 0.2),
    };
    const bad = {
      predicted: Float64Array.of(1, 0, 0, 1),
      proba: Float64Array.of(0.2, 0.8, 0.7, 0.3, 0.6, 0.4, 0.3, 0.7),
    };
    const out = greedySelection([bad, good], y, all(4), "log_loss", 2, { rounds: 10 });
    expect(out.weights).toEqual([0, 1]);
    // On accuracy both blends tie from round 2 on; the lower log loss decides.
    expect(greedySelection([bad, good], y, all(4), "accuracy", 2).weights).toEqual([0, 1]);
  });

  it("optimises the metric it is given: accuracy and log loss pick different models (worked by hand)", () => {
    const y = Float64Array.of(0, 0, 0, 1);
    // Sure and right on three rows, sure and wrong on the fourth: accuracy 0.75, log loss
    // (3 ln(1/0.9) + ln(1/0.01)) / 4 = 1.23.
    const sure = {
      predicted: Float64Array.of(0, 0, 0, 0),
      proba: Float64Array.of(0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.99, 0.01),
    };
    // Hedged and mostly wrong: accuracy 0.25, log loss (3 ln(1/0.4) + ln(1/0.9)) / 4 = 0.71.
    const hedged = {
      predicted: Float64Array.of(1, 1, 1, 1),
      proba: Float64Array.of(0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.1, 0.9),
    };
    const one = { rounds: 1 };
    const byAccuracy = greedySelection([sure, hedged], y, all(4), "accuracy", 2, one);
    expect(byAccuracy.weights).toEqual([1, 0]);
    expect(byAccuracy.score).toBe(0.75);
    const byLogLoss = greedySelection([sure, hedged], y, all(4), "log_loss", 2, one);
    expect(byLogLoss.weights).toEqual([0, 1]);
    expect(byLogLoss.score).toBeCloseTo((3 * Math.log(1 / 0.4) + Math.log(1 / 0.9)) / 4, 12);
  });

  it("blends probabilities by weight and takes the most probable class", () => {
    const p1 = { predicted: Float64Array.of(0), proba: Float64Array.of(0.6, 0.4, 0) };
    const p2 = { predicted: Float64Array.of(2), proba: Float64Array.of(0, 0.2, 0.8) };
    const out = blend([p1, p2], [0.75, 0.25], Int32Array.of(0), 3);
    for (const [j, p] of [0.45, 0.35, 0.2].entries()) expect(out.proba![j]).toBeCloseTo(p, 12);
    expect(Array.from(out.predicted)).toEqual([0]);
    // A tie goes to the lower class index.
    expect(Array.from(argmaxRows(Float64Array.of(0.5, 0.5), 1, 2))).toEqual([0]);
  });

  it("chooses on the given rows only", () => {
    const y = Float64Array.of(0, 0, 10, 10);
    const left = { predicted: Float64Array.of(0, 0, 0, 0), proba: null };
    const right = { predicted: Float64Array.of(10, 10, 10, 10), proba: null };
    expect(
      greedySelection([left, right], Float64Array.of(0, 0), Int32Array.of(0, 1), "mae", 0).weights,
    ).toEqual([1, 0]);
    expect(
      greedySelection([left, right], Float64Array.of(10, 10), Int32Array.of(2, 3), "mae", 0).weights,
    ).toEqual([0, 1]);
    expect(y.length).toBe(4);
  });
});
