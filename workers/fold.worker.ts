/// <reference lib="webworker" />
import * as tf from "@tensorflow/tfjs";
import * as Comlink from "comlink";
import { runFoldJob } from "../src/core/automl/ladder/runFoldJob.ts";
import type { Frame } from "../src/core/data/frame.ts";
// Static on purpose (tfjs through the registry too): this worker is bundled twice (two parent
// workers) and the second bundle's dynamic chunks were never emitted, so a lazy import broke it.
import { getModel } from "../src/core/models/registry.ts";
import { loadFrame } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import { probeBackends } from "./backends.ts";
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

/** Switches tfjs to `name`; keeps the current backend when that one cannot start here. */
async function useBackend(name: string | null): Promise<void> {
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
      if (getModel(job.model).usesTfjs) await useBackend(backend);
      return await runFoldJob(await frameOf(ref), job, {
        onProgress: onProgress && ((p) => void onProgress(p)),
      });
    } finally {
      (onProgress as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  },
  probeBackends,
};

Comlink.expose(api);
