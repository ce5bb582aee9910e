import { describe, expect, it } from "vitest";
import type { FoldJob } from "../../../../../src/core/automl/ladder/foldJob.ts";
import { runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import { type FoldRunner, runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { clearlyBetter, DEFAULTS_MARGIN } from "../../../../../src/core/automl/tune/tuneFold.ts";
import { signalFrame } from "../ladder/helpers.ts";

describe("clearlyBetter", () => {
  it("asks scores bounded by 1 for an absolute edge over the defaults", () => {
    expect(DEFAULTS_MARGIN).toBe(0.005);
    expect(clearlyBetter("accuracy", 0.904, 0.9)).toBe(false);
    expect(clearlyBetter("accuracy", 0.906, 0.9)).toBe(true);
    expect(clearlyBetter("r2", 0.31, 0.3)).toBe(true);
    expect(clearlyBetter("r2", -0.296, -0.3)).toBe(false);
    expect(clearlyBetter("roc_auc", 0.9, 0.9)).toBe(false);
  });

  it("asks errors for a share of the defaults' error", () => {
    expect(clearlyBetter("rmse", 9.96, 10)).toBe(false);
    expect(clearlyBetter("rmse", 9.94, 10)).toBe(true);
    expect(clearlyBetter("log_loss", 0.3, 0.29)).toBe(false);
    expect(clearlyBetter("mae", 0.0994, 0.1)).toBe(true);
  });

  it("lets a finite score replace failed defaults, and never a failed one", () => {
    expect(clearlyBetter("accuracy", 0.5, Number.NaN)).toBe(true);
    expect(clearlyBetter("accuracy", Number.NaN, 0.5)).toBe(false);
    expect(clearlyBetter("accuracy", Number.NaN, Number.NaN)).toBe(false);
  });
});

describe("the search keeps the defaults unless a candidate clearly beats them", () => {
  const frame = signalFrame(600, 5);
  /** Trials score `base` on the defaults (no drawn max_depth) and `base + edge` on every draw. */
  const scored =
    (edge: number): FoldRunner =>
    async (job: FoldJob, signal) => {
      const result = await runFoldJob(frame, job, { signal });
      const trial = !job.trainScore && job.fold >= 0;
      if (!trial) return result;
      return { ...result, score: 0.8 + ("max_depth" in job.params ? edge : 0) };
    };
  const run = (edge: number) =>
    runLadder(frame, {
      target: "label",
      folds: 3,
      seed: 2,
      models: ["decision_tree"],
      ensemble: false,
      tune: 5,
      runFold: scored(edge),
      concurrency: 1,
    });

  it("chooses the defaults in every fold when the best draw is ahead by less than the margin", async () => {
    const out = await run(DEFAULTS_MARGIN * 0.8);
    const tuning = out.entries[0].tuning!;
    expect(tuning.chosen).toEqual([0, 0, 0]);
    expect(tuning.final).toBe(0);
    expect(tuning.best_score).toBeCloseTo(tuning.default_score, 12);
  }, 60_000);

  it("chooses the best draw when it is ahead by more", async () => {
    const out = await run(DEFAULTS_MARGIN * 1.2);
    const tuning = out.entries[0].tuning!;
    // Every draw ties, so the lowest-numbered draw wins each fold.
    expect(tuning.chosen).toEqual([1, 1, 1]);
    expect(tuning.final).toBe(1);
  }, 60_000);
});
