import { describe, expect, it } from "vitest";
import type { LeaderboardEntry } from "../../../../../src/core/automl/ladder/leaderboard.ts";
import { runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import type { FoldRunner } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { makeMemoryRunStore } from "../../../../../src/core/automl/run/memoryRunStore.ts";
import { makeRunService } from "../../../../../src/core/automl/run/runService.ts";
import type { RunSettings } from "../../../../../src/core/automl/run/runSettings.ts";
import { fixtureFrame } from "../ladder/helpers.ts";

const settings: RunSettings = {
  target: "target",
  task: null,
  metric: null,
  models: ["baseline", "knn", "decision_tree"],
  split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 3, seed: 0 },
  criterion: null,
  ensemble: true,
  tune: 4,
};

/** An entry without its timings (the only numbers a rerun may change). */
function untimed(e: LeaderboardEntry) {
  const { fit_seconds: _, tuning, ...rest } = e;
  return {
    ...rest,
    tuning: tuning && { ...tuning, trials: tuning.trials.map(({ seconds: _s, ...t }) => t) },
  };
}

describe("a tuned run", () => {
  it("keeps the searches finished before a cancel, and a resume gives the same leaderboard as one run", async () => {
    const frame = await fixtureFrame("iris.csv");
    const input = { projectId: "p", datasetId: "d", settings };
    const full = await makeRunService({ store: makeMemoryRunStore(), open: async () => ({ frame }) }).start(
      input,
    );
    expect(full.run.entries.find((e) => e.model === "knn")?.tuning?.candidates).toHaveLength(4);

    const controller = new AbortController();
    // The person cancels as the tree's first trial starts.
    const cancelling: FoldRunner = (job, signal) => {
      if (job.model === "decision_tree") controller.abort();
      return runFoldJob(frame, job, { signal });
    };
    const store = makeMemoryRunStore();
    const cancelled = await makeRunService({
      store,
      open: async () => ({ frame, runFold: cancelling }),
    }).start(input, { signal: controller.signal });
    expect(cancelled.run.status).toBe("cancelled");
    expect(cancelled.run.entries.map((e) => e.model)).toEqual(["baseline", "knn"]);
    // The stored search of the finished model comes back with it.
    expect(cancelled.run.entries[1].tuning?.trials.length).toBeGreaterThan(0);
    const resumed = await makeRunService({ store, open: async () => ({ frame }) }).resume(cancelled.run.id);
    expect(resumed.run.status).toBe("done");
    expect(resumed.run.entries.map(untimed)).toEqual(full.run.entries.map(untimed));
  }, 120_000);
});
