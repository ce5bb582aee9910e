import { describe, expect, it } from "vitest";
import type { FoldJob } from "../../../../../src/core/automl/ladder/foldJob.ts";
import type { LeaderboardEntry } from "../../../../../src/core/automl/ladder/leaderboard.ts";
import { runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import { type FoldRunner, runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { makeLanePool } from "../../../../../src/core/automl/run/lanePool.ts";
import { finalChoice } from "../../../../../src/core/automl/tune/tuneModel.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { signalFrame } from "../ladder/helpers.ts";

// 1,800 rows, a 20% test part and 3 folds: each fold trains on 960 rows, whose 3 inner folds train
// on 640, so 9 candidates run two rungs: 9 on 213 rows, the best 3 (and the defaults) on 639 (the
// floor of 200 rows allows two rungs, scaled up so the last one learns from all inner rows).
const frame = signalFrame(1800, 21);
const options = {
  target: "label",
  folds: 3,
  seed: 4,
  models: ["logistic", "decision_tree"],
  ensemble: false,
  tune: 9,
};

/** An entry without its timings (the only numbers a rerun may change). */
function untimed(e: LeaderboardEntry) {
  const { fit_seconds: _, tuning, ...rest } = e;
  return {
    ...rest,
    tuning: tuning && { ...tuning, trials: tuning.trials.map(({ seconds: _s, ...t }) => t) },
  };
}

/** A pool of `lanes` in-process lanes; lane i waits a little before each job, so jobs finish out of order. */
function lanes(f: Frame, n: number): { runFold: FoldRunner; close: () => Promise<void> } {
  let made = 0;
  const pool = makeLanePool((_died) => {
    const lane = made++;
    return {
      api: async (job: FoldJob) => {
        await new Promise((go) => setTimeout(go, lane * 3));
        return runFoldJob(f, job);
      },
      terminate: () => {},
    };
  }, n);
  return { runFold: (job, signal) => pool.run((api) => api(job), signal), close: () => pool.dispose() };
}

describe("tuning in the ladder", () => {
  it("runs the same trials and picks the same winners on one lane and on two", async () => {
    const one = await runLadder(frame, options);
    const pool = lanes(frame, 2);
    const two = await runLadder(frame, { ...options, runFold: pool.runFold }).finally(pool.close);
    expect(two.entries.map(untimed)).toEqual(one.entries.map(untimed));
    const tree = one.entries.find((e) => e.model === "decision_tree")!;
    expect(tree.tuning).toBeDefined();
    // Successive halving as scikit-learn schedules it (the rungs scaled to end on every row), in every fold.
    for (const fold of ["0", "1", "2"])
      expect(tree.tuning!.rungs[fold]).toEqual([
        { candidates: 9, resources: 213 },
        { candidates: 3, resources: 639 },
      ]);
    const fold0 = tree.tuning!.trials.filter((t) => t.fold === 0);
    expect(fold0.filter((t) => t.rung === 0).map((t) => t.candidate)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const second = fold0.filter((t) => t.rung === 1).map((t) => t.candidate);
    // The best third go on, and the defaults ride along to the last rung.
    expect(second).toContain(0);
    expect(second.length).toBeGreaterThanOrEqual(3);
    expect(second.length).toBeLessThanOrEqual(4);
    // The refit uses the folds' most frequent choice, and the entry shows its params.
    expect(tree.tuning!.final).toBe(finalChoice(one.plan.metric, tree.tuning!));
    expect(tree.params).toMatchObject(tree.tuning!.candidates[tree.tuning!.final]);
  }, 120_000);

  it("never lets a trial see the rows an outer fold is scored on, nor the test part", async () => {
    const jobs: FoldJob[] = [];
    const recording: FoldRunner = (job, signal) => {
      jobs.push(job);
      return runFoldJob(frame, job, { signal });
    };
    const out = await runLadder(frame, {
      ...options,
      models: ["decision_tree"],
      runFold: recording,
      concurrency: 1,
    });
    const { plan } = out;
    const test = new Set(plan.test);
    // Trials score nothing on their own training rows; the outer jobs do (the overfitting signal).
    const trials = jobs.filter((j) => !j.trainScore && j.fold >= 0);
    expect(trials.length).toBeGreaterThan(3 * 9);
    for (const [k, fold] of plan.folds.entries()) {
      const outerScored = new Set(fold.test);
      const own = new Set(fold.train);
      const mine = trials.filter((j) => j.fold === k);
      expect(mine.length).toBeGreaterThan(0);
      for (const j of mine) {
        for (const r of [...j.train, ...j.validation]) {
          expect(own.has(r)).toBe(true);
          expect(outerScored.has(r)).toBe(false);
          expect(test.has(r)).toBe(false);
        }
      }
      // The reported fold score is the outer job's, on the fold's validation rows.
      const outer = jobs.find((j) => j.fold === k && j.trainScore)!;
      expect(Array.from(outer.validation)).toEqual(Array.from(fold.test));
    }
    // No trial touches the test part either (the refit's params come from the folds' searches).
    for (const j of jobs.filter((x) => x.fold < 0)) expect(j.trainScore).toBe(false);
    const tree = out.entries[0];
    expect(tree.fold_scores).toHaveLength(3);
    expect(Number.isFinite(tree.tuning!.best_score)).toBe(true);
    expect(Number.isFinite(tree.tuning!.default_score)).toBe(true);
  }, 120_000);

  it("trains defaults only with tune 0 or 1, as before tuning existed", async () => {
    const small = signalFrame(300, 2);
    const plain = await runLadder(small, { ...options, tune: undefined });
    for (const tune of [0, 1]) {
      const out = await runLadder(small, { ...options, tune });
      expect(out.entries.map(untimed)).toEqual(plain.entries.map(untimed));
      expect(out.entries.every((e) => e.tuning === undefined)).toBe(true);
    }
  });
});

describe("finalChoice", () => {
  const trial = (fold: number, candidate: number, score: number) => ({
    fold,
    candidate,
    rung: 0,
    resources: 100,
    score,
    seconds: 0,
  });
  it("takes the folds' most frequent choice, ties to the better mean score, then the lower number", () => {
    expect(
      finalChoice("accuracy", {
        chosen: [2, 5, 2],
        trials: [trial(0, 2, 0.8), trial(1, 5, 0.9), trial(2, 2, 0.7)],
      }),
    ).toBe(2);
    expect(finalChoice("accuracy", { chosen: [2, 5], trials: [trial(0, 2, 0.8), trial(1, 5, 0.9)] })).toBe(5);
    expect(finalChoice("rmse", { chosen: [2, 5], trials: [trial(0, 2, 0.8), trial(1, 5, 0.9)] })).toBe(2);
    expect(finalChoice("accuracy", { chosen: [4, 3], trials: [trial(0, 4, 0.8), trial(1, 3, 0.8)] })).toBe(3);
  });
});
