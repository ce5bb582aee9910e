import type { IDBPTransaction } from "idb";
import type { CsvReport } from "../core/data/csvTypes.ts";
import type { Column, Frame } from "../core/data/frame.ts";
import { NotFoundError, ValidationError } from "../core/errors.ts";
import { now } from "./clock.ts";
import { columnMeta, dataLength, storedBytesOf, toColumn, toStoredData } from "./columnCodec.ts";
import type { AppDb } from "./db.ts";
import { type AppSchema, columnRange } from "./schema.ts";
import type { DatasetMeta } from "./types.ts";
import { commit, datasetQuotaMessage, type Write } from "./write.ts";

/** What `saveDataset` needs: a parsed table and where it came from. */
export interface SaveDatasetInput {
  projectId: string;
  name: string;
  source: DatasetMeta["source"];
  frame: Frame;
  report: CsvReport;
}

function datasetName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ValidationError("A dataset needs a name.");
  return trimmed;
}

function missingDataset(): NotFoundError {
  return new NotFoundError("This dataset no longer exists; it may have been deleted in another tab.");
}

function missingColumn(index: number, meta: DatasetMeta): NotFoundError {
  return new NotFoundError(`Dataset "${meta.name}" has no column ${index} (it has ${meta.columns.length}).`);
}

function checkLength(col: Column, rows: number): void {
  const n = dataLength(col.data);
  if (n !== rows)
    throw new ValidationError(`Column "${col.name}" has ${n} values but the table has ${rows} rows.`);
}

type WriteTx = IDBPTransaction<AppSchema, ["projects", "datasets", "columns"], "readwrite">;

function writeTx(db: AppDb): WriteTx {
  return db.transaction(["projects", "datasets", "columns"], "readwrite");
}

/** Marks the owning project updated, in the same transaction, so it lists first. */
async function touchOwner(tx: WriteTx, write: Write, projectId: string): Promise<void> {
  const projects = tx.objectStore("projects");
  const project = await projects.get(projectId);
  if (project) write(projects.put({ ...project, updatedAt: now() }));
}

/**
 * Stores a parsed table under a project: metadata and one record per column, all in one
 * transaction, so a failure (StorageFullError when the quota runs out) leaves nothing behind.
 * NotFoundError when the project does not exist; ValidationError for an empty name or a column
 * whose length is not `frame.rows`.
 */
export async function saveDataset(db: AppDb, input: SaveDatasetInput): Promise<DatasetMeta> {
  const { frame } = input;
  for (const col of frame.columns) checkLength(col, frame.rows);
  const meta: DatasetMeta = {
    id: crypto.randomUUID(),
    projectId: input.projectId,
    name: datasetName(input.name),
    source: input.source,
    createdAt: now(),
    rows: frame.rows,
    columns: frame.columns.map((c) => columnMeta(c)),
    report: input.report,
    storedBytes: frame.columns.reduce((sum, c) => sum + storedBytesOf(c.data), 0),
  };
  const tx = writeTx(db);
  await commit(
    tx,
    async (write) => {
      if (!(await tx.objectStore("projects").getKey(meta.projectId))) {
        throw new NotFoundError("This project no longer exists; it may have been deleted in another tab.");
      }
      write(tx.objectStore("datasets").add(meta));
      const columns = tx.objectStore("columns");
      frame.columns.forEach((c, index) => {
        write(columns.put({ datasetId: meta.id, index, data: toStoredData(c.data) }));
      });
      await touchOwner(tx, write, meta.projectId);
    },
    () => datasetQuotaMessage(meta.storedBytes),
  );
  return meta;
}

/** A project's datasets, oldest first. */
export async function listDatasets(db: AppDb, projectId: string): Promise<DatasetMeta[]> {
  const all = await db.getAllFromIndex("datasets", "projectId", projectId);
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

/** One dataset's metadata; NotFoundError when it does not exist. */
export async function getDataset(db: AppDb, id: string): Promise<DatasetMeta> {
  const meta = await db.get("datasets", id);
  if (!meta) throw missingDataset();
  return meta;
}

/** One column, rebuilt from the dataset's metadata and its stored buffer. */
export async function loadColumn(db: AppDb, datasetId: string, index: number): Promise<Column> {
  const frame = await loadFrame(db, datasetId, [index]);
  return frame.columns[0];
}

/** A stored table, or only the columns at `columns` (in that order), read in one transaction. */
export async function loadFrame(db: AppDb, datasetId: string, columns?: number[]): Promise<Frame> {
  const tx = db.transaction(["datasets", "columns"], "readonly");
  const meta = await tx.objectStore("datasets").get(datasetId);
  if (!meta) throw missingDataset();
  const indices = columns ?? meta.columns.map((_, i) => i);
  for (const i of indices) if (!meta.columns[i]) throw missingColumn(i, meta);
  const store = tx.objectStore("columns");
  const records = await Promise.all(indices.map((i) => store.get([datasetId, i])));
  return {
    rows: meta.rows,
    columns: records.map((rec, k) => {
      if (!rec) throw missingColumn(indices[k], meta);
      return toColumn(meta.columns[indices[k]], rec.data);
    }),
  };
}

/**
 * Replaces the column at `index` (data and metadata) in one transaction and returns the new
 * metadata. The column keeps its `inferredKind`; `storedBytes` follows the new data.
 */
export async function replaceColumn(
  db: AppDb,
  datasetId: string,
  index: number,
  column: Column,
): Promise<DatasetMeta> {
  const tx = writeTx(db);
  return commit(tx, async (write) => {
    const meta = await tx.objectStore("datasets").get(datasetId);
    if (!meta) throw missingDataset();
    const old = meta.columns[index];
    if (!old) throw missingColumn(index, meta);
    checkLength(column, meta.rows);
    const columns = tx.objectStore("columns");
    const record = await columns.get([datasetId, index]);
    const oldBytes = record ? storedBytesOf(record.data) : 0;
    const next: DatasetMeta = {
      ...meta,
      columns: meta.columns.map((c, i) => (i === index ? columnMeta(column, old.inferredKind) : c)),
      storedBytes: meta.storedBytes - oldBytes + storedBytesOf(column.data),
    };
    write(columns.put({ datasetId, index, data: toStoredData(column.data) }));
    write(tx.objectStore("datasets").put(next));
    await touchOwner(tx, write, meta.projectId);
    return next;
  });
}

/** Renames a dataset (trimmed, non-empty, else ValidationError). */
export async function renameDataset(db: AppDb, id: string, name: string): Promise<DatasetMeta> {
  const trimmed = datasetName(name);
  const tx = writeTx(db);
  return commit(tx, async (write) => {
    const meta = await tx.objectStore("datasets").get(id);
    if (!meta) throw missingDataset();
    const next = { ...meta, name: trimmed };
    write(tx.objectStore("datasets").put(next));
    await touchOwner(tx, write, meta.projectId);
    return next;
  });
}

/** Deletes a dataset's metadata and column records in one transaction. */
export async function deleteDataset(db: AppDb, id: string): Promise<void> {
  const tx = writeTx(db);
  await commit(tx, async (write) => {
    const meta = await tx.objectStore("datasets").get(id);
    if (!meta) throw missingDataset();
    write(tx.objectStore("columns").delete(columnRange(id)));
    write(tx.objectStore("datasets").delete(id));
    await touchOwner(tx, write, meta.projectId);
  });
}
