import { describe, expect, it } from "vitest";
import {
  type SelectMethod,
  type SelectState,
  scoreFeatures,
  selectStep,
} from "../../../../src/core/features/index.ts";
import { allRows, matrixOf, targetOf } from "../../../../src/core/features/shared/scoringData.ts";
import { configOf, contextOf, frameOf, INFORMATIVE, informativeData, names } from "./helpers.ts";

function dataset(task: "binary" | "regression") {
  const { frame, target } = informativeData(task, 800, 11);
  return { frame, target, X: matrixOf(frame.columns, allRows(frame)), y: targetOf(target).target };
}

const binary = dataset("binary");
const regression = dataset("regression");

/** The names a score list keeps, and its top k. */
const kept = (s: { names: string[]; autoKeep: boolean[] }) => s.names.filter((_, j) => s.autoKeep[j]);
const top = (s: { names: string[]; scores: number[] }, k: number) =>
  s.names
    .map((n, j) => [n, s.scores[j]] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([n]) => n)
    .sort();

function expectRecovered(chosen: string[], maxNoise: number) {
  for (const name of INFORMATIVE) expect(chosen).toContain(name);
  expect(chosen.length - INFORMATIVE.length).toBeLessThanOrEqual(maxNoise);
}

describe("scoreFeatures on 5 informative + 15 noise columns", () => {
  const auto: SelectMethod[] = [
    "anova_f",
    "mutual_info",
    "correlation",
    "tree_importance",
    "l1",
    "permutation",
    "random_probe",
  ];
  for (const method of auto) {
    it(`${method} (classes) keeps the informative columns and few others`, () => {
      const s = scoreFeatures(binary.X, binary.y, method, { seed: 3 });
      expectRecovered(kept(s), 2);
      expect(top(s, 5)).toEqual([...INFORMATIVE].sort());
    });
  }

  for (const method of ["mutual_info", "correlation", "tree_importance", "l1", "permutation"] as const) {
    it(`${method} (values) keeps the informative columns and few others`, () => {
      expectRecovered(kept(scoreFeatures(regression.X, regression.y, method, { seed: 3 })), 2);
    });
  }

  it("rfe ranks the informative columns on top, with the linear model and with a forest", () => {
    const linear = scoreFeatures(binary.X, binary.y, "rfe", { seed: 3 });
    expect(top(linear, 5)).toEqual([...INFORMATIVE].sort());
    // Auto keeps the better half, as scikit-learn's RFE does by default.
    expect(kept(linear)).toHaveLength(10);
    const forest = scoreFeatures(regression.X, regression.y, "rfe", {
      seed: 3,
      model: "random_forest",
      step: 0.3,
    });
    expect(top(forest, 5)).toEqual([...INFORMATIVE].sort());
  });

  it("random_probe reports the probes' scores and keeps what beats the best of them", () => {
    const s = scoreFeatures(binary.X, binary.y, "random_probe", {
      seed: 3,
      probeMethod: "anova_f",
      probes: 15,
    });
    expect(s.probeScores).toHaveLength(15);
    expect(s.autoThreshold).toBe(Math.max(...s.probeScores!));
    expectRecovered(kept(s), 2);
  });

  it("is seeded: the same seed gives the same scores", () => {
    const a = scoreFeatures(binary.X, binary.y, "permutation", { seed: 5 });
    const b = scoreFeatures(binary.X, binary.y, "permutation", { seed: 5 });
    expect(b.scores).toEqual(a.scores);
  });

  it("rejects methods that do not fit the task or the data", () => {
    expect(() => scoreFeatures(regression.X, regression.y, "anova_f")).toThrow(
      /does not apply to regression/,
    );
    expect(() => scoreFeatures(regression.X, regression.y, "rfe", { model: "logistic" })).toThrow(
      /logistic fits classes/,
    );
    expect(() => scoreFeatures(binary.X, undefined, "mutual_info")).toThrow(/needs a target/);
    expect(() => scoreFeatures(binary.X, binary.y, "chi2")).toThrow(/non-negative/);
  });
});

describe("select step", () => {
  const target = binary.target;
  const tagged = (f: typeof binary.frame) => ({
    rows: f.rows,
    columns: [
      ...f.columns,
      frameOf({ tag: Array.from({ length: f.rows }, (_, i) => (i % 2 ? "a" : "b")) }).columns[0],
    ],
  });
  const frame = tagged(binary.frame);

  it("keeps the method's choice, drops the rest in transform and passes non-numeric columns through", () => {
    const config = configOf(selectStep, { method: "anova_f" });
    const state: SelectState = JSON.parse(JSON.stringify(selectStep.fit(frame, config, contextOf(target))));
    expectRecovered(state.selected, 2);
    expect(state.names).toHaveLength(20);
    expect(state.scores).toHaveLength(20);
    expect(state.pValues).toHaveLength(20);
    expect(state.threshold).toBeGreaterThan(0);
    for (const [j, name] of state.names.entries()) {
      expect(state.selected.includes(name)).toBe(state.scores[j] >= state.threshold);
    }
    const out = selectStep.transform(tagged(informativeData("binary", 50, 99).frame), state, config);
    expect(names(out)).toEqual([...state.selected, "tag"]);
  });

  it("keeps the top k or those at a threshold, and never fewer than min_features", () => {
    const ctx = () => contextOf(target);
    const k = selectStep.fit(frame, configOf(selectStep, { method: "rfe", keep: "k", k: 5 }), ctx());
    expect([...k.selected].sort()).toEqual([...INFORMATIVE].sort());
    const t = selectStep.fit(
      frame,
      configOf(selectStep, { method: "correlation", keep: "threshold", threshold: 0.2 }),
      ctx(),
    );
    expect(t.threshold).toBe(0.2);
    expect(t.selected.every((n) => t.scores[t.names.indexOf(n)] >= 0.2)).toBe(true);
    const none = selectStep.fit(
      frame,
      configOf(selectStep, { method: "correlation", keep: "threshold", threshold: 2, min_features: 2 }),
      ctx(),
    );
    expect(none.selected).toHaveLength(2);
  });

  it("drops constant columns with variance_threshold, without a target", () => {
    // 0.1 has no exact binary form: a mean summed naively is off by a rounding error.
    const f = frameOf({ a: [1, 2, 3], b: [5, 5, 5], c: [0, 1, 0], d: [0.1, 0.1, 0.1] });
    const state = selectStep.fit(f, configOf(selectStep, { method: "variance_threshold" }), contextOf());
    expect(state.selected).toEqual(["a", "c"]);
    expect(names(selectStep.transform(f, state, configOf(selectStep)))).toEqual(["a", "c"]);
  });

  it("samples at most max_rows training rows and needs a target for supervised methods", () => {
    const state = selectStep.fit(
      frame,
      configOf(selectStep, { method: "tree_importance", max_rows: 300 }),
      contextOf(target),
    );
    expectRecovered(state.selected, 2);
    expect(() => selectStep.fit(frame, configOf(selectStep, { method: "l1" }), contextOf())).toThrow(
      /needs a target/,
    );
    expect(() => selectStep.validate?.(configOf(selectStep, { method: "magic" }))).toThrow(/params.method/);
  });
});
