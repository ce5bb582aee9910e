/// <reference lib="webworker" />
import * as Comlink from "comlink";
import { loadPipeline } from "../src/core/automl/artifact/loadPipeline.ts";
import { learningCurve } from "../src/core/automl/evaluation/learningCurve.ts";
import { permutationImportance } from "../src/core/automl/evaluation/permutationImportance.ts";
import { ladderModels } from "../src/core/automl/ladder/ladderModels.ts";
import { planLadder } from "../src/core/automl/ladder/ladderPlan.ts";
import { blendWeights, ENSEMBLE_ID } from "../src/core/automl/ladder/leaderboard.ts";
import { ladderOptions } from "../src/core/automl/run/runParts.ts";
import { makeRunService, type RunCallbacks } from "../src/core/automl/run/runService.ts";
import { validateRunSettings } from "../src/core/automl/run/runSettings.ts";
import type { RunRecord } from "../src/core/automl/run/runStore.ts";
import { ValidationError } from "../src/core/errors.ts";
import { openAppDb } from "../src/persist/db.ts";
import { getModel } from "../src/persist/models.ts";
import { makeIdbRunStore, modelRecordId } from "../src/persist/runs.ts";
import { poolRunner, tableOf } from "./poolRunner.ts";
import { heldRuns, holdRun } from "./runLocks.ts";
import type { RunListeners, TrainWorkerApi } from "./trainApi.ts";

const store = makeIdbRunStore(() => openAppDb());
const service = makeRunService({
  store,
  async open(datasetId, run, onProgress) {
    const { frame, ref } = await tableOf(datasetId);
    return { frame, runFold: poolRunner(ref, run.settings, onProgress) };
  },
});

/** Runs this coordinator trains now, with the release of each one's lock. */
const active = new Map<string, () => void>();

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

/** Trains a run through the service; while it trains it is active here and holds its lock. */
async function drive(
  ctl: AbortController,
  listeners: RunListeners,
  body: (cb: RunCallbacks) => Promise<{ run: RunRecord }>,
): Promise<RunRecord> {
  let runId: string | null = null;
  try {
    const out = await body({
      signal: ctl.signal,
      onStart: (run) => {
        runId = run.id;
        active.set(run.id, holdRun(run.id));
        void listeners.onStart(run);
      },
      onProgress: (p) => void listeners.onProgress(p),
      onEntry: (e) => void listeners.onEntry(e),
    });
    return out.run;
  } finally {
    if (runId) {
      active.get(runId)?.();
      active.delete(runId);
    }
  }
}

const api: TrainWorkerApi = {
  async plan(datasetId, settings) {
    const { frame } = await tableOf(datasetId);
    const plan = planLadder(frame, ladderOptions(validateRunSettings(settings)));
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

  start(callId, input, listeners) {
    return withCall(callId, async (ctl) => {
      return drive(ctl, listeners, (cb) => service.start(input, cb));
    });
  },

  resume(callId, runId, listeners) {
    return withCall(callId, async (ctl) => {
      if (active.has(runId)) throw new ValidationError("This run is already training.");
      return drive(ctl, listeners, (cb) => service.resume(runId, cb));
    });
  },

  async settle(runs, stopped = []) {
    const held = await heldRuns();
    return Promise.all(
      runs.map((r) => {
        if (r.status !== "running" || active.has(r.id)) return r;
        // The client terminated the coordinator of a stopped run: its lock may not be released yet.
        if (stopped.includes(r.id)) return store.interrupt(r.id, "cancelled");
        return held.has(r.id) ? r : store.interrupt(r.id);
      }),
    );
  },

  evaluate(callId, runId, model, onProgress) {
    return withCall(callId, (ctl) =>
      service.reevaluate(runId, model, { signal: ctl.signal, onProgress: (p) => void onProgress(p) }),
    );
  },

  learningCurve(callId, datasetId, settings, model, onProgress) {
    return withCall(callId, async (ctl) => {
      if (model === ENSEMBLE_ID) {
        throw new ValidationError(
          "A learning curve is drawn per model: refitting the ensemble at each size would re-choose its weights on rows it is scored on. Open one of its members instead.",
        );
      }
      const valid = validateRunSettings(settings);
      const { frame, ref } = await tableOf(datasetId);
      const plan = planLadder(frame, ladderOptions(valid));
      return learningCurve(frame, plan, model, {
        runFold: poolRunner(ref, valid),
        params: valid.params?.[model],
        signal: ctl.signal,
        onProgress: (p) => void onProgress(p),
      });
    });
  },

  permutationImportance(callId, runId, model, onProgress) {
    return withCall(callId, async (ctl) => {
      const run = await store.get(runId);
      const { frame, ref } = await tableOf(run.datasetId);
      const plan = planLadder(frame, ladderOptions(run.settings));
      const stored = await getModel(await openAppDb(), modelRecordId(runId, model)).catch(() => null);
      const entry = run.entries.find((e) => e.model === model);
      return permutationImportance(frame, plan, model, {
        pipeline: stored?.artifact ? loadPipeline(stored.artifact) : undefined,
        runFold: poolRunner(ref, run.settings),
        params: run.settings.params?.[model],
        weights: entry ? blendWeights(entry) : undefined,
        memberParams: run.settings.params,
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
