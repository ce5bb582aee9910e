import { describe, expect, it } from "vitest";
import { halvingSchedule } from "../../../../../src/core/automl/tune/halvingSchedule.ts";

// n_resources_ and n_candidates_ of scikit-learn 1.2's HalvingRandomSearchCV (resource n_samples,
// 2-fold CV of n rows so max_resources_ = n), printed by /usr/bin/python3 for these settings.
const SKLEARN = [
  { n: 1000, candidates: 9, min: "exhaust", smallest: 8, factor: 3, res: [111, 333, 999], cand: [9, 3, 1] },
  { n: 1000, candidates: 20, min: "exhaust", smallest: 8, factor: 3, res: [111, 333, 999], cand: [20, 7, 3] },
  { n: 4800, candidates: 9, min: "exhaust", smallest: 8, factor: 3, res: [533, 1599, 4797], cand: [9, 3, 1] },
  {
    n: 4800,
    candidates: 27,
    min: "exhaust",
    smallest: 8,
    factor: 3,
    res: [177, 531, 1593, 4779],
    cand: [27, 9, 3, 1],
  },
  { n: 1000, candidates: 9, min: 250, factor: 3, res: [250, 750], cand: [9, 3] },
  { n: 1000, candidates: 27, min: 250, factor: 3, res: [250, 750], cand: [27, 9] },
  {
    n: 1000,
    candidates: 27,
    min: 250,
    factor: 3,
    aggressive: true,
    res: [250, 250, 250, 750],
    cand: [27, 9, 3, 1],
  },
  { n: 600, candidates: 5, min: "exhaust", smallest: 8, factor: 2, res: [150, 300, 600], cand: [5, 3, 2] },
  // n_candidates="exhaust" draws max_resources // min_resources = 50 candidates.
  { n: 5000, candidates: 50, min: 100, factor: 3, res: [100, 300, 900, 2700], cand: [50, 17, 6, 2] },
  { n: 300, candidates: 12, min: 4, factor: 3, res: [4, 12, 36], cand: [12, 4, 2] },
] as const;

describe("halvingSchedule", () => {
  for (const c of SKLEARN) {
    it(`matches scikit-learn for ${c.candidates} candidates on ${c.n} rows, min ${c.min}, factor ${c.factor}${"aggressive" in c ? ", aggressive" : ""}`, () => {
      const rungs = halvingSchedule({
        candidates: c.candidates,
        maxResources: c.n,
        minResources: c.min === "exhaust" ? { exhaust: c.smallest } : c.min,
        factor: c.factor,
        aggressive: "aggressive" in c ? c.aggressive : false,
      });
      expect(rungs.map((r) => r.resources)).toEqual(c.res);
      expect(rungs.map((r) => r.candidates)).toEqual(c.cand);
    });
  }

  it("does not halve when the smallest rung would exceed the data (scikit-learn refuses)", () => {
    expect(halvingSchedule({ candidates: 9, maxResources: 100, minResources: 250 })).toEqual([
      { candidates: 9, resources: 100 },
    ]);
  });

  it("names bad input", () => {
    expect(() => halvingSchedule({ candidates: 0, maxResources: 10, minResources: 1 })).toThrow(
      "invalid candidates: 0",
    );
    expect(() => halvingSchedule({ candidates: 3, maxResources: 10, minResources: 1, factor: 1 })).toThrow(
      "invalid halving factor: 1",
    );
  });
});
