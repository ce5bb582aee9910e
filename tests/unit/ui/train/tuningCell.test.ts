import { describe, expect, it } from "vitest";
import type { LeaderboardEntry } from "../../../../src/core/automl/ladder/leaderboard.ts";
import { bestTrialScore, foldsKeepingDefaults } from "../../../../src/core/automl/tune/bestTrial.ts";
import type { ModelTuning, TuneTrial } from "../../../../src/core/automl/tune/tuning.ts";
import { tuningCell } from "../../../../src/ui/train/leaderboardRows.ts";

const trial = (fold: number, rung: number, candidate: number, score: number): TuneTrial => ({
  candidate,
  fold,
  rung,
  resources: rung === 0 ? 100 : 300,
  score,
  seconds: 0.1,
});

/**
 * Two outer folds, three candidates. Fold 0: candidate 2 wins its last rung by 0.002, too little
 * to replace the defaults; fold 1: candidate 1 wins clearly and is chosen. A rung-0 trial scores
 * highest of all but is not on a last rung, so it must not count.
 */
const tuning: ModelTuning = {
  resource: "rows",
  factor: 3,
  candidates: [{}, { a: 1 }, { a: 2 }],
  inner_folds: 1,
  rungs: {},
  trials: [
    trial(0, 0, 0, 0.8),
    trial(0, 0, 1, 0.99),
    trial(0, 0, 2, 0.85),
    trial(0, 1, 0, 0.9),
    trial(0, 1, 2, 0.902),
    trial(1, 0, 0, 0.7),
    trial(1, 0, 1, 0.8),
    trial(1, 0, 2, Number.NaN),
    trial(1, 1, 0, 0.8),
    trial(1, 1, 1, 0.86),
  ],
  chosen: [0, 1],
  final: 0,
  best_score: (0.9 + 0.86) / 2,
  default_score: (0.9 + 0.8) / 2,
};

describe("the leaderboard's tuning cell", () => {
  it("shows the mean of each fold's best last-rung trial, not the chosen candidates' mean", () => {
    expect(bestTrialScore(tuning, "accuracy")).toBeCloseTo((0.902 + 0.86) / 2, 12);
  });

  it("counts the folds that kept their defaults although a trial scored higher", () => {
    expect(foldsKeepingDefaults(tuning, "accuracy")).toBe(1);
    const entry = { metric: "accuracy", tuning } as unknown as LeaderboardEntry;
    const cell = tuningCell(entry)!;
    expect(cell.best).toBe("0.8810");
    expect(cell.defaults).toBe("0.8500");
    expect(cell.detail).toContain("1 of 2 folds kept the defaults");
  });

  it("takes the lowest score as best for an error metric", () => {
    const errors: ModelTuning = { ...tuning, chosen: [2, 0] };
    // RMSE: fold 0's best is the defaults' 0.9 on the last rung, fold 1's the defaults' 0.8.
    expect(bestTrialScore(errors, "rmse")).toBeCloseTo(0.85, 12);
    expect(foldsKeepingDefaults(errors, "rmse")).toBe(0);
  });
});
