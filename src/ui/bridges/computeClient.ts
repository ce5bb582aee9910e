import * as Comlink from "comlink";
import type { BackendReport, ComputeWorkerApi } from "../../../workers/computeApi.ts";

let remote: Comlink.Remote<ComputeWorkerApi> | undefined;

/** The compute worker, made on first use: it loads tfjs, which the first screen does not need. */
function computeWorker() {
  remote ??= Comlink.wrap<ComputeWorkerApi>(
    new Worker(new URL("../../../workers/compute.worker.ts", import.meta.url), {
      type: "module",
      name: "compute",
    }),
  );
  return remote;
}

/** Measures the tfjs backends of this device (WebGPU, WebGL, WASM, CPU) on one workload. */
export function probeBackends(): Promise<BackendReport> {
  return computeWorker().probeBackends();
}
