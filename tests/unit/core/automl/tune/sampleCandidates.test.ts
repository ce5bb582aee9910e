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
      expect(c.learning_rate as number).toBeGreaterThanOrEqual(0.01);
      expect(c.learning_rate as number).toBeLessThanOrEqual(0.3);
      expect(Number.isInteger(c.max_leaf_nodes)).toBe(true);
      expect(c.max_leaf_nodes as number).toBeGreaterThanOrEqual(7);
      expect(c.max_leaf_nodes as number).toBeLessThanOrEqual(127);
    }
    expect(sampleCandidates(space, 40, 7)).toEqual(a);
    expect(sampleCandidates(space, 40, 8)).not.toEqual(a);
    // A longer list starts with the shorter one: a bigger budget adds candidates, it does not replace them.
    expect(sampleCandidates(space, 60, 7).slice(0, 40)).toEqual(a);
  });

  it("draws log ranges uniformly in log space", () => {
    const draws = sampleCandidates({ a: { type: "log", range: [1e-4, 1] } }, 4001, 3).slice(1);
    const below = draws.filter((c) => (c.a as number) < 1e-2).length / draws.length;
    // Half the log range lies below 1e-2.
    expect(below).toBeGreaterThan(0.46);
    expect(below).toBeLessThan(0.54);
  });
});
