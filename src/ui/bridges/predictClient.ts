import * as Comlink from "comlink";
import type {
  BatchResult,
  ImportResult,
  PredictWorkerApi,
  RegisterRequest,
  RowAnswer,
} from "../../../workers/predictApi.ts";
import type { Progress } from "../../core/progress.ts";
import type { ModelVersion } from "../../persist/types.ts";
import type { CallOptions } from "./dataClient.ts";

/**
 * The Deploy phase's handle on the predictor worker, where all engine work happens (the page
 * imports no model code). The worker is made on first use; aborting a call terminates it (the only
 * way to stop a chunk at once) and the next call makes a fresh one, reloading its pipelines.
 */
export interface PredictClient {
  register(req: RegisterRequest, call?: CallOptions): Promise<ModelVersion>;
  importFile(projectId: string, file: Blob, fileName: string, call?: CallOptions): Promise<ImportResult>;
  predictRow(versionId: string, values: Record<string, string>, call?: CallOptions): Promise<RowAnswer>;
  scoreCsv(versionId: string, file: Blob, call?: CallOptions): Promise<BatchResult>;
  dispose(): void;
}

export function makePredictClient(): PredictClient {
  let worker: Worker | undefined;
  let api: Comlink.Remote<PredictWorkerApi> | undefined;
  const pending = new Set<(reason: unknown) => void>();

  const ensure = () => {
    if (!api) {
      worker = new Worker(new URL("../../../workers/predict.worker.ts", import.meta.url), {
        type: "module",
        name: "predict",
      });
      api = Comlink.wrap<PredictWorkerApi>(worker);
    }
    return api;
  };
  const dispose = () => {
    worker?.terminate();
    worker = undefined;
    api = undefined;
    const rejects = [...pending];
    pending.clear();
    for (const reject of rejects) reject(new DOMException("The prediction was stopped.", "AbortError"));
  };

  function run<T>(
    call: CallOptions | undefined,
    body: (api: Comlink.Remote<PredictWorkerApi>) => Promise<T>,
  ) {
    const signal = call?.signal;
    signal?.throwIfAborted();
    const remote = ensure();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => dispose();
      const settle = () => {
        pending.delete(reject);
        signal?.removeEventListener("abort", onAbort);
      };
      pending.add(reject);
      signal?.addEventListener("abort", onAbort, { once: true });
      body(remote).then(
        (v) => {
          settle();
          resolve(v);
        },
        (e) => {
          settle();
          reject(e);
        },
      );
    });
  }

  return {
    register: (req, call) => run(call, (w) => w.register(req)),
    importFile: (projectId, file, fileName, call) =>
      run(call, (w) => w.importFile(projectId, file, fileName)),
    predictRow: (versionId, values, call) => run(call, (w) => w.predictRow(versionId, values)),
    scoreCsv: (versionId, file, call) =>
      run(call, (w) =>
        w.scoreCsv(
          versionId,
          file,
          Comlink.proxy((p: Progress) => call?.onProgress?.(p)),
        ),
      ),
    dispose,
  };
}

/** The app's one predict client. */
export const predictClient = makePredictClient();
