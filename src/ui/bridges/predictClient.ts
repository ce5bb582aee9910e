import * as Comlink from "comlink";
import type {
  BatchResult,
  ImportResult,
  OnnxExportResult,
  PredictWorkerApi,
  RegisterRequest,
  RowAnswer,
} from "../../../workers/predictApi.ts";
import type { Progress } from "../../core/progress.ts";
import type { ModelVersion } from "../../persist/types.ts";
import type { CallOptions } from "./dataClient.ts";
import { type Live, makeWorkerLane } from "./workerLane.ts";

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
  exportOnnx(versionId: string, call?: CallOptions): Promise<OnnxExportResult>;
  dispose(): void;
}

export function makePredictClient(): PredictClient {
  const lane = makeWorkerLane<PredictWorkerApi>(
    () =>
      new Worker(new URL("../../../workers/predict.worker.ts", import.meta.url), {
        type: "module",
        name: "predict",
      }),
    "The prediction was stopped.",
  );
  const dispose = lane.dispose;
  const run = <T>(
    call: CallOptions | undefined,
    body: (api: Comlink.Remote<PredictWorkerApi>, live: Live) => Promise<T>,
  ) => lane.run(call?.signal, body);

  return {
    register: (req, call) => run(call, (w) => w.register(req)),
    importFile: (projectId, file, fileName, call) =>
      run(call, (w) => w.importFile(projectId, file, fileName)),
    predictRow: (versionId, values, call) => run(call, (w) => w.predictRow(versionId, values)),
    scoreCsv: (versionId, file, call) =>
      run(call, (w, live) =>
        w.scoreCsv(versionId, file, Comlink.proxy(live((p: Progress) => call?.onProgress?.(p)))),
      ),
    exportOnnx: (versionId, call) => run(call, (w) => w.exportOnnx(versionId)),
    dispose,
  };
}

/** The app's one predict client. */
export const predictClient = makePredictClient();
