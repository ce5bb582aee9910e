import { describe, expect, it } from "vitest";
import { sampleCandidates } from "../../../../../src/core/automl/tune/sampleCandidates.ts";
import { GBDT_META } from "../../../../../src/core/models/gbdt/meta.ts";

describe("sampleCandidates", () => {
  const space = GBDT_META.paramSpace!;

  it("puts the defaults first and draws the rest in range, the same for the same seed", () => {
    const a = sampleCandidates(space, 40, 7);
    expect(a).toHaveLength(40);
    expect(a[0]).toEqual({});
    for (const c of a.slice(1)) {
      expect(Object.keys(c).sort()).toEqual(Object.keys(space).sort());
      expect(c.learning_rate as number).toBeGreaterThanOrEqual(0.02);
      expect(c.learning_rate as number).toBeLessThanOrEqual(0.3);
      expect([7, 15, 31, 63]).toContain(c.max_leaf_nodes);
      expect(Number.isInteger(c.max_iter)).toBe(true);
      expect(c.max_iter as number).toBeGreaterThanOrEqual(50);
      expect(c.max_iter as number).toBeLessThanOrEqual(500);
    }
    expect(sampleCandidates(space, 40, 7)).toEqual(a);
    expect(sampleCandidates(space, 40, 8)).not.toEqual(a);
    // A longer list starts with the shorter one: a bigger budget adds candidates, it does not replace them.
    expect(sampleCandidates(space, 60, 7).slice(0, 40)).toEqual(a);
  });

  it("tries a family's starts right after the defaults, and draws the same values after them", () => {
    const starts = [{ learning_rate: 0.05 }, { max_leaf_nodes: 15 }];
    const plain = sampleCandidates(space, 6, 7);
    const started = sampleCandidates(space, 8, 7, starts);
    expect(started.slice(0, 3)).toEqual([{}, ...starts]);
    expect(started.slice(3)).toEqual(plain.slice(1));
    // A budget smaller than the starts keeps the first ones.
    expect(sampleCandidates(space, 2, 7, starts)).toEqual([{}, starts[0]]);
  });

  it("draws log ranges uniformly in log space", () => {
    const draws = sampleCandidates({ a: { type: "log", range: [1e-4, 1] } }, 4001, 3).slice(1);
    const below = draws.filter((c) => (c.a as number) < 1e-2).length / draws.length;
    // Half the log range lies below 1e-2.
    expect(below).toBeGreaterThan(0.46);
    expect(below).toBeLessThan(0.54);
  });
});
