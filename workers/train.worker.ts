/// <reference lib="webworker" />
import * as Comlink from "comlink";
import { loadPipeline } from "../src/core/automl/artifact/loadPipeline.ts";
import { learningCurve } from "../src/core/automl/evaluation/learningCurve.ts";
import { permutationImportance } from "../src/core/automl/evaluation/permutationImportance.ts";
import { ladderModels } from "../src/core/automl/ladder/ladderModels.ts";
import { planLadder } from "../src/core/automl/ladder/ladderPlan.ts";
import { ENSEMBLE_ID } from "../src/core/automl/ladder/leaderboard.ts";
import type { FoldRunner } from "../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { ValidationError } from "../src/core/errors.ts";
import { getModel as getModelSpec, type ModelId, type ModelParams } from "../src/core/models/registry.ts";
import type { Progress } from "../src/core/progress.ts";
import { getDataset, loadFrame } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import { getModel } from "../src/persist/models.ts";
import { getRun, modelRecordId } from "../src/persist/runs.ts";
import type { RunSettings } from "../src/persist/types.ts";
import {
  frameVersion,
  jobLabel,
  jobProgress,
  ladderOptions,
  reevaluateModel,
  runStoredLadder,
  storedPredictions,
} from "./ladderRun.ts";
import { makePool, poolSize, type WorkerPool } from "./pool.ts";
import type { FoldWorkerApi, FrameRef, TrainWorkerApi } from "./trainApi.ts";

let pool: WorkerPool<FoldWorkerApi> | undefined;
const foldPool = () =>
  (pool ??= makePool<FoldWorkerApi>(
    () => new Worker(new URL("./fold.worker.ts", import.meta.url), { type: "module", name: "fold" }),
    poolSize(),
  ));

let cached: { key: string; ref: FrameRef; frame: Frame } | undefined;
async function tableOf(datasetId: string): Promise<{ ref: FrameRef; frame: Frame }> {
  const db = await openAppDb();
  const ref = { datasetId, version: frameVersion(await getDataset(db, datasetId)) };
  const key = `${ref.datasetId}|${ref.version}`;
  if (cached?.key !== key) cached = { key, ref, frame: await loadFrame(db, datasetId) };
  return cached;
}

// Measured once per coordinator, in one pool worker, only when a tfjs model first needs it.
let measured: Promise<string> | undefined;
function backendFor(model: string, settings: RunSettings, signal?: AbortSignal): Promise<string | null> {
  if (!getModelSpec(model as never).usesTfjs) return Promise.resolve(null);
  if (settings.backend) return Promise.resolve(settings.backend);
  measured ??= foldPool()
    .run((w) => w.probeBackends(), signal)
    .then((r) => r.chosen);
  measured.catch(() => (measured = undefined));
  return measured;
}

/** Runs fold jobs on the pool, forwarding epoch progress. */
function poolRunner(ref: FrameRef, settings: RunSettings, onProgress?: (p: Progress) => void): FoldRunner {
  return async (job, signal) => {
    const say = (message: string) => onProgress?.({ phase: "fit", done: 0, total: 1, message });
    if (!settings.backend && !measured && getModelSpec(job.model).usesTfjs) {
      say(`${job.model} · measuring the tfjs backends (once)`);
    }
    const backend = await backendFor(job.model, settings, signal);
    say(jobLabel(job));
    const progress = onProgress && Comlink.proxy((p: Progress) => onProgress(jobProgress(job, p)));
    return foldPool().run((w) => w.runFold(ref, job, backend, progress), signal);
  };
}

const calls = new Map<string, AbortController>();
async function withCall<T>(callId: string, body: (ctl: AbortController) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  calls.set(callId, ctl);
  try {
    return await body(ctl);
  } finally {
    calls.delete(callId);
  }
}

const api: TrainWorkerApi = {
  async plan(datasetId, settings) {
    const { frame } = await tableOf(datasetId);
    const plan = planLadder(frame, ladderOptions(settings));
    return {
      task: plan.task,
      classes: plan.classes,
      metric: plan.metric,
      trainRows: plan.train.length,
      testRows: plan.test.length,
      folds: plan.folds.length,
      models: ladderModels(plan.task).map((m) => ({
        id: m.id,
        label: m.label,
        usesTfjs: Boolean(m.usesTfjs),
      })),
    };
  },

  run(callId, runId, datasetId, settings, skip, onProgress, onEntry) {
    return withCall(callId, async (ctl) => {
      const { frame, ref } = await tableOf(datasetId);
      return runStoredLadder(frame, runId, settings, {
        skip,
        skipPredictions: skip.length > 0 ? await storedPredictions(runId, skip) : undefined,
        runFold: poolRunner(ref, settings, onProgress),
        controller: ctl,
        onProgress: (p) => void onProgress(p),
        onEntry: (e) => void onEntry(e),
      });
    });
  },

  evaluate(callId, runId, datasetId, settings, model, onProgress) {
    return withCall(callId, async (ctl) => {
      const { frame, ref } = await tableOf(datasetId);
      return reevaluateModel(frame, runId, settings, model, {
        runFold: poolRunner(ref, settings, onProgress),
        signal: ctl.signal,
        onProgress: (p) => void onProgress(p),
      });
    });
  },

  learningCurve(callId, datasetId, settings, model, onProgress) {
    return withCall(callId, async (ctl) => {
      if (model === ENSEMBLE_ID) {
        throw new ValidationError(
          "A learning curve is drawn per model: refitting the ensemble at each size would re-choose its weights on rows it is scored on. Open one of its members instead.",
        );
      }
      const { frame, ref } = await tableOf(datasetId);
      const plan = planLadder(frame, ladderOptions(settings));
      return learningCurve(frame, plan, model, {
        runFold: poolRunner(ref, settings),
        params: settings.params?.[model],
        signal: ctl.signal,
        onProgress: (p) => void onProgress(p),
      });
    });
  },

  permutationImportance(callId, runId, datasetId, settings, model, onProgress) {
    return withCall(callId, async (ctl) => {
      const { frame, ref } = await tableOf(datasetId);
      const plan = planLadder(frame, ladderOptions(settings));
      const db = await openAppDb();
      const stored = await getModel(db, modelRecordId(runId, model)).catch(() => null);
      const entry = (await getRun(db, runId)).entries.find((e) => e.model === model);
      return permutationImportance(frame, plan, model, {
        pipeline: stored?.artifact ? loadPipeline(stored.artifact) : undefined,
        runFold: poolRunner(ref, settings),
        params: settings.params?.[model],
        weights: entry?.params.weights as Partial<Record<ModelId, number>> | undefined,
        memberParams: settings.params as Partial<Record<ModelId, ModelParams>> | undefined,
        signal: ctl.signal,
        onProgress: (p) => void onProgress(p),
      });
    });
  },

  cancel(callId) {
    calls.get(callId)?.abort();
  },
};

Comlink.expose(api);
