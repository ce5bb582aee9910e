/**
 * Monitored batches, per model version: each batch's report and sketches (small), and apart from
 * them its rows only when the person kept them for retraining. A batch and its rows are written in
 * one transaction, so neither exists without the other and a quota error leaves nothing behind.
 */
import type { Frame } from "../core/data/frame.ts";
import { NotFoundError } from "../core/errors.ts";
import type { DriftOverride } from "../core/monitor/columnDrift.ts";
import type { MonitorReport } from "../core/monitor/monitorBatch.ts";
import { now } from "./clock.ts";
import type { AppDb } from "./db.ts";
import { formatBytes } from "./storage.ts";
import { commit } from "./write.ts";

/** One monitored batch of a model version (no raw rows: those are in `monitorRows`, if kept). */
export interface MonitorBatchRecord {
  id: string;
  projectId: string;
  versionId: string;
  /** 1, 2, ... per version, in the order the batches were monitored. */
  number: number;
  /** The file's name. */
  name: string;
  createdAt: number;
  /** The report, with the batch's own sketches (`batch_sketches`) for charts and re-tests. */
  report: MonitorReport;
  /** The tests and thresholds the person chose, by column (or "prediction"). */
  overrides: Record<string, DriftOverride>;
  /** Rows kept for retraining (0 when only sketches and results were kept). */
  keptRows: number;
}

/** A batch's rows, kept for retraining when the person asked. */
export interface MonitorRowsRecord {
  batchId: string;
  projectId: string;
  versionId: string;
  frame: Frame;
}

/** What storing a batch takes; id, number and date are the store's. */
export type NewBatch = Omit<MonitorBatchRecord, "id" | "number" | "createdAt" | "keptRows">;

const missingBatch = () =>
  new NotFoundError("This batch no longer exists; it may have been deleted in another tab.");

/** Rough bytes of a frame's buffers, for the quota message. */
function frameBytes(frame: Frame): number {
  return frame.columns.reduce(
    (n, c) => n + (c.data.type === "float" ? c.data.values.byteLength : c.data.codes.byteLength),
    0,
  );
}

/** Stores a batch (and its rows when given), numbered after the version's last. All or nothing. */
export async function addBatch(db: AppDb, input: NewBatch, rows?: Frame): Promise<MonitorBatchRecord> {
  const tx = db.transaction(["monitorBatches", "monitorRows"], "readwrite");
  return commit(
    tx,
    async (write) => {
      const batches = tx.objectStore("monitorBatches");
      const same = await batches.index("versionId").getAll(input.versionId);
      const record: MonitorBatchRecord = {
        ...structuredClone(input),
        id: crypto.randomUUID(),
        number: same.reduce((n, b) => Math.max(n, b.number), 0) + 1,
        createdAt: now(),
        keptRows: rows ? rows.rows : 0,
      };
      write(batches.add(record));
      if (rows)
        write(
          tx.objectStore("monitorRows").add({
            batchId: record.id,
            projectId: input.projectId,
            versionId: input.versionId,
            frame: rows,
          }),
        );
      return record;
    },
    async () =>
      `Not enough storage space to keep this batch${rows ? ` and its ${rows.rows} rows (about ${formatBytes(frameBytes(rows))})` : ""}. ` +
      "Untick “keep rows”, or delete old batches, runs or datasets, and try again.",
  );
}

/** A version's batches, oldest first. */
export async function listBatches(db: AppDb, versionId: string): Promise<MonitorBatchRecord[]> {
  const all = await db.getAllFromIndex("monitorBatches", "versionId", versionId);
  return all.sort((a, b) => a.number - b.number);
}

/** One batch; NotFoundError when it is gone. */
export async function getBatch(db: AppDb, batchId: string): Promise<MonitorBatchRecord> {
  const batch = await db.get("monitorBatches", batchId);
  if (!batch) throw missingBatch();
  return batch;
}

/** A batch's kept rows, or null when only its sketches were kept. */
export async function getBatchRows(db: AppDb, batchId: string): Promise<Frame | null> {
  return (await db.get("monitorRows", batchId))?.frame ?? null;
}

/** Replaces a batch's report and overrides (after the person changed a test or threshold). */
export async function updateBatch(
  db: AppDb,
  batchId: string,
  change: Pick<MonitorBatchRecord, "report" | "overrides">,
): Promise<MonitorBatchRecord> {
  const tx = db.transaction("monitorBatches", "readwrite");
  return commit(tx, async (write) => {
    const batch = await tx.store.get(batchId);
    if (!batch) throw missingBatch();
    const next = { ...batch, ...structuredClone(change) };
    write(tx.store.put(next));
    return next;
  });
}

/** Deletes a batch and its rows. */
export async function deleteBatch(db: AppDb, batchId: string): Promise<void> {
  const tx = db.transaction(["monitorBatches", "monitorRows"], "readwrite");
  await commit(tx, async (write) => {
    if (!(await tx.objectStore("monitorBatches").getKey(batchId))) throw missingBatch();
    write(tx.objectStore("monitorBatches").delete(batchId));
    write(tx.objectStore("monitorRows").delete(batchId));
  });
}
