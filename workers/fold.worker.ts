/// <reference lib="webworker" />
import * as Comlink from "comlink";
import { runFoldJob } from "../src/core/automl/ladder/runFoldJob.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { loadModelSpec } from "../src/core/models/loadModelSpec.ts";
import { loadFrame } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import type { FoldWorkerApi, FrameRef } from "./trainApi.ts";

// The table this worker trains on, loaded once per version rather than once per fold.
let cached: { key: string; frame: Promise<Frame> } | undefined;

function frameOf(ref: FrameRef): Promise<Frame> {
  const key = `${ref.datasetId}|${ref.version}`;
  if (cached?.key !== key) {
    const frame = openAppDb().then((db) => loadFrame(db, ref.datasetId));
    cached = { key, frame };
    frame.catch(() => {
      if (cached?.key === key) cached = undefined;
    });
  }
  return cached.frame;
}

/**
 * tfjs with its backends registered (WebGPU, WASM and its binaries' paths), loaded on the first
 * tfjs model or backend probe only: a worker that trains trees never holds tfjs' code and heap.
 */
const backends = () => import("./backends.ts");

/** Switches tfjs to `name`; keeps the current backend when that one cannot start here. */
async function useBackend(name: string | null): Promise<void> {
  await backends();
  const tf = await import("@tensorflow/tfjs");
  if (!name || tf.getBackend() === name) return;
  try {
    if (await tf.setBackend(name)) await tf.ready();
  } catch {
    // The model records the backend it really trained on.
  }
}

const api: FoldWorkerApi = {
  async runFold(ref, job, backend, onProgress) {
    try {
      if ((await loadModelSpec(job.model)).usesTfjs) await useBackend(backend);
      return await runFoldJob(await frameOf(ref), job, {
        onProgress: onProgress && ((p) => void onProgress(p)),
      });
    } finally {
      (onProgress as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  },
  probeBackends: async () => (await backends()).probeBackends(),
};

Comlink.expose(api);
