import { openDB } from "idb";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PipelineArtifact } from "../../../src/core/automl/artifact/pipelineArtifact.ts";
import type { LeaderboardEntry } from "../../../src/core/automl/ladder/leaderboard.ts";
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
  modelRecordId,
  reopenRun,
} from "../../../src/persist/runs.ts";
import type { RunSettings } from "../../../src/persist/types.ts";
import { freshDb, rejection } from "./fixtures.ts";

const settings: RunSettings = {
  target: "species",
  task: "multiclass",
  metric: "accuracy",
  models: ["baseline", "logistic", "knn"],
  folds: 3,
  testSize: 0.2,
  seed: 0,
  criterion: "accuracy >= 0.9",
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
    expect((await rejection(bad({ folds: 1 }))).message).toBe("invalid folds: 1");
    expect((await rejection(bad({ testSize: 1 }))).message).toBe("invalid test size: 1");
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
        db.createObjectStore("projects", { keyPath: "id" });
        db.createObjectStore("datasets", { keyPath: "id" }).createIndex("projectId", "projectId");
        db.createObjectStore("columns", { keyPath: ["datasetId", "index"] }).createIndex(
          "datasetId",
          "datasetId",
        );
      },
    });
    await v1.put("projects", { id: "p1", name: "Old", createdAt: 1, updatedAt: 1 });
    v1.close();
    const db = await openAppDb(name);
    expect(db.version).toBe(2);
    expect((await db.get("projects", "p1"))?.name).toBe("Old");
    const run = await createRun(db, { projectId: "p1", datasetId: "d", settings });
    expect((await listRuns(db, "p1")).map((r) => r.id)).toEqual([run.id]);
  });
});
