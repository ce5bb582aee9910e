import * as Comlink from "comlink";
import type {
  CompareRequest,
  MonitorRequest,
  MonitorWorkerApi,
  RetrainRequest,
  RetrainResult,
} from "../../../workers/monitorApi.ts";
import type { DriftOverride } from "../../core/monitor/columnDrift.ts";
import type { Progress } from "../../core/progress.ts";
import type { MonitorBatchRecord } from "../../persist/monitorBatches.ts";
import type { MonitorDecision } from "../../persist/monitorDecisions.ts";
import type { CallOptions } from "./dataClient.ts";
import { type Live, makeWorkerLane } from "./workerLane.ts";

/**
 * The Monitor phase's handle on its worker. Monitoring a batch is stopped by terminating the
 * worker (nothing is stored before the end); a retrain or comparison is asked to stop first, so
 * its run is recorded as cancelled, and the worker is terminated if it has not stopped in time.
 */
export interface MonitorClient {
  monitor(req: MonitorRequest, call?: CallOptions): Promise<MonitorBatchRecord>;
  retest(
    batchId: string,
    overrides: Record<string, DriftOverride>,
    call?: CallOptions,
  ): Promise<MonitorBatchRecord>;
  retrain(req: RetrainRequest, call?: CallOptions): Promise<RetrainResult>;
  compare(req: CompareRequest, call?: CallOptions): Promise<MonitorDecision>;
  dispose(): void;
}

/** A stopped retrain or comparison that has not ended within this time ends with the worker. */
const CANCEL_GRACE_MS = 3000;

export function makeMonitorClient(): MonitorClient {
  const lane = makeWorkerLane<MonitorWorkerApi>(
    () =>
      new Worker(new URL("../../../workers/monitor.worker.ts", import.meta.url), {
        type: "module",
        name: "monitor",
      }),
    "The monitoring was stopped.",
  );
  const progress = (live: Live, call?: CallOptions) =>
    Comlink.proxy(live((p: Progress) => call?.onProgress?.(p)));

  function withId<T>(
    call: CallOptions | undefined,
    body: (api: Comlink.Remote<MonitorWorkerApi>, callId: string, live: Live) => Promise<T>,
  ): Promise<T> {
    const callId = crypto.randomUUID();
    return lane.run(
      call?.signal,
      (api, live) => body(api, callId, live),
      (api) => {
        void api.cancel(callId);
        const timer = setTimeout(() => {
          if (lane.current() === api) lane.dispose();
        }, CANCEL_GRACE_MS);
        return () => clearTimeout(timer);
      },
    );
  }

  return {
    monitor: (req, call) => lane.run(call?.signal, (w, live) => w.monitor(req, progress(live, call))),
    retest: (batchId, overrides, call) => lane.run(call?.signal, (w) => w.retest(batchId, overrides)),
    retrain: (req, call) => withId(call, (w, id, live) => w.retrain(id, req, progress(live, call))),
    compare: (req, call) => withId(call, (w, id, live) => w.compare(id, req, progress(live, call))),
    dispose: lane.dispose,
  };
}

/** The app's one monitor client. */
export const monitorClient = makeMonitorClient();
