import { describe, expect, it } from "vitest";
import { dedupeStep } from "../../../../src/core/prep/steps/dedupe.ts";
import { dropColumnsStep } from "../../../../src/core/prep/steps/dropColumns.ts";
import { dropRowsMissingStep } from "../../../../src/core/prep/steps/dropRowsMissing.ts";
import { fixTypeStep } from "../../../../src/core/prep/steps/fixType.ts";
import { outliersStep } from "../../../../src/core/prep/steps/outliers.ts";
import { textNormaliseStep } from "../../../../src/core/prep/steps/textNormalise.ts";
import { columnOf, configOf, ctxOf, fitApply, floats, frameOf, names, texts } from "./helpers.ts";

describe("drop_columns", () => {
  it("drops listed columns, or those missing above a threshold in the training rows", () => {
    const train = frameOf({ a: [1, null, null, 4], b: [1, 2, null, 4], c: ["x", "y", "z", "w"] });
    expect(names(fitApply(dropColumnsStep, train, configOf("drop_columns", ["c"])).out)).toEqual(["a", "b"]);
    const byShare = fitApply(
      dropColumnsStep,
      train,
      configOf("drop_columns", "auto", { missing_threshold: 0.3 }),
    );
    expect(byShare.state.drop).toEqual(["a"]);
    // New data loses the same columns whatever its own missing values.
    const test = frameOf({ a: [1, 2], b: [null, null], c: ["x", "y"] });
    expect(names(dropColumnsStep.transform(test, byShare.state, configOf("drop_columns")))).toEqual([
      "b",
      "c",
    ]);
  });

  it("needs a list or a threshold", () => {
    expect(() => dropColumnsStep.validate!(configOf("drop_columns"))).toThrow(
      "drop_columns: list the columns or set params.missing_threshold",
    );
  });
});

describe("drop_rows_missing and dedupe", () => {
  it("drop training rows (and their targets) but leave new rows alone", () => {
    const train = frameOf({ a: [1, null, 3, null], b: [1, null, 3, 4] });
    const y = columnOf("y", ["p", "q", "r", "s"]);
    const res = fitApply(
      dropRowsMissingStep,
      train,
      configOf("drop_rows_missing", "auto", { threshold: 0.5 }),
      ctxOf(y),
    );
    expect(res.state.dropped).toBe(1);
    expect(floats(res.trained, "b")).toEqual([1, 3, 4]);
    expect(texts({ rows: 3, columns: [res.target!] }, "y")).toEqual(["p", "r", "s"]);
    expect(res.out).toBe(train);
  });

  it("keep the first of identical rows, counting missing values as equal and the target as part of the row", () => {
    const train = frameOf({ a: [1, 1, 2, 1, null, null], c: ["x", "x", "x", "x", "z", "z"] });
    const y = columnOf("y", [0, 0, 0, 1, 5, 5]);
    const res = fitApply(dedupeStep, train, configOf("dedupe"), ctxOf(y));
    expect(res.state.dropped).toBe(2);
    expect(floats(res.trained, "a")).toEqual([1, 2, 1, Number.NaN]);
    expect(floats({ rows: 4, columns: [res.target!] }, "y")).toEqual([0, 0, 1, 5]);
    const noTarget = fitApply(
      dedupeStep,
      train,
      configOf("dedupe", "auto", { include_target: false }),
      ctxOf(y),
    );
    expect(noTarget.state.dropped).toBe(3);
  });
});

describe("fix_type", () => {
  it("re-types listed columns", () => {
    const frame = frameOf({ n: ["1", "2,5", "x"] });
    const { out } = fitApply(fixTypeStep, frame, configOf("fix_type", ["n"], { kind: "numeric" }));
    expect(out.columns[0].kind).toBe("numeric");
    expect(floats(out, "n")).toEqual([1, 2.5, Number.NaN]);
    expect(() => fixTypeStep.validate!(configOf("fix_type", "auto"))).toThrow(
      "fix_type: list the columns to re-type",
    );
  });
});

describe("outliers", () => {
  // Sorted 1..9, 100: q1 = 3.25, q3 = 7.75 (linear interpolation), IQR 4.5, fences -3.5 and 14.5.
  const train = frameOf({ x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100] });
  const test = frameOf({ x: [-10, 50, 5, null] });

  it("clips to IQR fences fitted on the training rows", () => {
    const { state, trained, out } = fitApply(outliersStep, train, configOf("outliers"), undefined, test);
    expect(state.columns[0]).toMatchObject({ lo: -3.5, hi: 14.5 });
    expect(floats(trained, "x")[9]).toBe(14.5);
    expect(floats(out, "x")).toEqual([-3.5, 14.5, 5, Number.NaN]);
  });

  it("flags with a <col>_outlier column, or drops training rows only", () => {
    const flag = fitApply(
      outliersStep,
      train,
      configOf("outliers", "auto", { action: "flag" }),
      undefined,
      test,
    );
    expect(names(flag.out)).toEqual(["x", "x_outlier"]);
    expect(floats(flag.out, "x_outlier")).toEqual([1, 1, 0, 0]);
    const y = columnOf("y", [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    const drop = fitApply(
      outliersStep,
      train,
      configOf("outliers", "auto", { action: "drop" }),
      ctxOf(y),
      test,
    );
    expect(drop.state.dropped).toBe(1);
    expect(drop.trained.rows).toBe(9);
    expect(drop.target!.data.type === "float" && drop.target!.data.values.length).toBe(9);
    expect(drop.out).toBe(test);
  });

  it("uses mean ± threshold standard deviations with the z-score method", () => {
    const frame = frameOf({ x: [1, 2, 3, 4] });
    const { state } = fitApply(
      outliersStep,
      frame,
      configOf("outliers", "auto", { method: "zscore", threshold: 2 }),
    );
    const sd = Math.sqrt(1.25);
    expect(state.columns[0].lo).toBeCloseTo(2.5 - 2 * sd, 12);
    expect(state.columns[0].hi).toBeCloseTo(2.5 + 2 * sd, 12);
  });
});

describe("text_normalise", () => {
  it("trims, lower-cases and rewrites a pattern, merging levels that become equal", () => {
    const frame = frameOf({ city: [" Paris", "paris ", "PARIS", "Lyon!", "  ", null] });
    const { out } = fitApply(
      textNormaliseStep,
      frame,
      configOf("text_normalise", "auto", { pattern: "[!?]", replacement: "" }),
    );
    expect(texts(out, "city")).toEqual(["paris", "paris", "paris", "lyon", null, null]);
    const col = out.columns[0];
    expect(col.data.type === "dict" && col.data.levels).toEqual(["paris", "lyon"]);
    expect(col.missing).toBe(2);
  });

  it("rejects an invalid pattern", () => {
    expect(() => textNormaliseStep.validate!(configOf("text_normalise", "auto", { pattern: "(" }))).toThrow(
      /params.pattern: invalid regular expression/,
    );
  });
});
