import * as Comlink from "comlink";
import type { PlanSummary, RunListeners, TrainWorkerApi } from "../../../workers/trainApi.ts";
import type { ModelEvaluation } from "../../core/automl/evaluation/evaluateModel.ts";
import type { LearningCurve } from "../../core/automl/evaluation/learningCurve.ts";
import type { PermutationImportance } from "../../core/automl/evaluation/permutationImportance.ts";
import type { LadderProgress } from "../../core/automl/ladder/ladderProgress.ts";
import type { EntryId, LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import type { RunSettings } from "../../core/automl/run/runSettings.ts";
import type { NewRun, RunRecord } from "../../core/automl/run/runStore.ts";
import { isAbortError } from "../../core/errors.ts";
import type { Progress } from "../../core/progress.ts";
import type { CallOptions } from "./dataClient.ts";
import { makeWorkerLane } from "./workerLane.ts";

/** Callbacks of a run: typed progress as it goes, each finished model (already stored) as it lands. */
export interface RunCallbacks {
  signal?: AbortSignal;
  onProgress?: (p: LadderProgress) => void;
  onEntry?: (entry: LeaderboardEntry) => void;
  /** The run record as stored when the run starts (before any model finishes). */
  onStart?: (run: RunRecord) => void;
}

/** A run to start: which project and table, with which settings. */
export type NewRunInput = NewRun;

/**
 * The UI's handle on training: it starts, cancels and observes; it writes nothing. The ladder runs
 * in a coordinator worker (made lazily) that owns the run's record through the run service
 * (created, checkpointed model by model, finished) and schedules fold jobs on a pool of nested
 * fold workers. A closed tab keeps the finished models; `resumeRun` trains only what is missing.
 * A cancel stops within a second: the coordinator terminates its busy fold workers, and if it does
 * not answer in time it is terminated, and a fresh one records the run as cancelled.
 */
export interface TrainClient {
  plan(datasetId: string, settings: RunSettings, call?: CallOptions): Promise<PlanSummary>;
  /** Resolves with the run as stored at its end: done, cancelled (finished models kept) or failed. */
  startRun(input: NewRunInput, callbacks?: RunCallbacks): Promise<RunRecord>;
  /** Finishes an interrupted or cancelled run: its finished models are skipped, not retrained. */
  resumeRun(runId: string, callbacks?: RunCallbacks): Promise<RunRecord>;
  evaluate(run: RunRecord, model: EntryId, call?: CallOptions): Promise<ModelEvaluation>;
  learningCurve(run: RunRecord, model: EntryId, call?: CallOptions): Promise<LearningCurve>;
  permutationImportance(run: RunRecord, model: EntryId, call?: CallOptions): Promise<PermutationImportance>;
  /** True while this tab trains the run. */
  isActive(runId: string): boolean;
  /** The runs as they are: one left "running" by no tab (a closed or reloaded one) becomes "interrupted". */
  settleRuns(runs: RunRecord[]): Promise<RunRecord[]>;
  dispose(): void;
}

/** A cancelled call that the coordinator does not end within this time ends with the worker. */
const CANCEL_GRACE_MS = 1000;

export function makeTrainClient(): TrainClient {
  const lane = makeWorkerLane<TrainWorkerApi>(
    () =>
      new Worker(new URL("../../../workers/train.worker.ts", import.meta.url), {
        type: "module",
        name: "train",
      }),
    "The training was stopped.",
  );
  const ensure = lane.ensure;
  const dispose = lane.dispose;
  const active = new Set<string>();

  /** One coordinator call with an id: an abort asks it to stop, then terminates it after a grace time. */
  function call<T>(
    signal: AbortSignal | undefined,
    body: (api: Comlink.Remote<TrainWorkerApi>, callId: string) => Promise<T>,
  ): Promise<T> {
    const callId = crypto.randomUUID();
    return lane.run(
      signal,
      (api) => body(api, callId),
      (api) => {
        void api.cancel(callId);
        const timer = setTimeout(() => {
          if (lane.current() === api) dispose();
        }, CANCEL_GRACE_MS);
        return () => clearTimeout(timer);
      },
    );
  }

  const progressProxy = (f?: (p: Progress) => void) => Comlink.proxy(f ?? (() => {}));

  /** Observes one run in the coordinator; a cancel that outlives the grace time is recorded by a fresh one. */
  async function observe(
    cb: RunCallbacks,
    body: (
      api: Comlink.Remote<TrainWorkerApi>,
      callId: string,
      listeners: RunListeners,
    ) => Promise<RunRecord>,
  ): Promise<RunRecord> {
    // Set by the coordinator's first report; a holder, since the closure sets it.
    const seen: { run: RunRecord | null } = { run: null };
    const listeners: RunListeners = {
      onStart: (run) => {
        seen.run = run;
        active.add(run.id);
        cb.onStart?.(run);
      },
      onProgress: (p) => cb.onProgress?.(p),
      onEntry: (e) => cb.onEntry?.(e),
    };
    try {
      return await call(cb.signal, (api, id) => body(api, id, Comlink.proxy(listeners)));
    } catch (err) {
      const run = seen.run;
      if (!(run && cb.signal?.aborted && isAbortError(err))) throw err;
      const [stored] = await ensure().settle([run], [run.id]);
      return stored;
    } finally {
      if (seen.run) active.delete(seen.run.id);
    }
  }

  return {
    plan: (datasetId, settings, opts) => call(opts?.signal, (api) => api.plan(datasetId, settings)),

    startRun: (input, cb = {}) => observe(cb, (api, id, listeners) => api.start(id, input, listeners)),

    async resumeRun(runId, cb = {}) {
      if (active.has(runId)) throw new Error("This run is already training.");
      return observe(cb, (api, id, listeners) => api.resume(id, runId, listeners));
    },

    evaluate: (run, model, opts) =>
      call(opts?.signal, (api, id) => api.evaluate(id, run.id, model, progressProxy(opts?.onProgress))),
    learningCurve: (run, model, opts) =>
      call(opts?.signal, (api, id) =>
        api.learningCurve(id, run.datasetId, run.settings, model, progressProxy(opts?.onProgress)),
      ),
    permutationImportance: (run, model, opts) =>
      call(opts?.signal, (api, id) =>
        api.permutationImportance(id, run.id, model, progressProxy(opts?.onProgress)),
      ),

    isActive: (runId) => active.has(runId),

    async settleRuns(runs) {
      if (!runs.some((r) => r.status === "running" && !active.has(r.id))) return runs;
      return ensure().settle(runs);
    },

    dispose,
  };
}

/** The app's one train client. */
export const trainClient = makeTrainClient();
