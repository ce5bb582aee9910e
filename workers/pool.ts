import * as Comlink from "comlink";
import { type LanePool, makeLanePool } from "../src/core/automl/run/lanePool.ts";

/** A pool of Comlink workers: the core lane pool with workers as lanes. */
export type WorkerPool<Api> = LanePool<Comlink.Remote<Api>>;

/** Workers for this device: one per core but one (the page and the coordinator need it), 1 to 4. */
export function poolSize(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.min(4, Math.max(1, (cores || 2) - 1));
}

/** A pool of `size` workers made by `create` lazily (see `makeLanePool` for queueing and cancel). */
export function makePool<Api>(create: () => Worker, size: number): WorkerPool<Api> {
  return makeLanePool((died) => {
    const worker = create();
    worker.addEventListener("error", (ev) => {
      ev.preventDefault?.();
      died(new Error(`A training worker stopped: ${ev.message || "unknown error"}`));
    });
    return { api: Comlink.wrap<Api>(worker), terminate: () => worker.terminate() };
  }, size);
}
