/// <reference lib="webworker" />
/**
 * The Monitor phase's worker: monitors batches against a version's reference and stores them,
 * re-tests stored batches, trains challengers through the run service (fold jobs on the same pool
 * of fold workers as Train) and compares champion and challenger. Engine logic is in
 * src/core/monitor; this file reads and writes storage around it.
 */
import * as Comlink from "comlink";
import type { LoadedPipeline } from "../src/core/automl/artifact/loadPipeline.ts";
import { ENSEMBLE_ID } from "../src/core/automl/ladder/leaderboard.ts";
import { makeRunService } from "../src/core/automl/run/runService.ts";
import type { CsvReport } from "../src/core/data/csvTypes.ts";
import type { ColumnKind, Frame } from "../src/core/data/frame.ts";
import { readCsv } from "../src/core/data/readCsv.ts";
import { type ModelFile, readModelFile } from "../src/core/deploy/modelFile.ts";
import { isAbortError, ValidationError } from "../src/core/errors.ts";
import { compareOnBatch } from "../src/core/monitor/compareOnBatch.ts";
import { driftFromSketches } from "../src/core/monitor/driftFromSketches.ts";
import { monitorBatch } from "../src/core/monitor/monitorBatch.ts";
import { type LabelledBatch, retrainTable } from "../src/core/monitor/retrainRows.ts";
import type { ReferenceSketches } from "../src/core/monitor/sketch.ts";
import { takeFrameRows } from "../src/core/prep/columns.ts";
import { getDataset, loadFrame, saveDataset } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import { getModel } from "../src/persist/models.ts";
import {
  addBatch,
  getBatch,
  getBatchRows,
  listBatches,
  type MonitorBatchRecord,
  updateBatch,
} from "../src/persist/monitorBatches.ts";
import { addDecision, listDecisions } from "../src/persist/monitorDecisions.ts";
import { getVersion, getVersionFile, listVersions, registerVersion } from "../src/persist/registry.ts";
import { versionName } from "../src/persist/registryAliases.ts";
import { makeIdbRunStore, modelRecordId } from "../src/persist/runs.ts";
import type { ModelVersion } from "../src/persist/types.ts";
import type { MonitorWorkerApi } from "./monitorApi.ts";
import { poolRunner, tableOf } from "./poolRunner.ts";
import { holdRun } from "./runLocks.ts";
import { versionFromRun } from "./versionFromRun.ts";

const db = () => openAppDb();

/** A neural net predicts with tfjs on the CPU backend, loaded only when a pipeline holds one. */
async function readyTfjs(pipeline: LoadedPipeline): Promise<void> {
  if (!pipeline.members.some((m) => m.modelId === "mlp")) return;
  const tf = await import("@tensorflow/tfjs");
  if (tf.getBackend() !== "cpu") await tf.setBackend("cpu");
  await tf.ready();
}

// Versions never change once stored, so a loaded pipeline stays good for the worker's life.
const loaded = new Map<string, Promise<{ file: ModelFile; pipeline: LoadedPipeline }>>();
function pipelineOf(versionId: string) {
  let hit = loaded.get(versionId);
  if (!hit) {
    hit = (async () => {
      const stored = await getVersionFile(await db(), versionId);
      return readModelFile(stored, { beforeProbe: readyTfjs });
    })();
    loaded.set(versionId, hit);
    hit.catch(() => loaded.delete(versionId));
  }
  return hit;
}

function referenceOf(file: ModelFile, version: ModelVersion): ReferenceSketches {
  if (!file.reference)
    throw new ValidationError(
      `${versionName(version.number)}'s model file has no reference sketches of its training data ` +
        "(it was made before monitoring, or by another tool), so new data cannot be compared with it. " +
        "Register the model again from its run.",
    );
  return file.reference;
}

/**
 * The kinds to read a batch with: the training table's (so kept rows append to it as they are),
 * else the model's inputs'.
 */
async function kindsOf(version: ModelVersion, pipeline: LoadedPipeline): Promise<Record<string, ColumnKind>> {
  const kinds: Record<string, ColumnKind> = {};
  if (version.source.kind === "run") {
    const meta = await getDataset(await db(), version.source.datasetId).catch(() => null);
    for (const c of meta?.columns ?? []) kinds[c.name] = c.kind;
  }
  for (const i of pipeline.artifact.inputs) kinds[i.name] = i.kind;
  return kinds;
}

/** The batch's columns the training table has (or the inputs and target): what is kept for retraining. */
function keptColumns(frame: Frame, kinds: Record<string, ColumnKind>, target: string): Frame {
  return {
    rows: frame.rows,
    columns: frame.columns.filter((c) => c.name in kinds || c.name === target),
  };
}

const calls = new Map<string, AbortController>();
async function withCall<T>(callId: string, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  calls.set(callId, ctl);
  try {
    return await body(ctl.signal);
  } finally {
    calls.delete(callId);
  }
}

const service = makeRunService({
  store: makeIdbRunStore(db),
  async open(datasetId, run, onProgress) {
    const { frame, ref } = await tableOf(datasetId);
    return { frame, runFold: poolRunner(ref, run.settings, onProgress) };
  },
});

const EMPTY_REPORT = (rows: number): CsvReport => ({
  rows,
  bytes: 0,
  delimiter: ",",
  decimal: ".",
  encoding: "utf-8",
  problems: [],
  problemCounts: {},
  droppedRows: 0,
});

/** The champion's kept labelled batches, oldest first. */
async function labelledBatches(versionId: string): Promise<MonitorBatchRecord[]> {
  const all = await listBatches(await db(), versionId);
  return all.filter((b) => b.keptRows > 0 && (b.report.performance?.labelled_rows ?? 0) > 0);
}

const api: MonitorWorkerApi = {
  async monitor(req, onProgress) {
    try {
      const version = await getVersion(await db(), req.versionId);
      const { file, pipeline } = await pipelineOf(req.versionId);
      const reference = referenceOf(file, version);
      const kinds = await kindsOf(version, pipeline);
      const { frame } = await readCsv(req.file.stream(), {
        kinds,
        totalBytes: req.file.size,
        onProgress: (p) => void onProgress(p),
      });
      onProgress({ phase: "monitor", done: 0, total: 1, message: "Testing each column for drift" });
      const report = monitorBatch({
        pipeline,
        reference,
        frame,
        referenceScore: version.metrics.cv_mean,
        overrides: req.overrides,
        sketchBatch: true,
      });
      onProgress({ phase: "monitor", done: 1, total: 1, message: "Storing the batch" });
      const rows = req.keepRows ? keptColumns(frame, kinds, pipeline.artifact.target) : undefined;
      return await addBatch(
        await db(),
        {
          projectId: version.projectId,
          versionId: version.id,
          name: req.name,
          report,
          overrides: req.overrides,
        },
        rows,
      );
    } finally {
      (onProgress as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.();
    }
  },

  async retest(batchId, overrides) {
    const store = await db();
    const batch = await getBatch(store, batchId);
    const version = await getVersion(store, batch.versionId);
    const { file, pipeline } = await pipelineOf(batch.versionId);
    const reference = referenceOf(file, version);
    const rows = await getBatchRows(store, batchId);
    let report = batch.report;
    if (rows) {
      // Exact: the rows are here. The kept rows lack the columns the model does not read, which is all it needs.
      report = monitorBatch({
        pipeline,
        reference,
        frame: rows,
        referenceScore: version.metrics.cv_mean,
        overrides,
        sketchBatch: true,
      });
    } else if (batch.report.batch_sketches) {
      report = { ...report, ...driftFromSketches(reference, batch.report.batch_sketches, overrides) };
    } else throw new ValidationError("This batch kept neither its rows nor its sketches; drop it again.");
    return updateBatch(store, batchId, { report, overrides });
  },

  retrain(callId, req, onProgress) {
    return withCall(callId, async (signal) => {
      const store = await db();
      const version = await getVersion(store, req.versionId);
      const name = versionName(version.number);
      if (version.source.kind !== "run")
        throw new ValidationError(
          `${name} was imported from a file: its training rows and run settings are not in this project, so it cannot be retrained here.`,
        );
      const source = version.source;
      const labelled = await labelledBatches(version.id);
      if (labelled.length === 0)
        throw new ValidationError(
          `No labelled rows of ${name} are kept yet: drop a batch that has the "${version.card.target}" column with “keep its rows for retraining” ticked.`,
        );
      onProgress({ phase: "prepare", done: 0, total: 1, message: "Gathering the training rows" });
      const kept: LabelledBatch[] = [];
      for (const b of labelled) {
        const rows = await getBatchRows(store, b.id);
        if (rows) kept.push({ id: b.id, number: b.number, rows });
      }
      const table = retrainTable(
        await loadFrame(store, source.datasetId),
        kept,
        req.rows,
        req.window,
        source.seed,
      );
      const { frame, batches, heldOut } = table;
      signal.throwIfAborted();
      const n = batches.length;
      const added = batches.reduce((n, b) => n + b.rows, 0);
      const dataset = await saveDataset(store, {
        projectId: version.projectId,
        name: `Retraining rows for ${name} (${req.rows === "window" ? "newest" : "training +"} ${n} batch${n === 1 ? "" : "es"})`,
        source: "file",
        frame,
        report: EMPTY_REPORT(frame.rows),
      });
      const settings = structuredClone(source.settings);
      if (source.modelId !== ENSEMBLE_ID) {
        settings.models = [source.modelId];
        settings.ensemble = false;
      }
      let release = () => {};
      const outcome = await service.start(
        { projectId: version.projectId, datasetId: dataset.id, settings },
        {
          signal,
          onStart: (run) => (release = holdRun(run.id)),
          onProgress: (p) =>
            void onProgress({ phase: "train", done: p.done, total: p.total, message: p.message }),
        },
      );
      release();
      if (outcome.error) throw outcome.error;
      // A stop that came as the run ended still means "no challenger": nothing is registered.
      signal.throwIfAborted();
      const run = outcome.run;
      const modelId = source.modelId === ENSEMBLE_ID ? (run.best ?? ENSEMBLE_ID) : source.modelId;
      onProgress({ phase: "register", done: 0, total: 1, message: "Registering the challenger" });
      const record = await getModel(store, modelRecordId(run.id, modelId));
      const note = `Retrained from ${name} on ${frame.rows} rows (${added} from monitored batches).`;
      const challenger = await registerVersion(store, await versionFromRun(run, record, frame, note));
      const reg = (await listVersions(store, version.projectId)).registry;
      const decision = await addDecision(store, {
        projectId: version.projectId,
        action: "retrain",
        championId: reg.champion,
        challengerId: challenger.id,
        summary: `Trained ${versionName(challenger.number)} (${challenger.label}) with ${name}'s recipe and settings on ${frame.rows} rows: ${req.rows === "window" ? "" : `the ${table.trainingRows} rows of the training table (split as in its run) and `}${added} labelled rows from batch${batches.length === 1 ? "" : "es"} ${batches.map((b) => `#${b.number}`).join(", ")}${heldOut ? `; ${heldOut.rows.length} rows of batch #${heldOut.number} held out for the comparison` : ""}.`,
        evidence: {
          kind: "retrain",
          runId: run.id,
          datasetId: dataset.id,
          rows: req.rows,
          trainingRows: table.trainingRows,
          batches,
          heldOut,
        },
      });
      return { version: challenger, run, decision };
    }).finally(() => (onProgress as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.());
  },

  compare(callId, req, onProgress) {
    return withCall(callId, async (signal) => {
      const store = await db();
      const champion = await getVersion(store, req.championId);
      const challenger = await getVersion(store, req.challengerId);
      const labelled = await labelledBatches(champion.id);
      const newest = labelled.at(-1);
      if (!newest)
        throw new ValidationError(
          `Champion and challenger are compared on the newest labelled batch of ${versionName(champion.number)} whose rows were kept; there is none yet.`,
        );
      const rows = (await getBatchRows(store, newest.id))!;
      // Rows of that batch the challenger trained on are left out (its retraining recorded them).
      const retrain = (await listDecisions(store, req.projectId))
        .filter((d) => d.action === "retrain" && d.challengerId === challenger.id)
        .at(-1);
      const held =
        retrain?.evidence.kind === "retrain" && retrain.evidence.heldOut?.batchId === newest.id
          ? retrain.evidence.heldOut.rows
          : null;
      const trainedOnIt =
        retrain?.evidence.kind === "retrain" && retrain.evidence.batches.some((b) => b.batchId === newest.id);
      const frame = held ? takeFrameRows(rows, held) : rows;
      onProgress({ phase: "compare", done: 0, total: 1, message: "Predicting with both models" });
      const [a, b] = await Promise.all([pipelineOf(champion.id), pipelineOf(challenger.id)]);
      const seed = req.seed ?? (champion.source.kind === "run" ? champion.source.seed : 0);
      const result = compareOnBatch(a.pipeline, b.pipeline, frame, {
        iterations: req.iterations,
        seed,
        signal,
      });
      const bs = result.bootstrap;
      const A = versionName(champion.number);
      const B = versionName(challenger.number);
      const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "undefined");
      const m = result.mcnemar;
      const summary =
        `On ${result.rows} labelled rows of batch #${newest.number}${held ? " (the half held out of retraining)" : trainedOnIt ? " (which the challenger trained on: the comparison favours it)" : ""}: ` +
        `${bs.metric} ${A} ${f(bs.a)}, ${B} ${f(bs.b)}, difference ${f(bs.difference)} ` +
        `(${Math.round(bs.level * 100)}% bootstrap interval ${f(bs.lo)} to ${f(bs.hi)}, ${bs.iterations} resamples, seed ${bs.seed})` +
        (m
          ? `; McNemar: ${m.b} row${m.b === 1 ? "" : "s"} only ${A} got right, ${m.c} only ${B}, exact p = ${m.p_exact.toPrecision(3)}, mid-p = ${m.p_mid.toPrecision(3)}.`
          : ".");
      onProgress({ phase: "compare", done: 1, total: 1, message: "Done" });
      return addDecision(store, {
        projectId: req.projectId,
        action: "compare",
        championId: champion.id,
        challengerId: challenger.id,
        summary,
        evidence: {
          kind: "compare",
          batchId: newest.id,
          batchNumber: newest.number,
          rows: result.rows,
          bootstrap: bs,
          mcnemar: m,
        },
      });
    }).finally(() => (onProgress as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.());
  },

  cancel(callId) {
    calls.get(callId)?.abort();
  },
};

// Keep an abort's AbortError quiet in logs; the client hears it as a rejection.
self.addEventListener("unhandledrejection", (e) => {
  if (isAbortError(e.reason)) e.preventDefault();
});

Comlink.expose(api);
