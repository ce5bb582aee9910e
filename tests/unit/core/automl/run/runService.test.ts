import { describe, expect, it } from "vitest";
import type { FoldJob } from "../../../../../src/core/automl/ladder/foldJob.ts";
import { jobProgress } from "../../../../../src/core/automl/ladder/ladderProgress.ts";
import { blendWeights, type LeaderboardEntry } from "../../../../../src/core/automl/ladder/leaderboard.ts";
import { runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import type { FoldRunner } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { makeMemoryRunStore } from "../../../../../src/core/automl/run/memoryRunStore.ts";
import { ladderOptions } from "../../../../../src/core/automl/run/runParts.ts";
import { makeRunService } from "../../../../../src/core/automl/run/runService.ts";
import type { RunSettings } from "../../../../../src/core/automl/run/runSettings.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { fixtureFrame } from "../ladder/helpers.ts";

const settings: RunSettings = {
  target: "target",
  task: null,
  metric: null,
  models: ["baseline", "knn", "decision_tree"],
  split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 3, seed: 0 },
  criterion: "accuracy >= 0.9",
  ensemble: true,
};

const untimed = ({ fit_seconds: _, ...rest }: LeaderboardEntry) => rest;

/** A service over a memory store; `runFold` (a pool stand-in) runs the folds when given. */
function setup(frame: Frame, runFold?: FoldRunner) {
  const store = makeMemoryRunStore();
  const service = makeRunService({ store, open: async () => ({ frame, runFold }) });
  return { store, service };
}

const input = (s: RunSettings = settings) => ({ projectId: "p", datasetId: "d", settings: s });

describe("the run service", () => {
  it("creates, trains and finishes a run, checkpointing every model before announcing it", async () => {
    const frame = await fixtureFrame("iris.csv");
    const { store, service } = setup(frame);
    const heard: string[] = [];
    const storedWhenHeard: number[] = [];
    const started: string[] = [];
    let runId = "";
    const out = await service.start(input(), {
      onStart: (run) => {
        runId = run.id;
        started.push(run.status);
      },
      onEntry: (e) => {
        heard.push(e.model);
        void store.get(runId).then((r) => storedWhenHeard.push(r.entries.length));
      },
    });
    expect(started).toEqual(["running"]);
    expect(out.error).toBeNull();
    expect(out.run.status).toBe("done");
    expect(heard).toEqual(["baseline", "knn", "decision_tree", "ensemble"]);
    expect(storedWhenHeard.every((n, i) => n >= i + 1)).toBe(true);
    expect(out.run.best).toBe("knn");
    expect(out.run.entries.map(untimed)).toEqual(out.result!.entries.map(untimed));
    const parts = store.parts.get(out.run.id)!;
    expect([...parts.keys()]).toEqual(["baseline", "knn", "decision_tree", "ensemble"]);
    for (const p of parts.values()) {
      expect(p.artifact?.type).toBe("automl-pipeline");
      expect(p.evaluation?.oof.rows).toBe(120);
      expect(p.evaluation?.test?.rows).toBe(30);
      expect(p.predictions?.oof.rows.length).toBe(120);
    }
    // The ensemble's file holds its members' refitted pipelines with the entry's typed weights.
    const ensemble = parts.get("ensemble")!.artifact as unknown as {
      members: { model_id: string; weight: number }[];
    };
    const entry = out.run.entries.find((e) => e.model === "ensemble")!;
    expect(Object.fromEntries(ensemble.members.map((m) => [m.model_id, m.weight]))).toEqual(
      blendWeights(entry),
    );
    expect(parts.get("decision_tree")!.insights?.tree?.samples).toBe(120);
    expect(out.run.entries.find((e) => e.model === "knn")?.criterion_met).toBe(true);
  });

  it("keeps the models finished before a cancel, and a resume gives the same leaderboard as one run", async () => {
    const frame = await fixtureFrame("iris.csv");
    const full = await setup(frame).service.start(input());
    const controller = new AbortController();
    // The person cancels as the third model starts.
    const cancelling: FoldRunner = (job, signal) => {
      if (job.model === "decision_tree") controller.abort();
      return runFoldJob(frame, job, { signal });
    };
    const { store, service } = setup(frame, cancelling);
    const cancelled = await service.start(input(), { signal: controller.signal });
    expect(cancelled.run.status).toBe("cancelled");
    expect((cancelled.error as Error).name).toBe("AbortError");
    expect(cancelled.run.entries.map((e) => e.model)).toEqual(["baseline", "knn"]);
    const resumed = await makeRunService({ store, open: async () => ({ frame }) }).resume(cancelled.run.id);
    expect(resumed.run.status).toBe("done");
    // The ensemble blends the models finished before the cancel from their stored predictions.
    expect(resumed.run.entries.map(untimed)).toEqual(full.run.entries.map(untimed));
    await expect(service.resume(cancelled.run.id)).rejects.toThrow(/finished/);
  });

  it("records an abort that is not the caller's, and any other error, as a failure with its reason", async () => {
    const frame = await fixtureFrame("iris.csv");
    const lost: FoldRunner = () => Promise.reject(new DOMException("The GPU device was lost.", "AbortError"));
    const { service } = setup(frame, lost);
    const out = await service.start(input({ ...settings, models: ["baseline"] }));
    expect(out.run.status).toBe("failed");
    expect(out.run.error).toBe("The GPU device was lost.");
    const bad = await setup(frame).service.start(input({ ...settings, target: "nope" }));
    expect(bad.run.status).toBe("failed");
    expect(bad.run.error).toMatch(/nope/);
    expect((bad.error as Error).name).toBe("ValidationError");
  });

  it("refuses settings outside the one validation before creating anything", async () => {
    const frame = await fixtureFrame("iris.csv");
    const { service } = setup(frame);
    const wide = { ...settings, split: { ...settings.split, folds: 25 } };
    await expect(service.start(input(wide))).rejects.toMatchObject({
      name: "ValidationError",
      message: "Folds must be a whole number from 2 to 20 (got 25).",
    });
  });

  it("keeps the best model's pipeline when there is no test part to refit for", async () => {
    const frame = await fixtureFrame("iris.csv");
    const { store, service } = setup(frame);
    const s = {
      ...settings,
      models: ["baseline", "decision_tree"],
      split: { ...settings.split, testFraction: 0 },
    };
    const out = await service.start(input(s));
    expect(out.run.best).toBe("decision_tree");
    const parts = store.parts.get(out.run.id)!;
    expect(parts.get("baseline")!.artifact).toBeNull();
    expect(parts.get("decision_tree")!.artifact?.model_id).toBe("decision_tree");
    expect(parts.get("decision_tree")!.insights?.tree?.samples).toBe(150);
    expect(parts.get("decision_tree")!.evaluation?.test).toBeNull();
  });

  it("rebuilds one model's evaluation with the run's numbers", async () => {
    const frame = await fixtureFrame("iris.csv");
    const { store, service } = setup(frame);
    const s = { ...settings, models: ["baseline", "knn"], ensemble: false };
    const out = await service.start(input(s));
    const kept = store.parts.get(out.run.id)!.get("knn")!.evaluation;
    store.parts.get(out.run.id)!.delete("knn");
    const again = await service.reevaluate(out.run.id, "knn");
    expect(again).toEqual(kept);
    await expect(service.reevaluate(out.run.id, "ensemble")).rejects.toThrow(/ensemble/);
  });
});

describe("run helpers", () => {
  it("takes the test share, folds and seed from the run's split, and parses the criterion", () => {
    const o = ladderOptions({
      ...settings,
      split: { type: "holdout", testFraction: 0.4, folds: 4, seed: 9 },
    });
    expect(o).toMatchObject({ testSize: 0.4, folds: 4, seed: 9 });
    expect(o.split).toEqual({ type: "holdout", testFraction: 0.4, folds: 4, seed: 9 });
    expect(o.criterion).toEqual({ metric: "accuracy", op: ">=", value: 0.9 });
    expect(ladderOptions({ ...settings, criterion: "nonsense" }).criterion).toBeNull();
  });

  it("reports a fold's own progress with its model and fold as fields", () => {
    const job = { model: "mlp", fold: 1, folds: 5 } as FoldJob;
    expect(jobProgress(job, { phase: "epoch", done: 14, total: 200 })).toEqual({
      phase: "epoch",
      model: "mlp",
      fold: 1,
      folds: 5,
      done: 14,
      total: 200,
      message: "mlp · fold 2 of 5 · epoch 14 of 200",
    });
    expect(jobProgress({ ...job, fold: -1 }, { phase: "tree", done: 3, total: 9 })).toMatchObject({
      phase: "fit",
      fold: -1,
      message: "mlp · refit · step 3 of 9",
    });
  });
});
