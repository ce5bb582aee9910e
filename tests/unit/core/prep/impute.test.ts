import { describe, expect, it } from "vitest";
import { imputeStep } from "../../../../src/core/prep/steps/impute.ts";
import { configOf, fitApply, floats, frameOf, names, texts } from "./helpers.ts";

describe("impute", () => {
  it("fills numeric columns with the training median and categoricals with the most frequent level", () => {
    const frame = frameOf({
      x: [1, null, 3, 10, null],
      c: ["a", "b", null, "b", "a"],
      d: ["a", "b", "b", null, "c"],
    });
    const { state, out } = fitApply(imputeStep, frame, configOf("impute"));
    expect(state.columns.map((c) => c.fill)).toEqual([3, "a", "b"]);
    expect(floats(out, "x")).toEqual([1, 3, 3, 10, 3]);
    // Ties between levels go to the first level in the column's level order.
    expect(texts(out, "c")).toEqual(["a", "b", "a", "b", "a"]);
    expect(texts(out, "d")).toEqual(["a", "b", "b", "b", "c"]);
    expect(out.columns.every((c) => c.missing === 0)).toBe(true);
  });

  it("supports mean, most frequent and constant fills and keeps booleans 0/1", () => {
    const frame = frameOf({
      x: [1, 2, 2, 7, null],
      flag: [true, true, false, null, true],
      c: ["a", null, "a", "b", "b"],
    });
    const mean = fitApply(imputeStep, frame, configOf("impute", ["x", "flag"], { strategy: "mean" })).out;
    expect(floats(mean, "x")[4]).toBe(3);
    expect(floats(mean, "flag")[3]).toBe(1);
    expect(
      floats(
        fitApply(imputeStep, frame, configOf("impute", ["x"], { strategy: "most_frequent" })).out,
        "x",
      )[4],
    ).toBe(2);
    const constant = fitApply(
      imputeStep,
      frame,
      configOf("impute", "auto", { strategy: "constant", fill_value: -1, fill_text: "none" }),
    ).out;
    expect(floats(constant, "x")[4]).toBe(-1);
    expect(texts(constant, "c")[1]).toBe("none");
  });

  it("adds <col>_missing indicators after columns missing above the threshold", () => {
    const frame = frameOf({ x: [1, null, 3, 4], y: [null, null, 1, 2], z: [1, 2, 3, 4] });
    const { out } = fitApply(
      imputeStep,
      frame,
      configOf("impute", "auto", { add_indicator: true, indicator_threshold: 0.3 }),
    );
    expect(names(out)).toEqual(["x", "y", "y_missing", "z"]);
    expect(floats(out, "y_missing")).toEqual([1, 1, 0, 0]);
    expect(out.columns.find((c) => c.name === "y_missing")!.kind).toBe("boolean");
  });

  it("fits on training rows only: new rows get the training median", () => {
    const train = frameOf({ x: [1, 2, 3, null] });
    const test = frameOf({ x: [null, 1e9, 1e9, 1e9] });
    const { state, out } = fitApply(imputeStep, train, configOf("impute"), undefined, test);
    expect(state.columns[0].fill).toBe(2);
    expect(floats(out, "x")).toEqual([2, 1e9, 1e9, 1e9]);
  });

  it("kNN: fills from the k nearest training rows on standardised features (4-row case)", () => {
    // Row 1 lacks b. On a alone (the only shared coordinate) rows 0 and 2 are equally near
    // (|z| = 1 / sd(a)), row 3 twice as far. k = 2: mean of b over rows 0 and 2 = (2 + 6) / 2;
    // k = 1: the tie goes to the earlier row, 0.
    const frame = frameOf({ a: [1, 2, 3, 4], b: [2, null, 6, 8] });
    expect(
      floats(fitApply(imputeStep, frame, configOf("impute", "auto", { strategy: "knn", k: 2 })).out, "b"),
    ).toEqual([2, 4, 6, 8]);
    expect(
      floats(fitApply(imputeStep, frame, configOf("impute", "auto", { strategy: "knn", k: 1 })).out, "b")[1],
    ).toBeCloseTo(2, 12);
    // New rows use the training rows as the reference set.
    const test = frameOf({ a: [3.9, null], b: [null, 7] });
    const { out } = fitApply(
      imputeStep,
      frame,
      configOf("impute", "auto", { strategy: "knn", k: 2 }),
      undefined,
      test,
    );
    // a = 3.9: nearest rows 3 (a = 4) and 2 (a = 3) → (8 + 6) / 2. b = 7: nearest b 6 and 8 → a (3 + 4) / 2.
    expect(floats(out, "b")[0]).toBeCloseTo(7, 12);
    expect(floats(out, "a")[1]).toBeCloseTo(3.5, 12);
  });
});
