import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LeaderboardEntry } from "../../../src/core/automl/ladder/leaderboard.ts";
import { runFoldJob } from "../../../src/core/automl/ladder/runFoldJob.ts";
import type { FoldRunner } from "../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../src/core/data/frame.ts";
import { readCsvText } from "../../../src/core/data/readCsv.ts";
import { openAppDb } from "../../../src/persist/db.ts";
import { listModels } from "../../../src/persist/models.ts";
import { createProject } from "../../../src/persist/projects.ts";
import { createRun, getRun } from "../../../src/persist/runs.ts";
import type { RunSettings } from "../../../src/persist/types.ts";
import {
  jobProgress,
  ladderOptions,
  runStoredLadder,
  storedPredictions,
} from "../../../workers/ladderRun.ts";

const iris = async (): Promise<Frame> =>
  (await readCsvText(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "iris.csv"), "utf8")))
    .frame;

const settings: RunSettings = {
  target: "target",
  task: null,
  metric: null,
  models: ["baseline", "knn", "decision_tree"],
  folds: 3,
  testSize: 0.2,
  seed: 0,
  criterion: "accuracy >= 0.9",
};

async function newRun(s: RunSettings = settings) {
  const db = await openAppDb();
  const project = await createProject(db, "Ladder");
  return createRun(db, { projectId: project.id, datasetId: "d", settings: s });
}

const untimed = ({ fit_seconds: _, ...rest }: LeaderboardEntry) => rest;

function inProcess(frame: Frame): FoldRunner {
  return (job, signal) => runFoldJob(frame, job, { signal });
}

afterEach(() => vi.restoreAllMocks());

describe("runStoredLadder", () => {
  it("checkpoints every model with its pipeline and evaluation before announcing it", async () => {
    const frame = await iris();
    const run = await newRun();
    const heard: string[] = [];
    const storedWhenHeard: number[] = [];
    const out = await runStoredLadder(frame, run.id, settings, {
      skip: [],
      runFold: inProcess(frame),
      controller: new AbortController(),
      onProgress: () => {},
      onEntry: (e) => {
        heard.push(e.model);
        void openAppDb()
          .then((db) => getRun(db, run.id))
          .then((r) => storedWhenHeard.push(r.entries.length));
      },
    });
    expect(heard).toEqual(["baseline", "knn", "decision_tree", "ensemble"]);
    // Each model was in storage by the time it was announced.
    expect(storedWhenHeard.every((n, i) => n >= i + 1)).toBe(true);
    expect(out.entries.map((e) => e.model)).toEqual(heard);
    expect(out.best).toBe("knn");
    const db = await openAppDb();
    const stored = await getRun(db, run.id);
    expect(stored.entries.map(untimed)).toEqual(out.entries.map(untimed));
    expect(stored.best).toBe("knn");
    const models = await listModels(db, { runId: run.id });
    expect(models.map((m) => m.modelId)).toEqual(["baseline", "knn", "decision_tree", "ensemble"]);
    for (const m of models) {
      expect(m.artifact?.type).toBe("automl-pipeline");
      expect(m.evaluation?.oof.rows).toBe(120);
      expect(m.evaluation?.test?.rows).toBe(30);
      expect(m.predictions?.oof.rows.length).toBe(120);
    }
    // The ensemble's file holds its members' refitted pipelines, weighted.
    const ensemble = models.find((m) => m.modelId === "ensemble")!;
    expect(ensemble.artifact?.model_id).toBe("ensemble");
    const weights = stored.entries.find((e) => e.model === "ensemble")!.params.weights as Record<
      string,
      number
    >;
    const members = (ensemble.artifact as { members: { model_id: string; weight: number }[] }).members;
    expect(Object.fromEntries(members.map((m) => [m.model_id, m.weight]))).toEqual(weights);
    expect(ensemble.insights).toEqual({ featureImportances: null, tree: null });
    const tree = models.find((m) => m.modelId === "decision_tree")!;
    expect(tree.insights?.tree?.samples).toBe(120);
    expect(tree.insights?.featureImportances?.length).toBe(4);
    expect(models.find((m) => m.modelId === "knn")?.insights?.tree).toBeNull();
    expect(stored.entries.find((e) => e.model === "knn")?.criterion_met).toBe(true);
  });

  it("keeps the models finished before a cancel, and a resume gives the same leaderboard as one run", async () => {
    const frame = await iris();
    const full = await runStoredLadder(frame, (await newRun()).id, settings, {
      skip: [],
      runFold: inProcess(frame),
      controller: new AbortController(),
      onProgress: () => {},
      onEntry: () => {},
    });
    const run = await newRun();
    const controller = new AbortController();
    // The person cancels as the third model starts.
    const cancelling: FoldRunner = (job, signal) => {
      if (job.model === "decision_tree") controller.abort();
      return runFoldJob(frame, job, { signal });
    };
    const cancelled = runStoredLadder(frame, run.id, settings, {
      skip: [],
      runFold: cancelling,
      controller,
      onProgress: () => {},
      onEntry: () => {},
    });
    await expect(cancelled).rejects.toMatchObject({ name: "AbortError" });
    const db = await openAppDb();
    const kept = await getRun(db, run.id);
    expect(kept.entries.map((e) => e.model)).toEqual(["baseline", "knn"]);
    const resumed = await runStoredLadder(frame, run.id, settings, {
      skip: kept.entries,
      // As the coordinator does: the finished models' stored predictions, for the ensemble.
      skipPredictions: await storedPredictions(run.id, kept.entries),
      runFold: inProcess(frame),
      controller: new AbortController(),
      onProgress: () => {},
      onEntry: () => {},
    });
    expect(resumed.entries.map(untimed)).toEqual(full.entries.map(untimed));
    expect((await getRun(db, run.id)).entries.map((e) => e.model)).toEqual([
      "baseline",
      "knn",
      "decision_tree",
      "ensemble",
    ]);
  });

  it("keeps the best model's pipeline when there is no test part to refit for", async () => {
    const frame = await iris();
    const s = { ...settings, testSize: 0, models: ["baseline", "decision_tree"] };
    const run = await newRun(s);
    const out = await runStoredLadder(frame, run.id, s, {
      skip: [],
      runFold: inProcess(frame),
      controller: new AbortController(),
      onProgress: () => {},
      onEntry: () => {},
    });
    expect(out.best).toBe("decision_tree");
    const models = await listModels(await openAppDb(), { runId: run.id });
    const byId = Object.fromEntries(models.map((m) => [m.modelId, m]));
    expect(byId.baseline.artifact).toBeNull();
    expect(byId.decision_tree.artifact?.model_id).toBe("decision_tree");
    expect(byId.decision_tree.insights?.tree?.samples).toBe(150);
    expect(byId.decision_tree.evaluation?.test).toBeNull();
  });

  it("stops with StorageFullError when a checkpoint does not fit", async () => {
    const frame = await iris();
    const run = await newRun();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === "models")
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    });
    const heard: string[] = [];
    const err = await runStoredLadder(frame, run.id, settings, {
      skip: [],
      runFold: inProcess(frame),
      controller: new AbortController(),
      onProgress: () => {},
      onEntry: (e) => heard.push(e.model),
    }).catch((e: Error) => e);
    vi.restoreAllMocks();
    expect((err as Error).name).toBe("StorageFullError");
    expect(heard).toEqual([]);
    expect((await getRun(await openAppDb(), run.id)).entries).toEqual([]);
  });
});

describe("coordinator helpers", () => {
  it("passes the Prepare split with the run's test share, and a parsed criterion", () => {
    const o = ladderOptions({ ...settings, split: { type: "holdout", testFraction: 0.3, stratify: null } });
    expect(o.split).toEqual({ type: "holdout", testFraction: 0.2, stratify: null });
    expect(o.criterion).toEqual({ metric: "accuracy", op: ">=", value: 0.9 });
    expect(ladderOptions({ ...settings, criterion: "nonsense" }).criterion).toBeNull();
  });

  it("words a fold's progress with its model, fold and epoch", () => {
    const job = { model: "mlp", fold: 1, folds: 5 } as Parameters<typeof jobProgress>[0];
    expect(jobProgress(job, { phase: "epoch", done: 14, total: 200 }).message).toBe(
      "mlp · fold 2 of 5 · epoch 14 of 200",
    );
    expect(jobProgress({ ...job, fold: -1 }, { phase: "fit", done: 3, total: 10 }).message).toBe(
      "mlp · refit · step 3 of 10",
    );
  });
});
