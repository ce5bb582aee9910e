import { describe, expect, it } from "vitest";
import type { ModelTuning } from "../../../../../src/core/automl/tune/tuning.ts";
import {
  binOf,
  candidatePoints,
  paramEffects,
  paramGrid,
} from "../../../../../src/core/automl/tune/tuningViews.ts";
import type { ParamSpace } from "../../../../../src/core/models/registry.ts";

const space: ParamSpace = {
  alpha: { type: "log", range: [0.001, 1000] },
  kind: { type: "choice", choices: ["a", "b"] },
};

// Two folds, four candidates; the score follows `kind` only.
const trial = (fold: number, candidate: number, score: number, rung = 0) => ({
  fold,
  candidate,
  rung,
  resources: 100,
  score,
  seconds: 0,
});
const tuning: ModelTuning = {
  resource: "rows",
  factor: 3,
  candidates: [{}, { alpha: 0.01, kind: "b" }, { alpha: 100, kind: "b" }, { alpha: 50, kind: "a" }],
  inner_folds: 3,
  rungs: { "0": [{ candidates: 4, resources: 100 }], "1": [{ candidates: 4, resources: 100 }] },
  trials: [
    trial(0, 0, 0.8),
    trial(0, 1, 0.9),
    trial(0, 2, 0.92),
    trial(0, 3, 0.7),
    trial(1, 0, 0.82),
    trial(1, 1, 0.9),
    trial(1, 2, 0.9),
    trial(1, 3, 0.72),
    trial(1, 2, 0.95, 1),
  ],
  chosen: [2, 2],
  final: 2,
  best_score: 0.93,
  default_score: 0.81,
};

describe("the tuning views' data", () => {
  it("gives each candidate its values (defaults filled in) and its mean first-rung score", () => {
    const points = candidatePoints(tuning, space, { alpha: 1, kind: "a" });
    expect(points.map((p) => p.values)).toEqual([
      { alpha: 1, kind: "a" },
      { alpha: 0.01, kind: "b" },
      { alpha: 100, kind: "b" },
      { alpha: 50, kind: "a" },
    ]);
    expect(points.map((p) => p.score)).toEqual([0.81, 0.9, 0.91, 0.71].map((x) => expect.closeTo(x, 12)));
    expect(points.map((p) => p.final)).toEqual([false, false, true, false]);
  });

  it("bins log ranges in log space and ranks params by the score spread they explain", () => {
    expect(binOf(space.alpha, 0.01)).toBe("0.001–0.1");
    expect(binOf(space.alpha, 100)).toBe("10–1000");
    expect(binOf(space.kind, "b")).toBe("b");
    const points = candidatePoints(tuning, space, { alpha: 1, kind: "a" });
    const effects = paramEffects(points, space);
    expect(effects[0].param).toBe("kind");
    // kind splits the scores {0.81, 0.71} | {0.9, 0.91}: between-group 0.021025 of 0.026075 in all.
    expect(effects[0].effect).toBeCloseTo(0.021025 / 0.026075, 10);
    const grid = paramGrid(points, space, "kind", "alpha");
    expect(grid.find((c) => c.x === "b" && c.y === "10–1000")).toEqual({
      x: "b",
      y: "10–1000",
      score: expect.closeTo(0.91, 12),
      count: 1,
    });
    expect(grid.reduce((n, c) => n + c.count, 0)).toBe(4);
  });
});
