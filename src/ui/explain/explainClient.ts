import * as Comlink from "comlink";
import type {
  ComputeWorkerApi,
  ExplainSetup,
  ExplainSource,
  PickedRow,
} from "../../../workers/computeApi.ts";
import type { ValueAnswer } from "../../core/automl/explain/explainValues.ts";
import type { PipelinePdp } from "../../core/automl/explain/pipelinePartialDependence.ts";
import type { RowValues } from "../../core/automl/explain/rowValues.ts";
import type { Progress } from "../../core/progress.ts";
import type { CallOptions } from "../bridges/dataClient.ts";
import { makeWorkerLane } from "../bridges/workerLane.ts";

/**
 * The explanation views' handle on their own compute worker (models and tables stay loaded there
 * between calls). What-if requests name a channel; the worker answers only the latest one of a
 * channel and null to those a newer one overtook. Partial dependence stops on abort without
 * terminating the worker, so a what-if edit meanwhile keeps its loaded model.
 */
export interface ExplainClient {
  open(source: ExplainSource, call?: CallOptions): Promise<ExplainSetup>;
  pickRow(source: ExplainSource, position: number, call?: CallOptions): Promise<PickedRow>;
  explain(source: ExplainSource, values: RowValues, channel: string): Promise<ValueAnswer | null>;
  partialDependence(
    source: ExplainSource,
    column: string,
    cls: string | null,
    call?: CallOptions,
  ): Promise<PipelinePdp>;
  dispose(): void;
}

export function makeExplainClient(): ExplainClient {
  const lane = makeWorkerLane<ComputeWorkerApi>(
    () =>
      new Worker(new URL("../../../workers/compute.worker.ts", import.meta.url), {
        type: "module",
        name: "explain",
      }),
    "The explanation was stopped.",
  );
  const seqs = new Map<string, number>();
  return {
    open: (source, call) => lane.run(call?.signal, (w) => w.openExplainer(source)),
    pickRow: (source, position, call) => lane.run(call?.signal, (w) => w.pickRow(source, position)),
    async explain(source, values, channel) {
      const seq = (seqs.get(channel) ?? 0) + 1;
      seqs.set(channel, seq);
      const out = await lane.run(undefined, (w) => w.explainValues(source, values, { channel, seq }));
      // A newer request of the channel may have been sent after this one was answered.
      return seqs.get(channel) === seq ? out : null;
    },
    partialDependence(source, column, cls, call) {
      const callId = crypto.randomUUID();
      return lane.run(
        call?.signal,
        (w, live) =>
          w.partialDependence(
            callId,
            source,
            column,
            cls,
            Comlink.proxy(live((p: Progress) => call?.onProgress?.(p))),
          ),
        (w) => {
          void w.cancel(callId);
          return undefined;
        },
      );
    },
    dispose: lane.dispose,
  };
}

/** The app's one explain client. */
export const explainClient = makeExplainClient();
