import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from "idb";
import { upgradeRunRecord } from "./legacyRuns.ts";
import type { MonitorBatchRecord, MonitorRowsRecord } from "./monitorBatches.ts";
import type { MonitorDecision } from "./monitorDecisions.ts";
import type {
  ColumnRecord,
  DatasetMeta,
  ModelRecord,
  ModelVersion,
  ProjectRecord,
  RegistryRecord,
  RunRecord,
  VersionFileRecord,
} from "./types.ts";

/** The typed shape of the app's IndexedDB database. Version 2 added runs and models, version 3 typed their settings and ensemble entries, version 4 added the model registry, version 5 monitoring. */
export interface AppSchema extends DBSchema {
  projects: { key: string; value: ProjectRecord };
  datasets: { key: string; value: DatasetMeta; indexes: { projectId: string } };
  columns: { key: [string, number]; value: ColumnRecord; indexes: { datasetId: string } };
  runs: { key: string; value: RunRecord; indexes: { projectId: string } };
  models: { key: string; value: ModelRecord; indexes: { runId: string; projectId: string } };
  /** Registered model versions (small records); version 4. */
  versions: { key: string; value: ModelVersion; indexes: { projectId: string } };
  /** The model file of each version, by version id; version 4. */
  versionFiles: { key: string; value: VersionFileRecord; indexes: { projectId: string } };
  /** Per project: champion / challenger aliases, their history and the next version number; version 4. */
  registry: { key: string; value: RegistryRecord };
  /** Monitored batches per model version: reports and sketches, no rows; version 5. */
  monitorBatches: {
    key: string;
    value: MonitorBatchRecord;
    indexes: { versionId: string; projectId: string };
  };
  /** Rows of a batch kept for retraining, by batch id; version 5. */
  monitorRows: { key: string; value: MonitorRowsRecord; indexes: { projectId: string } };
  /** Retrain / compare / promote decisions with their evidence, per project; version 5. */
  monitorDecisions: { key: string; value: MonitorDecision; indexes: { projectId: string } };
}

type UpgradeDb = IDBPDatabase<AppSchema>;
type UpgradeTx = IDBPTransaction<AppSchema, StoreNames<AppSchema>[], "versionchange">;

/**
 * One step per version: `MIGRATIONS[v]` takes the database from version v to v + 1.
 * A list rather than a fall-through switch (which the compiler's noFallthroughCasesInSwitch
 * forbids) so an old database replays every step it missed, in order. Never edit a shipped step;
 * append a new one.
 */
const MIGRATIONS: ((db: UpgradeDb, tx: UpgradeTx) => void)[] = [
  // 0 -> 1: projects, datasets (metadata), columns (one record per column buffer).
  (db) => {
    db.createObjectStore("projects", { keyPath: "id" });
    const datasets = db.createObjectStore("datasets", { keyPath: "id" });
    datasets.createIndex("projectId", "projectId");
    const columns = db.createObjectStore("columns", { keyPath: ["datasetId", "index"] });
    columns.createIndex("datasetId", "datasetId");
  },
  // 1 -> 2: training runs (settings, status, leaderboard) and their finished models.
  (db) => {
    const runs = db.createObjectStore("runs", { keyPath: "id" });
    runs.createIndex("projectId", "projectId");
    const models = db.createObjectStore("models", { keyPath: "id" });
    models.createIndex("runId", "runId");
    models.createIndex("projectId", "projectId");
  },
  // 2 -> 3: runs' settings hold the whole split (test share, folds, seed); the ensemble's blend
  // moves from `params.weights` to a typed `ensemble` field (see legacyRuns.ts).
  (_db, tx) => {
    void (async () => {
      let cursor = await tx.objectStore("runs").openCursor();
      while (cursor) {
        await cursor.update(upgradeRunRecord(cursor.value as unknown as Record<string, unknown>));
        cursor = await cursor.continue();
      }
    })();
  },
  // 3 -> 4: the model registry: versions (metadata), their files apart, and aliases per project.
  (db) => {
    db.createObjectStore("versions", { keyPath: "id" }).createIndex("projectId", "projectId");
    db.createObjectStore("versionFiles", { keyPath: "versionId" }).createIndex("projectId", "projectId");
    db.createObjectStore("registry", { keyPath: "projectId" });
  },
  // 4 -> 5: monitoring: batches per version (sketches and results), their kept rows apart, and
  // the decisions taken on them.
  (db) => {
    const batches = db.createObjectStore("monitorBatches", { keyPath: "id" });
    batches.createIndex("versionId", "versionId");
    batches.createIndex("projectId", "projectId");
    db.createObjectStore("monitorRows", { keyPath: "batchId" }).createIndex("projectId", "projectId");
    db.createObjectStore("monitorDecisions", { keyPath: "id" }).createIndex("projectId", "projectId");
  },
];

/** Current schema version: the number of migrations. */
export const DB_VERSION = MIGRATIONS.length;

/** Default database name. */
export const DB_NAME = "automl-playground";

/** `upgrade` callback for `openDB`: runs every migration from `oldVersion` up to `DB_VERSION`. */
export function upgradeAppDb(
  db: UpgradeDb,
  oldVersion: number,
  _newVersion: number | null,
  tx: UpgradeTx,
): void {
  for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v](db, tx);
}

/** Every column record of one dataset: keys are [datasetId, index]. */
export function columnRange(datasetId: string): IDBKeyRange {
  return IDBKeyRange.bound([datasetId, -Infinity], [datasetId, Infinity]);
}
