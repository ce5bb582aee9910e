import { describe, expect, it } from "vitest";
import { groupAggregatesStep } from "../../../../src/core/features/index.ts";
import { configOf, fitApply, frameOf, names, valuesOf } from "./helpers.ts";

describe("group_aggregates", () => {
  const train = frameOf({ k: ["a", "a", "b", "b", "b"], x: [1, 3, 2, 4, null] });
  const all = { keys: ["k"], stats: ["count", "mean", "sum", "min", "max"] };

  it("computes each statistic per key on the training rows", () => {
    const { out } = fitApply(groupAggregatesStep, train, configOf(groupAggregatesStep, all));
    expect(names(out)).toEqual([
      "k",
      "x",
      "count(k)",
      "mean(x by k)",
      "sum(x by k)",
      "min(x by k)",
      "max(x by k)",
    ]);
    expect(valuesOf(out, "count(k)")).toEqual([2, 2, 3, 3, 3]);
    expect(valuesOf(out, "mean(x by k)")).toEqual([2, 2, 3, 3, 3]);
    expect(valuesOf(out, "sum(x by k)")).toEqual([4, 4, 6, 6, 6]);
    expect(valuesOf(out, "min(x by k)")).toEqual([1, 1, 2, 2, 2]);
    expect(valuesOf(out, "max(x by k)")).toEqual([3, 3, 4, 4, 4]);
  });

  it("looks up other rows by level, unchanged by their values, with the global fallback for unseen keys", () => {
    const config = configOf(groupAggregatesStep, all);
    const state = JSON.parse(JSON.stringify(groupAggregatesStep.fit(train, config, { rng: {} as never })));
    const before = JSON.stringify(state);
    // Other rows: a new level, a missing key, other x values, and levels in another order.
    const other = frameOf({ k: ["b", "c", null, "a"], x: [100, 100, 100, 100] });
    const out = groupAggregatesStep.transform(other, state, config);
    expect(valuesOf(out, "mean(x by k)")).toEqual([3, 2.5, 2.5, 2]);
    expect(valuesOf(out, "count(k)")).toEqual([3, 0, 0, 2]);
    expect(valuesOf(out, "sum(x by k)")).toEqual([6, 0, 0, 4]);
    expect(valuesOf(out, "min(x by k)")).toEqual([2, 1, 1, 1]);
    expect(JSON.stringify(state)).toBe(before);
  });

  it("gives NaN for unseen keys when asked", () => {
    const config = configOf(groupAggregatesStep, { keys: ["k"], stats: ["count", "mean"], unseen: "nan" });
    const state = groupAggregatesStep.fit(train, config, { rng: {} as never });
    const out = groupAggregatesStep.transform(frameOf({ k: ["zz", "a"], x: [0, 0] }), state, config);
    expect(valuesOf(out, "mean(x by k)")).toEqual([Number.NaN, 2]);
    expect(valuesOf(out, "count(k)")).toEqual([Number.NaN, 2]);
  });

  it("takes every categorical column as a key when none is named, and needs a categorical key", () => {
    const { out } = fitApply(groupAggregatesStep, train, configOf(groupAggregatesStep, { stats: ["count"] }));
    expect(valuesOf(out, "count(k)")).toEqual([2, 2, 3, 3, 3]);
    const config = configOf(groupAggregatesStep, { keys: ["x"] });
    expect(() => groupAggregatesStep.fit(train, config, { rng: {} as never })).toThrow(/not categorical/);
  });
});
