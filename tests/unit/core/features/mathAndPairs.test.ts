import { describe, expect, it } from "vitest";
import { mathStep, pairsStep } from "../../../../src/core/features/index.ts";
import { configOf, fitApply, frameOf, names, valuesOf } from "./helpers.ts";

describe("math", () => {
  it("applies each op on its safe domain and gives NaN outside it", () => {
    const frame = frameOf({ x: [0, 3, -1, -4, null] });
    const { out } = fitApply(
      mathStep,
      frame,
      configOf(mathStep, { ops: ["log1p", "sqrt", "square", "reciprocal"] }),
    );
    expect(names(out)).toEqual(["x", "log1p(x)", "sqrt(x)", "square(x)", "reciprocal(x)"]);
    expect(valuesOf(out, "log1p(x)")).toEqual([0, Math.log(4), Number.NaN, Number.NaN, Number.NaN]);
    expect(valuesOf(out, "sqrt(x)")).toEqual([0, Math.sqrt(3), Number.NaN, Number.NaN, Number.NaN]);
    expect(valuesOf(out, "square(x)")).toEqual([0, 9, 1, 16, Number.NaN]);
    expect(valuesOf(out, "reciprocal(x)")).toEqual([Number.NaN, 1 / 3, -1, -0.25, Number.NaN]);
    expect(out.columns[1].missing).toBe(3);
  });

  it("replaces the source when keep_source is off", () => {
    const { out } = fitApply(
      mathStep,
      frameOf({ x: [1, 4], y: [2, 3] }),
      configOf(mathStep, { ops: ["sqrt"], keep_source: false }, ["x"]),
    );
    expect(names(out)).toEqual(["sqrt(x)", "y"]);
  });
});

describe("pairs", () => {
  it("makes ratio, difference and product, with NaN for division by zero", () => {
    const frame = frameOf({ a: [6, 0, 5, null], b: [3, 0, 0, 2] });
    const { out } = fitApply(pairsStep, frame, configOf(pairsStep, { left: ["a"], right: ["b"] }));
    expect(names(out)).toEqual(["a", "b", "a/b", "a-b", "a*b"]);
    expect(valuesOf(out, "a/b")).toEqual([2, Number.NaN, Number.NaN, Number.NaN]);
    expect(valuesOf(out, "a-b")).toEqual([3, 0, 5, Number.NaN]);
    expect(valuesOf(out, "a*b")).toEqual([18, 0, 0, Number.NaN]);
  });

  it("pairs every chosen column when no pairs are given and keeps names unique", () => {
    const frame = frameOf({ a: [1], b: [2], c: [4], "a*b": [0] });
    const { out } = fitApply(pairsStep, frame, configOf(pairsStep, { ops: ["product"] }, ["a", "b", "c"]));
    expect(names(out)).toEqual(["a", "b", "c", "a*b", "a*b_2", "a*c", "b*c"]);
    expect(valuesOf(out, "a*b_2")).toEqual([2]);
  });

  it("rejects a pair with a non-numeric column", () => {
    const frame = frameOf({ a: [1], k: ["u"] });
    expect(() =>
      pairsStep.fit(frame, configOf(pairsStep, { left: ["a"], right: ["k"] }), { rng: {} as never }),
    ).toThrow(/not numeric/);
    expect(() => pairsStep.validate?.(configOf(pairsStep, { left: ["a"], right: [] }))).toThrow(
      /params.right/,
    );
    expect(() => pairsStep.validate?.(configOf(pairsStep, { pairs: [["a", "b"]] }))).toThrow(
      /params.pairs: unknown param/,
    );
  });
});
