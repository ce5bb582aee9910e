import { type IDBPDatabase, openDB } from "idb";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PipelineArtifact } from "../../../src/core/automl/artifact/pipelineArtifact.ts";
import type { LeaderboardEntry } from "../../../src/core/automl/ladder/leaderboard.ts";
import { makeRunService } from "../../../src/core/automl/run/runService.ts";
import { openAppDb } from "../../../src/persist/db.ts";
import { getModel, listModels } from "../../../src/persist/models.ts";
import { createProject, deleteProject } from "../../../src/persist/projects.ts";
import {
  checkpointEntry,
  createRun,
  deleteRun,
  finishRun,
  getRun,
  interruptRun,
  listRuns,
  makeIdbRunStore,
  modelRecordId,
  reopenRun,
  storedPredictions,
} from "../../../src/persist/runs.ts";
import { DB_VERSION } from "../../../src/persist/schema.ts";
import type { RunSettings } from "../../../src/persist/types.ts";
import { fixtureFrame } from "../core/automl/ladder/helpers.ts";
import { freshDb, rejection } from "./fixtures.ts";

const settings: RunSettings = {
  target: "species",
  task: "multiclass",
  metric: "accuracy",
  models: ["baseline", "logistic", "knn"],
  split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 3, seed: 0 },
  criterion: "accuracy >= 0.9",
  ensemble: true,
};

function entry(model: string, cv: number, extra: Partial<LeaderboardEntry> = {}): LeaderboardEntry {
  return {
    model: model as LeaderboardEntry["model"],
    label: model.toUpperCase(),
    metric: "accuracy",
    cv_mean: cv,
    cv_std: 0.01,
    fold_scores: [cv, cv, cv],
    train_mean: cv + 0.02,
    metrics: { accuracy: cv },
    test_metrics: { accuracy: cv - 0.01 },
    fit_seconds: 0.5,
    backend: null,
    params: {},
    criterion_met: cv >= 0.9,
    ...extra,
  };
}

const artifact = { type: "automl-pipeline", version: 1, model_id: "knn" } as unknown as PipelineArtifact;

/** The stores of a version 1 database (projects, datasets and their columns), for the upgrade tests. */
function createV1Stores(db: IDBPDatabase) {
  db.createObjectStore("projects", { keyPath: "id" });
  db.createObjectStore("datasets", { keyPath: "id" }).createIndex("projectId", "projectId");
  db.createObjectStore("columns", { keyPath: ["datasetId", "index"] }).createIndex("datasetId", "datasetId");
}

async function setup() {
  const db = await freshDb();
  const project = await createProject(db, "Runs");
  const run = await createRun(db, { projectId: project.id, datasetId: "d1", settings });
  return { db, project, run };
}

afterEach(() => vi.restoreAllMocks());

describe("runs", () => {
  it("creates a running run with the settings and no entries", async () => {
    const { db, project, run } = await setup();
    expect(run).toMatchObject({
      projectId: project.id,
      datasetId: "d1",
      status: "running",
      entries: [],
      best: null,
    });
    expect(run.settings).toEqual(settings);
    expect(run.settings).not.toBe(settings);
    expect(await getRun(db, run.id)).toEqual(run);
  });

  it("rejects bad settings and a missing project", async () => {
    const db = await freshDb();
    const p = await createProject(db, "P");
    const bad = (s: Partial<RunSettings>) =>
      createRun(db, { projectId: p.id, datasetId: "d", settings: { ...settings, ...s } });
    const split = (change: Partial<RunSettings["split"]>) =>
      bad({ split: { ...settings.split, ...change } as RunSettings["split"] });
    // The one validation of run settings (runSettings.ts), with its messages.
    expect((await rejection(split({ folds: 1 }))).message).toBe(
      "Folds must be a whole number from 2 to 20 (got 1).",
    );
    expect((await rejection(split({ testFraction: 1 }))).message).toBe(
      "The test share must be a number from 0 to 0.5 (got 1).",
    );
    expect((await rejection(bad({ models: [] }))).name).toBe("ValidationError");
    const missing = createRun(db, { projectId: "nope", datasetId: "d", settings });
    expect((await rejection(missing)).name).toBe("NotFoundError");
    expect(await db.count("runs")).toBe(0);
  });

  it("lists a project's runs newest first", async () => {
    const { db, project, run } = await setup();
    const second = await createRun(db, { projectId: project.id, datasetId: "d1", settings });
    const other = await createProject(db, "Other");
    await createRun(db, { projectId: other.id, datasetId: "d2", settings });
    expect((await listRuns(db, project.id)).map((r) => r.id)).toEqual([second.id, run.id]);
  });

  it("checkpoints entries with their model in one step, replacing a model's earlier entry", async () => {
    const { db, project, run } = await setup();
    await checkpointEntry(db, run.id, entry("baseline", 0.33));
    let stored = await checkpointEntry(db, run.id, entry("knn", 0.95), { artifact });
    expect(stored.entries.map((e) => e.model)).toEqual(["baseline", "knn"]);
    expect(stored.best).toBe("knn");
    stored = await checkpointEntry(db, run.id, entry("baseline", 0.97));
    expect(stored.entries.map((e) => [e.model, e.cv_mean])).toEqual([
      ["baseline", 0.97],
      ["knn", 0.95],
    ]);
    expect(stored.best).toBe("baseline");
    expect(await getRun(db, run.id)).toEqual(stored);

    const knn = await getModel(db, modelRecordId(run.id, "knn"));
    expect(knn).toMatchObject({
      runId: run.id,
      projectId: project.id,
      modelId: "knn",
      label: "KNN",
      artifact,
    });
    expect(knn.metrics).toEqual({
      cv: { accuracy: 0.95 },
      test: { accuracy: 0.94 },
      cv_mean: 0.95,
      cv_std: 0.01,
    });
    expect((await listModels(db, { runId: run.id })).map((m) => m.modelId)).toEqual(["baseline", "knn"]);
    expect(await listModels(db, { projectId: project.id })).toHaveLength(2);
    // A checkpoint without parts keeps the earlier artifact.
    await checkpointEntry(db, run.id, entry("knn", 0.96));
    expect((await getModel(db, modelRecordId(run.id, "knn"))).artifact).toEqual(artifact);
  });

  it("keeps NaN scores of a failed model and ranks it last", async () => {
    const { db, run } = await setup();
    await checkpointEntry(db, run.id, entry("logistic", Number.NaN, { error: "boom" }));
    await checkpointEntry(db, run.id, entry("baseline", 0.3));
    const stored = await getRun(db, run.id);
    expect(stored.entries[0].cv_mean).toBeNaN();
    expect(stored.entries[0].error).toBe("boom");
    expect(stored.best).toBe("baseline");
  });

  it("finishes, interrupts only running runs, and records a failure's reason", async () => {
    const { db, run } = await setup();
    await checkpointEntry(db, run.id, entry("baseline", 0.3));
    expect((await interruptRun(db, run.id)).status).toBe("interrupted");
    const cancelled = await finishRun(db, run.id, "cancelled");
    expect(cancelled).toMatchObject({ status: "cancelled", best: "baseline" });
    expect(cancelled.entries).toHaveLength(1);
    expect((await interruptRun(db, run.id)).status).toBe("cancelled");
    await reopenRun(db, run.id);
    // A run whose coordinator was terminated mid-cancel is recorded as cancelled.
    expect((await interruptRun(db, run.id, "cancelled")).status).toBe("cancelled");
    const failed = await finishRun(db, run.id, "failed", { error: "no memory" });
    expect(failed.error).toBe("no memory");
    const reopened = await reopenRun(db, run.id);
    expect(reopened).toMatchObject({ status: "running", best: "baseline" });
    expect(reopened.error).toBeUndefined();
    expect(reopened.entries).toHaveLength(1);
    expect((await finishRun(db, run.id, "done")).status).toBe("done");
    expect((await rejection(finishRun(db, "nope", "done"))).name).toBe("NotFoundError");
    expect((await rejection(checkpointEntry(db, "nope", entry("knn", 1)))).name).toBe("NotFoundError");
  });

  it("deletes a run with its models, and a project with its runs and models", async () => {
    const { db, project, run } = await setup();
    await checkpointEntry(db, run.id, entry("knn", 0.9), { artifact });
    const other = await createRun(db, { projectId: project.id, datasetId: "d1", settings });
    await checkpointEntry(db, other.id, entry("knn", 0.9), { artifact });
    await deleteRun(db, run.id);
    expect(await db.count("runs")).toBe(1);
    expect((await listModels(db, { projectId: project.id })).map((m) => m.runId)).toEqual([other.id]);
    expect((await rejection(deleteRun(db, run.id))).name).toBe("NotFoundError");
    await deleteProject(db, project.id);
    expect(await db.count("runs")).toBe(0);
    expect(await db.count("models")).toBe(0);
  });

  it("turns a quota failure into StorageFullError and keeps nothing of that checkpoint", async () => {
    const { db, run } = await setup();
    await checkpointEntry(db, run.id, entry("baseline", 0.3));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === "models")
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    });
    const err = await rejection(checkpointEntry(db, run.id, entry("knn", 0.9), { artifact }));
    vi.restoreAllMocks();
    expect(err.name).toBe("StorageFullError");
    expect(err.message).toMatch(/^Not enough storage space to keep this model/);
    expect((await getRun(db, run.id)).entries.map((e) => e.model)).toEqual(["baseline"]);
    expect(await db.count("models")).toBe(1);
  });

  it("upgrades a version 1 database, keeping its projects", async () => {
    const name = `runs-upgrade-${crypto.randomUUID()}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        createV1Stores(db);
      },
    });
    await v1.put("projects", { id: "p1", name: "Old", createdAt: 1, updatedAt: 1 });
    v1.close();
    const db = await openAppDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await db.get("projects", "p1"))?.name).toBe("Old");
    const run = await createRun(db, { projectId: "p1", datasetId: "d", settings });
    expect((await listRuns(db, "p1")).map((r) => r.id)).toEqual([run.id]);
  });

  it("upgrades a version 2 database's runs: the split holds test share, folds and seed; weights are typed", async () => {
    const name = `runs-upgrade-v2-${crypto.randomUUID()}`;
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        createV1Stores(db);
        db.createObjectStore("runs", { keyPath: "id" }).createIndex("projectId", "projectId");
        const models = db.createObjectStore("models", { keyPath: "id" });
        models.createIndex("runId", "runId");
        models.createIndex("projectId", "projectId");
      },
    });
    const old = {
      id: "r1",
      projectId: "p1",
      datasetId: "d",
      status: "done",
      best: "ensemble",
      createdAt: 1,
      updatedAt: 1,
      settings: {
        target: "species",
        task: "multiclass",
        metric: null,
        models: ["knn", "gbdt"],
        folds: 4,
        testSize: 0.3,
        seed: 7,
        criterion: null,
        split: { type: "holdout", testFraction: 0.4, stratify: null, seed: 0 },
      },
      entries: [
        entry("knn", 0.9),
        entry("ensemble", 0.95, { params: { weights: { knn: 0.25, gbdt: 0.75, mlp: 0 }, candidates: 3 } }),
      ],
    };
    await v2.put("runs", old as never);
    await v2.put("runs", {
      ...old,
      id: "r2",
      settings: { ...old.settings, split: undefined, ensemble: false },
    } as never);
    v2.close();
    const db = await openAppDb(name);
    expect(db.version).toBe(DB_VERSION);
    const r1 = await getRun(db, "r1");
    // The ladder read the run's test share, folds and seed, not the split's own: the numbers stay.
    expect(r1.settings).toEqual({
      target: "species",
      task: "multiclass",
      metric: null,
      models: ["knn", "gbdt"],
      criterion: null,
      ensemble: true,
      split: { type: "holdout", testFraction: 0.3, stratify: null, seed: 7, folds: 4 },
    });
    expect(r1.entries[0]).toEqual(entry("knn", 0.9));
    expect(r1.entries[1].params).toEqual({});
    expect(r1.entries[1].ensemble).toEqual({
      members: ["knn", "gbdt"],
      weights: [0.25, 0.75],
      candidates: 3,
    });
    const r2 = await getRun(db, "r2");
    expect(r2.settings.split).toEqual({
      type: "holdout",
      stratify: null,
      testFraction: 0.3,
      folds: 4,
      seed: 7,
    });
    expect(r2.settings.ensemble).toBe(false);
  });
});

describe("the run service's IndexedDB store", () => {
  it("trains a run end to end: stored as it goes, with each model's parts", async () => {
    const db = await freshDb();
    const project = await createProject(db, "Service");
    const frame = await fixtureFrame("iris.csv");
    const service = makeRunService({ store: makeIdbRunStore(async () => db), open: async () => ({ frame }) });
    const s = {
      ...settings,
      target: "target",
      // Two models besides the baseline, so that an ensemble is made (it never blends the baseline).
      models: ["baseline", "naive_bayes", "decision_tree"],
      metric: null,
      task: null,
    };
    const out = await service.start({ projectId: project.id, datasetId: "d", settings: s });
    expect(out.run.status).toBe("done");
    expect(await getRun(db, out.run.id)).toEqual(out.run);
    const models = await listModels(db, { runId: out.run.id });
    expect(models.map((m) => m.modelId)).toEqual(["baseline", "naive_bayes", "decision_tree", "ensemble"]);
    for (const m of models) expect(m.evaluation?.oof.rows).toBe(120);
    // The tree's shape and importances are kept for the evaluation's charts.
    const tree = models.find((m) => m.modelId === "decision_tree")!;
    expect(tree.insights?.tree?.samples).toBe(120);
    expect(tree.insights?.featureImportances?.length).toBe(4);
    expect(Object.keys(await storedPredictions(db, out.run.id, ["decision_tree", "nope"]))).toEqual([
      "decision_tree",
    ]);
  });

  it("ends a run whose checkpoint does not fit as failed, keeping nothing of that model", async () => {
    const db = await freshDb();
    const project = await createProject(db, "Full");
    const frame = await fixtureFrame("iris.csv");
    const service = makeRunService({ store: makeIdbRunStore(async () => db), open: async () => ({ frame }) });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === "models")
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    });
    const heard: string[] = [];
    const s = { ...settings, target: "target", models: ["baseline", "knn"], metric: null, task: null };
    const out = await service.start(
      { projectId: project.id, datasetId: "d", settings: s },
      { onEntry: (e) => heard.push(e.model) },
    );
    vi.restoreAllMocks();
    expect((out.error as Error).name).toBe("StorageFullError");
    expect(out.run.status).toBe("failed");
    expect(out.run.error).toMatch(/Not enough storage space/);
    expect(heard).toEqual([]);
    expect((await getRun(db, out.run.id)).entries).toEqual([]);
  });
});
