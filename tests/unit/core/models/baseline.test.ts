import { describe, expect, it } from "vitest";
import { Baseline } from "../../../../src/core/models/baseline/baseline.ts";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { getModel, modelLabel } from "../../../../src/core/models/registry.ts";

const f = (...v: number[]) => Float64Array.from(v);
const X = (rows: number): Matrix => ({ data: new Float64Array(rows), rows, cols: 1, names: ["x"] });

describe("Baseline", () => {
  it("predicts the majority class with the class shares as probabilities", async () => {
    const model = await new Baseline().fit(X(5), { values: f(0, 1, 1, 2, 1), classes: ["a", "b", "c"] });
    expect(Array.from(model.predict(X(2)))).toEqual([1, 1]);
    expect(Array.from(model.predictProba(X(1)))).toEqual([0.2, 0.6, 0.2]);
  });

  it("weights the class shares", async () => {
    // Weights 4, 1, 1: class 0 holds 4/6 of the weight.
    const model = await new Baseline().fit(
      X(3),
      { values: f(0, 1, 1), classes: ["a", "b"] },
      { sampleWeight: f(4, 1, 1) },
    );
    expect(model.predict(X(1))[0]).toBe(0);
    expect(model.predictProba(X(1))[0]).toBeCloseTo(4 / 6, 12);
  });

  it("predicts the mean or the median for regression", async () => {
    const y = { values: f(1, 2, 3, 10) };
    expect((await new Baseline().fit(X(4), y)).predict(X(1))[0]).toBe(4);
    expect((await new Baseline({ strategy: "median" }).fit(X(4), y)).predict(X(1))[0]).toBe(2.5);
    // Weights 1, 1, 1, 5: cumulative 1, 2, 3, 8 passes half (4) at the value 10.
    const weighted = await new Baseline({ strategy: "median" }).fit(X(4), y, { sampleWeight: f(1, 1, 1, 5) });
    expect(weighted.predict(X(1))[0]).toBe(10);
  });

  it("refuses an unknown strategy and regression probabilities", async () => {
    const bad = new Baseline({ strategy: "mode" as "mean" });
    expect(() => bad.fit(X(2), { values: f(1, 2) })).toThrow(/invalid strategy: mode/);
    const model = await new Baseline().fit(X(2), { values: f(1, 2) });
    expect(() => model.predictProba(X(1))).toThrow(/no probabilities/);
  });
});

describe("the baseline's label", () => {
  it("says what it predicts for the task: the majority class, or the target's mean or median", () => {
    const spec = getModel("baseline");
    expect(modelLabel(spec, "binary")).toBe("Baseline (majority class)");
    expect(modelLabel(spec, "multiclass")).toBe("Baseline (majority class)");
    expect(modelLabel(spec, "regression")).toBe("Baseline (mean of the target)");
    expect(modelLabel(spec, "regression", { strategy: "median" })).toBe("Baseline (median of the target)");
    expect(modelLabel(getModel("gbdt"), "regression")).toBe(getModel("gbdt").label);
  });
});
