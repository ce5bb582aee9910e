/// <reference lib="webworker" />
import * as tf from "@tensorflow/tfjs";
import * as Comlink from "comlink";
import {
  type BoundaryData,
  defaultAxes,
  prepareBoundaryData,
} from "../src/core/automl/boundary/boundaryData.ts";
import { boundaryPoints, fitBoundary } from "../src/core/automl/boundary/fitBoundary.ts";
import { validationCurve } from "../src/core/automl/boundary/validationCurve.ts";
import { planLadder } from "../src/core/automl/ladder/ladderPlan.ts";
import { ladderOptions } from "../src/core/automl/run/runParts.ts";
import { validateRunSettings } from "../src/core/automl/run/runSettings.ts";
import { getModel, modelLabel, modelsForTask } from "../src/core/models/registry.ts";
import "./backends.ts";
import type { BoundarySource, BoundaryView, BoundaryWorkerApi } from "./boundaryApi.ts";
import { poolRunner, tableOf } from "./poolRunner.ts";

// The prepared rows of the last source: every slider move reuses them, so an update is one fit.
let prepared: { key: string; data: Promise<BoundaryData> } | undefined;

async function dataOf(source: BoundarySource): Promise<BoundaryData> {
  const { frame, ref } = await tableOf(source.datasetId);
  const s = validateRunSettings(source.settings);
  const key = JSON.stringify([ref, s.target, s.recipe ?? null, s.split, s.metric, s.positiveClass ?? null]);
  if (prepared?.key !== key) {
    const data = Promise.resolve().then(() =>
      prepareBoundaryData(frame, planLadder(frame, ladderOptions(s))),
    );
    prepared = { key, data };
    data.catch(() => {
      if (prepared?.key === key) prepared = undefined;
    });
  }
  return prepared.data;
}

// The neural net's two-column fits are tiny: WASM (or the CPU) beats a GPU's per-step overhead.
let backend: Promise<void> | undefined;
function smallBackend(): Promise<void> {
  backend ??= (async () => {
    for (const name of ["wasm", "cpu"]) {
      try {
        if (await tf.setBackend(name)) {
          await tf.ready();
          return;
        }
      } catch {
        // Try the next one.
      }
    }
  })();
  return backend;
}

const calls = new Map<string, AbortController>();
/** Fits in arrival order; a new one aborts every earlier fit still waiting or running. */
const fits = new Set<AbortController>();

/** Lets queued messages in (a newer fit, a cancel) before the work starts. */
const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

const api: BoundaryWorkerApi = {
  async prepare(source) {
    const data = await dataOf(source);
    return {
      task: data.task,
      classes: data.classes,
      metric: data.metric,
      features: data.features.map((f) => ({ name: f.name, min: f.min, max: f.max })),
      axes: defaultAxes(data),
      models: modelsForTask(data.task).map((m) => ({ id: m.id, label: modelLabel(m, data.task) })),
      trainRows: data.yTrain.length,
      validRows: data.yValid.length,
    };
  },

  async fit(callId, source, request, withPoints) {
    const t0 = performance.now();
    for (const older of fits) older.abort();
    const ctl = new AbortController();
    fits.add(ctl);
    calls.set(callId, ctl);
    try {
      await yieldToMessages();
      ctl.signal.throwIfAborted();
      const data = await dataOf(source);
      if (getModel(request.model).usesTfjs) await smallBackend();
      ctl.signal.throwIfAborted();
      const result = await fitBoundary(data, request, { signal: ctl.signal });
      const points = withPoints ? boundaryPoints(data, request.x, request.y) : null;
      const view: BoundaryView = { ...result, points, workerMs: performance.now() - t0 };
      const buffers = [
        result.cls,
        result.prob,
        result.value,
        points?.x,
        points?.y,
        points?.target,
        points?.part,
      ]
        .filter((a) => a !== null && a !== undefined)
        .map((a) => a.buffer as ArrayBuffer);
      return Comlink.transfer(view, buffers);
    } finally {
      fits.delete(ctl);
      calls.delete(callId);
    }
  },

  async validationCurve(callId, source, model, param, onProgress) {
    const ctl = new AbortController();
    calls.set(callId, ctl);
    try {
      const valid = validateRunSettings(source.settings);
      const { frame, ref } = await tableOf(source.datasetId);
      const plan = planLadder(frame, ladderOptions(valid));
      return await validationCurve(frame, plan, model, {
        param: param ?? undefined,
        params: valid.params?.[model],
        runFold: poolRunner(ref, valid),
        signal: ctl.signal,
        onProgress: onProgress && ((p) => void onProgress(p)),
      });
    } finally {
      calls.delete(callId);
      (onProgress as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  },

  cancel(callId) {
    calls.get(callId)?.abort();
  },
};

Comlink.expose(api);
