import type { IDBPObjectStore, IDBPTransaction, StoreNames } from "idb";
import type { ModelPredictions } from "../core/automl/evaluation/modelPredictions.ts";
import type { LeaderboardEntry } from "../core/automl/ladder/leaderboard.ts";
import {
  checkpointed,
  finished,
  interrupted,
  mergedParts,
  newRunRecord,
  reopened,
} from "../core/automl/run/runRecord.ts";
import type { ModelParts, NewRun, RunStore } from "../core/automl/run/runStore.ts";
import { NotFoundError } from "../core/errors.ts";
import { now } from "./clock.ts";
import type { AppDb } from "./db.ts";
import type { AppSchema } from "./schema.ts";
import type { ModelRecord, RunRecord, RunStatus } from "./types.ts";
import { commit, type Write } from "./write.ts";

export type { ModelParts, NewRun };

type RunTx = IDBPTransaction<AppSchema, ["runs", "models"], "readwrite">;

const MODEL_QUOTA =
  "Not enough storage space to keep this model. The models finished before it are kept; delete a project or an old run and resume.";

function missingRun(): NotFoundError {
  return new NotFoundError("This run no longer exists; it may have been deleted in another tab.");
}

/** The id of a run's model record: one per model family per run, so a rerun of it replaces it. */
export function modelRecordId(runId: string, modelId: string): string {
  return `${runId}:${modelId}`;
}

/**
 * Starts a run record ("running", no entries) with its settings validated (ValidationError).
 * NotFoundError when the project is gone.
 */
export async function createRun(db: AppDb, input: NewRun): Promise<RunRecord> {
  const run = newRunRecord(input, crypto.randomUUID(), now());
  const tx = db.transaction(["projects", "runs"], "readwrite");
  await commit(tx, async (write) => {
    if (!(await tx.objectStore("projects").getKey(run.projectId))) {
      throw new NotFoundError("This project no longer exists; it may have been deleted in another tab.");
    }
    write(tx.objectStore("runs").add(run));
  });
  return run;
}

/** One run; NotFoundError when it does not exist. */
export async function getRun(db: AppDb, id: string): Promise<RunRecord> {
  const run = await db.get("runs", id);
  if (!run) throw missingRun();
  return run;
}

/** A project's runs, newest first. */
export async function listRuns(db: AppDb, projectId: string): Promise<RunRecord[]> {
  const all = await db.getAllFromIndex("runs", "projectId", projectId);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

type RunsStore = IDBPObjectStore<AppSchema, ArrayLike<StoreNames<AppSchema>>, "runs", "readwrite">;

/** Read-modify-write of one run in the transaction of `runs`. */
async function changeRun(
  runs: RunsStore,
  write: Write,
  id: string,
  change: (run: RunRecord) => RunRecord,
): Promise<RunRecord> {
  const run = await runs.get(id);
  if (!run) throw missingRun();
  const next = change(run);
  write(runs.put(next));
  return next;
}

/**
 * Keeps one finished model, all or nothing in one transaction: its entry replaces the run's entry
 * of the same model (or is appended), and its pipeline, scores and evaluation go to the models
 * store. A tab closed right after still has every model checkpointed before it. Returns the run.
 */
export async function checkpointEntry(
  db: AppDb,
  runId: string,
  entry: LeaderboardEntry,
  parts?: Partial<ModelParts>,
): Promise<RunRecord> {
  const tx: RunTx = db.transaction(["runs", "models"], "readwrite");
  return commit(
    tx,
    async (write) => {
      const run = await changeRun(tx.objectStore("runs"), write, runId, (r) => checkpointed(r, entry, now()));
      const models = tx.objectStore("models");
      const id = modelRecordId(runId, entry.model);
      const old = await models.get(id);
      const record: ModelRecord = {
        id,
        runId,
        projectId: run.projectId,
        modelId: entry.model,
        label: entry.label,
        ...mergedParts(parts ?? {}, old),
        metrics: {
          cv: entry.metrics,
          test: entry.test_metrics,
          cv_mean: entry.cv_mean,
          cv_std: entry.cv_std,
        },
        createdAt: old?.createdAt ?? now(),
      };
      write(models.put(record));
      return run;
    },
    async () => MODEL_QUOTA,
  );
}

/** Sets a run's final (or paused) status; `error` says why a run failed. */
export async function finishRun(
  db: AppDb,
  runId: string,
  status: RunStatus,
  opts: { error?: string } = {},
): Promise<RunRecord> {
  const tx = db.transaction(["runs"], "readwrite");
  return commit(tx, (write) =>
    changeRun(tx.objectStore("runs"), write, runId, (r) => finished(r, status, now(), opts.error)),
  );
}

/** Sets a stopped run "running" again, for a resume; its finished entries stay. */
export async function reopenRun(db: AppDb, runId: string): Promise<RunRecord> {
  const tx = db.transaction(["runs"], "readwrite");
  return commit(tx, (write) => changeRun(tx.objectStore("runs"), write, runId, (r) => reopened(r, now())));
}

/**
 * Marks a run "interrupted" (or `status`) when it is still "running" (its tab closed mid-run, its
 * worker was stopped); any other status is left alone, so a run that finished meanwhile is not
 * touched. Returns the run as stored.
 */
export async function interruptRun(
  db: AppDb,
  runId: string,
  status: "interrupted" | "cancelled" = "interrupted",
): Promise<RunRecord> {
  const tx = db.transaction(["runs"], "readwrite");
  return commit(tx, (write) =>
    changeRun(tx.objectStore("runs"), write, runId, (r) => interrupted(r, status, now())),
  );
}

/** The stored predictions of a run's finished models (those kept with them), by model id. */
export async function storedPredictions(
  db: AppDb,
  runId: string,
  models: readonly string[],
): Promise<Partial<Record<string, ModelPredictions>>> {
  const out: Partial<Record<string, ModelPredictions>> = {};
  for (const m of models) {
    const record = await db.get("models", modelRecordId(runId, m));
    if (record?.predictions) out[m] = record.predictions;
  }
  return out;
}

/** The run service's store over IndexedDB; `db` is opened on first use. */
export function makeIdbRunStore(db: () => Promise<AppDb>): RunStore {
  return {
    create: async (input) => createRun(await db(), input),
    get: async (id) => getRun(await db(), id),
    checkpoint: async (id, entry, parts) => checkpointEntry(await db(), id, entry, parts),
    finish: async (id, status, opts) => finishRun(await db(), id, status, opts),
    reopen: async (id) => reopenRun(await db(), id),
    interrupt: async (id, status) => interruptRun(await db(), id, status),
    predictions: async (id, models) => storedPredictions(await db(), id, models),
  };
}

/** Deletes a run and its models in one transaction. */
export async function deleteRun(db: AppDb, runId: string): Promise<void> {
  const tx: RunTx = db.transaction(["runs", "models"], "readwrite");
  await commit(tx, async (write) => {
    if (!(await tx.objectStore("runs").getKey(runId))) throw missingRun();
    const models = tx.objectStore("models");
    for (const key of await models.index("runId").getAllKeys(runId)) write(models.delete(key));
    write(tx.objectStore("runs").delete(runId));
  });
}
