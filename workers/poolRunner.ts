/**
 * The train coordinator's tables and executor: a stored table loaded once per version, and fold
 * jobs run on the pool of fold workers, with the tfjs backend measured once for tfjs models.
 */
import * as Comlink from "comlink";
import type { LadderProgress } from "../src/core/automl/ladder/ladderProgress.ts";
import { jobLabel, jobProgress } from "../src/core/automl/ladder/ladderProgress.ts";
import type { FoldRunner } from "../src/core/automl/ladder/runLadder.ts";
import type { RunSettings } from "../src/core/automl/run/runSettings.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { getModel } from "../src/core/models/registry.ts";
import type { Progress } from "../src/core/progress.ts";
import { getDataset, loadFrame } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import { makePool, poolSize, type WorkerPool } from "./pool.ts";
import type { FoldWorkerApi, FrameRef } from "./trainApi.ts";

let pool: WorkerPool<FoldWorkerApi> | undefined;
const foldPool = () =>
  (pool ??= makePool<FoldWorkerApi>(
    () => new Worker(new URL("./fold.worker.ts", import.meta.url), { type: "module", name: "fold" }),
    poolSize(),
  ));

/** A stored table's version: its columns' names, kinds and roles and its size. */
export function frameVersion(meta: {
  columns: { name: string; kind: string; role: string }[];
  storedBytes: number;
}) {
  return `${meta.storedBytes}|${meta.columns.map((c) => `${c.name}:${c.kind}:${c.role}`).join(",")}`;
}

let cached: { key: string; table: Promise<{ ref: FrameRef; frame: Frame }> } | undefined;
/**
 * The stored table, loaded once per version (the fold workers load it by the same ref). The load
 * itself is kept, so calls that come together (the page's plan and a run's start) share one copy
 * rather than each reading the whole table.
 */
export async function tableOf(datasetId: string): Promise<{ ref: FrameRef; frame: Frame }> {
  const db = await openAppDb();
  const ref = { datasetId, version: frameVersion(await getDataset(db, datasetId)) };
  const key = `${ref.datasetId}|${ref.version}`;
  if (cached?.key !== key) {
    const table = loadFrame(db, datasetId).then((frame) => ({ ref, frame }));
    cached = { key, table };
    table.catch(() => {
      if (cached?.key === key) cached = undefined;
    });
  }
  return cached.table;
}

// Measured once per coordinator, in one pool worker, only when a tfjs model first needs it.
let measured: Promise<string> | undefined;
function backendFor(model: string, settings: RunSettings, signal?: AbortSignal): Promise<string | null> {
  if (!getModel(model).usesTfjs) return Promise.resolve(null);
  if (settings.backend) return Promise.resolve(settings.backend);
  measured ??= foldPool()
    .run((w) => w.probeBackends(), signal)
    .then((r) => r.chosen);
  measured.catch(() => (measured = undefined));
  return measured;
}

/** Runs fold jobs on the pool, forwarding the models' own progress (epochs) as typed reports. */
export function poolRunner(
  ref: FrameRef,
  settings: RunSettings,
  onProgress?: (p: LadderProgress) => void,
): FoldRunner {
  return async (job, signal) => {
    const at = { model: job.model, fold: job.fold, folds: job.folds, done: 0, total: 1 };
    if (!settings.backend && !measured && getModel(job.model).usesTfjs) {
      onProgress?.({ ...at, phase: "backend", message: `${job.model} · measuring the tfjs backends (once)` });
    }
    const backend = await backendFor(job.model, settings, signal);
    onProgress?.({ ...at, phase: "fit", message: jobLabel(job) });
    const progress = onProgress && Comlink.proxy((p: Progress) => onProgress(jobProgress(job, p)));
    return foldPool().run((w) => w.runFold(ref, job, backend, progress), signal);
  };
}
