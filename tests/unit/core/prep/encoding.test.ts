import { describe, expect, it } from "vitest";
import { frequencyStep } from "../../../../src/core/prep/steps/frequency.ts";
import { oneHotStep } from "../../../../src/core/prep/steps/oneHot.ts";
import { ordinalStep } from "../../../../src/core/prep/steps/ordinal.ts";
import { targetEncodingStep } from "../../../../src/core/prep/steps/targetEncoding.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { columnOf, configOf, ctxOf, fitApply, floats, frameOf, names } from "./helpers.ts";

const rowsOf = (frame: ReturnType<typeof frameOf>, cols: string[]) =>
  Array.from({ length: frame.rows }, (_, i) => cols.map((c) => floats(frame, c)[i]));

describe("one-hot", () => {
  const train = frameOf({ c: ["a", "b", "a", "c", "d", "a", "b", null], x: [1, 2, 3, 4, 5, 6, 7, 8] });
  const test = frameOf({ x: [0, 0, 0, 0], c: ["a", "c", "e", null] });

  it("caps the levels, pools the rest as (other) and gives missing values their own column", () => {
    const { state, out } = fitApply(
      oneHotStep,
      train,
      configOf("one_hot", ["c"], { max_levels: 2 }),
      undefined,
      test,
    );
    expect(state.columns[0].pooled).toEqual(["c", "d"]);
    const cols = ["c=a", "c=b", "c=(other)", "c=(missing)"];
    expect(names(out)).toEqual(["x", ...cols]);
    // a; c (pooled in training) → other; e (unseen) → all zeros; missing → its own column.
    expect(rowsOf(out, cols)).toEqual([
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
  });

  it("can send unseen levels to (other) and missing values to all zeros", () => {
    const config = configOf("one_hot", ["c"], { max_levels: 10, unseen: "other", missing: "zeros" });
    const { out } = fitApply(oneHotStep, train, config, undefined, test);
    const cols = ["c=a", "c=b", "c=c", "c=d", "c=(other)"];
    expect(names(out)).toEqual(["x", ...cols]);
    expect(rowsOf(out, cols)).toEqual([
      [1, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ]);
  });
});

describe("ordinal", () => {
  it("ranks levels in the user's order; unknown levels become NaN or -1", () => {
    const frame = frameOf({ size: ["M", "L", "S", null, "XL"] });
    const order = { size: ["S", "M", "L"] };
    expect(
      floats(fitApply(ordinalStep, frame, configOf("ordinal", ["size"], { order })).out, "size"),
    ).toEqual([1, 2, 0, Number.NaN, Number.NaN]);
    const minus = fitApply(
      ordinalStep,
      frame,
      configOf("ordinal", ["size"], { order, unknown: "minus_one" }),
    ).out;
    expect(floats(minus, "size")).toEqual([1, 2, 0, Number.NaN, -1]);
  });

  it("falls back to the natural order of the training levels", () => {
    const frame = frameOf({ g: ["10", "2", "b", "a", "2"] });
    expect(floats(fitApply(ordinalStep, frame, configOf("ordinal")).out, "g")).toEqual([1, 0, 3, 2, 0]);
  });

  it("rejects an order that lists a level twice", () => {
    expect(() => ordinalStep.validate!(configOf("ordinal", ["g"], { order: { g: ["a", "a"] } }))).toThrow(
      "ordinal: params.order.g: a level is listed twice",
    );
  });
});

describe("frequency", () => {
  it("replaces levels by their training share; missing by its share, unseen by 0", () => {
    const train = frameOf({ c: ["a", "a", "b", null] });
    const test = frameOf({ c: ["b", "z", null, "a"] });
    const { out, trained } = fitApply(frequencyStep, train, configOf("frequency"), undefined, test);
    expect(floats(trained, "c")).toEqual([0.5, 0.5, 0.25, 0.25]);
    expect(floats(out, "c")).toEqual([0.25, 0, 0.25, 0.5]);
  });
});

describe("target encoding", () => {
  it("stores m-estimate means over all training rows and gives unseen levels the prior", () => {
    const frame = frameOf({ c: ["a", "a", "a", "b", "b", "c"] });
    const y = columnOf("y", [1, 2, 3, 10, 20, 5]);
    const test = frameOf({ c: ["a", "b", "c", "new"] });
    const { out } = fitApply(
      targetEncodingStep,
      frame,
      configOf("target_encoding", "auto", { smoothing: 2 }),
      ctxOf(y, "regression"),
      test,
    );
    const prior = 41 / 6;
    const want = [(6 + 2 * prior) / 5, (30 + 2 * prior) / 4, (5 + 2 * prior) / 3, prior];
    for (const [i, v] of floats(out, "c_te").entries()) expect(v).toBeCloseTo(want[i], 12);
  });

  const rng = makeRng(7);
  const n = 60;
  const levels = Array.from({ length: n }, () => "abcd"[rng.int(4)]);
  const labels = Array.from({ length: n }, () => (rng.next() < 0.4 ? "yes" : "no"));

  it("computes the training output out-of-fold: a row's own target never moves its encoding", () => {
    const frame = frameOf({ c: levels });
    const config = configOf("target_encoding", "auto", { smoothing: 1 });
    const base = fitApply(targetEncodingStep, frame, config, ctxOf(columnOf("y", labels), "binary", 3));
    const oof = floats(base.trained, "c_te");
    // Not the in-fold means that new data gets.
    expect(oof).not.toEqual(floats(base.out, "c_te"));
    for (const i of [0, 11, 42]) {
      const flipped = labels.map((l, j) => (j === i ? (l === "yes" ? "no" : "yes") : l));
      const again = fitApply(targetEncodingStep, frame, config, ctxOf(columnOf("y", flipped), "binary", 3));
      expect(floats(again.trained, "c_te")[i]).toBe(oof[i]);
      // ...while the full-data state, for new rows, does see it.
      expect(floats(again.out, "c_te")[i]).not.toBe(floats(base.out, "c_te")[i]);
    }
  });

  it("gives one share column per class for multiclass targets, summing to 1", () => {
    const frame = frameOf({ c: levels });
    const y = columnOf(
      "y",
      Array.from({ length: n }, (_, i) => ["red", "green", "blue"][i % 3]),
    );
    const { out, trained } = fitApply(
      targetEncodingStep,
      frame,
      configOf("target_encoding"),
      ctxOf(y, "multiclass"),
    );
    const cols = ["c_te=blue", "c_te=green", "c_te=red"];
    expect(names(out)).toEqual(cols);
    for (const f of [out, trained])
      for (const row of rowsOf(f, cols)) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 12);
  });

  it("needs a target", () => {
    expect(() => fitApply(targetEncodingStep, frameOf({ c: ["a"] }), configOf("target_encoding"))).toThrow(
      "target_encoding: needs a target column",
    );
  });
});
