import * as Comlink from "comlink";
import type {
  BoundaryColumns,
  BoundarySource,
  BoundaryView,
  BoundaryWorkerApi,
} from "../../../workers/boundaryApi.ts";
import type { BoundaryRequest } from "../../core/automl/boundary/fitBoundary.ts";
import type { ValidationCurve } from "../../core/automl/boundary/validationCurve.ts";
import type { ModelId } from "../../core/models/modelMeta.ts";
import type { CallOptions } from "../bridges/dataClient.ts";
import { makeWorkerLane } from "../bridges/workerLane.ts";

const lane = makeWorkerLane<BoundaryWorkerApi>(
  () =>
    new Worker(new URL("../../../workers/boundary.worker.ts", import.meta.url), {
      type: "module",
      name: "boundary",
    }),
  "The playground's worker was stopped.",
);

let calls = 0;
const nextId = () => `boundary-${++calls}`;
/** An abort asks the worker to stop the call (the worker stays, with its prepared rows). */
const cancelIn = (id: string) => (api: Comlink.Remote<BoundaryWorkerApi>) => {
  void api.cancel(id);
  return undefined;
};

/** The UI's handle on the boundary worker, made on first use. */
export const boundaryClient = {
  /** Prepares the playground's rows for a source and lists their columns. */
  prepare(source: BoundarySource, signal?: AbortSignal): Promise<BoundaryColumns> {
    return lane.run(
      signal,
      (api) => api.prepare(source),
      () => undefined,
    );
  },

  /** One fit; an abort (or a newer fit) cancels it in the worker. */
  fit(source: BoundarySource, request: BoundaryRequest, withPoints: boolean, signal?: AbortSignal) {
    const id = nextId();
    return lane.run<BoundaryView>(signal, (api) => api.fit(id, source, request, withPoints), cancelIn(id));
  },

  /** The validation curve of a model over one of its sliders, with progress. */
  validationCurve(
    source: BoundarySource,
    model: ModelId,
    param: string | null,
    call?: CallOptions,
  ): Promise<ValidationCurve> {
    const id = nextId();
    const onProgress = call?.onProgress;
    return lane.run(
      call?.signal,
      (api, live) =>
        api.validationCurve(id, source, model, param, onProgress && Comlink.proxy(live(onProgress))),
      cancelIn(id),
    );
  },
};
