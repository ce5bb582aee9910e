import * as Comlink from "comlink";
import type {
  DataWorkerApi,
  IngestOptions,
  IngestResult,
  IngestSource,
  PreviewPage,
  RecipePreviewView,
  SplitPictureView,
} from "../../../workers/dataApi.ts";
import type { ColumnKind } from "../../core/data/frame.ts";
import type { SplitConfig } from "../../core/prep/splits.ts";
import type { Recipe } from "../../core/prep/step.ts";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import type { Progress } from "../../core/progress.ts";
import { type Live, makeWorkerLane } from "./workerLane.ts";

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/**
 * The UI's handle on the data workers. Workers are made lazily; an aborted call terminates its
 * worker (the only way to stop work mid-chunk at once) and the next call makes a fresh one.
 */
export interface DataClient {
  ingest(
    projectId: string,
    source: IngestSource,
    opts: IngestOptions,
    call?: CallOptions,
  ): Promise<IngestResult>;
  preview(datasetId: string, start: number, count: number, call?: CallOptions): Promise<PreviewPage>;
  setColumnKind(
    datasetId: string,
    columnIndex: number,
    kind: ColumnKind,
    call?: CallOptions,
  ): Promise<IngestResult>;
  profile(datasetId: string, target: string | null, call?: CallOptions): Promise<FrameProfile>;
  plotSample(datasetId: string, size: number, call?: CallOptions): Promise<PlotSample>;
  proposeRecipe(datasetId: string, target: string | null, call?: CallOptions): Promise<Recipe>;
  previewRecipe(
    datasetId: string,
    recipe: Recipe,
    target: string | null,
    seed: number,
    call?: CallOptions,
  ): Promise<RecipePreviewView>;
  splitPicture(
    datasetId: string,
    split: SplitConfig,
    cells: number,
    call?: CallOptions,
  ): Promise<SplitPictureView>;
  /**
   * Lets the query worker drop the table it keeps between reads, without making a worker when
   * none runs: a run loads the table in its own coordinator, and at a million rows the kept copy
   * (~150 MB) would sit beside it for the whole run. The next read loads it again from storage.
   */
  forgetTables(): void;
  dispose(): void;
}

/** One data worker and the calls waiting on it; aborting a call terminates this lane's worker only. */
function makeLane(name: string) {
  const lane = makeWorkerLane<DataWorkerApi>(
    () => new Worker(new URL("../../../workers/data.worker.ts", import.meta.url), { type: "module", name }),
    "The data worker was stopped.",
  );
  const run = <T>(
    call: CallOptions | undefined,
    body: (api: Comlink.Remote<DataWorkerApi>, live: Live) => Promise<T>,
  ) => lane.run(call?.signal, body);
  return { run, current: lane.current, dispose: lane.dispose };
}

/**
 * Two lanes, each its own data worker: loading files, and everything that reads stored data.
 * Cancelling a query (a profile, a preview) then never kills a file load, and the other way round.
 */
export function makeDataClient(): DataClient {
  const loads = makeLane("data-load");
  const queries = makeLane("data-query");
  const run = queries.run;
  const dispose = () => {
    loads.dispose();
    queries.dispose();
  };

  const progressProxy = (live: Live, call?: CallOptions) =>
    Comlink.proxy(live(call?.onProgress ?? (() => {})));

  return {
    ingest: (projectId, source, opts, call) =>
      loads.run(call, (w, live) => w.ingest(projectId, source, opts, progressProxy(live, call))),
    preview: (datasetId, start, count, call) => run(call, (w) => w.preview(datasetId, start, count)),
    setColumnKind: (datasetId, columnIndex, kind, call) =>
      run(call, (w) => w.setColumnKind(datasetId, columnIndex, kind)),
    profile: (datasetId, target, call) =>
      run(call, (w, live) => w.profile(datasetId, target, progressProxy(live, call))),
    plotSample: (datasetId, size, call) => run(call, (w) => w.plotSample(datasetId, size)),
    proposeRecipe: (datasetId, target, call) => run(call, (w) => w.proposeRecipe(datasetId, target)),
    previewRecipe: (datasetId, recipe, target, seed, call) =>
      run(call, (w) => w.previewRecipe(datasetId, recipe, target, seed)),
    splitPicture: (datasetId, split, cells, call) =>
      run(call, (w) => w.splitPicture(datasetId, split, cells)),
    forgetTables() {
      // A worker that was stopped meanwhile has nothing left to forget.
      queries
        .current()
        ?.forget()
        .catch(() => {});
    },
    dispose,
  };
}

/** The app's one data client. */
export const dataClient = makeDataClient();
