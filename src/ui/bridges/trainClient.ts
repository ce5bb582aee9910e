import * as Comlink from "comlink";
import type { PlanSummary, TrainWorkerApi } from "../../../workers/trainApi.ts";
import type { ModelEvaluation } from "../../core/automl/evaluation/evaluateModel.ts";
import type { LearningCurve } from "../../core/automl/evaluation/learningCurve.ts";
import type { PermutationImportance } from "../../core/automl/evaluation/permutationImportance.ts";
import type { EntryId, LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import { isAbortError } from "../../core/errors.ts";
import type { Progress } from "../../core/progress.ts";
import { createRun, finishRun, interruptRun, reopenRun } from "../../persist/runs.ts";
import type { RunRecord, RunSettings } from "../../persist/types.ts";
import { getDb } from "../shared/appDb.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import type { CallOptions } from "./dataClient.ts";

/** Callbacks of a run: progress as it goes, each finished model (already stored) as it lands. */
export interface RunCallbacks {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  onEntry?: (entry: LeaderboardEntry) => void;
  /** The run record as stored when the run starts (before any model finishes). */
  onStart?: (run: RunRecord) => void;
}

/** A run to start: which project and table, with which settings. */
export interface NewRunInput {
  projectId: string;
  datasetId: string;
  settings: RunSettings;
}

/**
 * The UI's handle on training. The page only draws: the ladder runs in a coordinator worker (made
 * lazily) that schedules fold jobs on a pool of nested fold workers. A run's record lives in
 * IndexedDB from its start, and each finished model is checkpointed there as it lands, so a closed
 * tab keeps them; `resumeRun` trains only what is missing. A cancel stops within a second: the
 * coordinator terminates its busy fold workers, and if it does not answer in time it is terminated.
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

const lockName = (runId: string) => `automl-run:${runId}`;

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}
const locks = (): LockManagerLike | undefined =>
  (globalThis.navigator as unknown as { locks?: LockManagerLike } | undefined)?.locks;

export function makeTrainClient(): TrainClient {
  let worker: Worker | undefined;
  let remote: Comlink.Remote<TrainWorkerApi> | undefined;
  const pending = new Set<(reason: unknown) => void>();
  const active = new Set<string>();

  const ensure = () => {
    if (!remote) {
      worker = new Worker(new URL("../../../workers/train.worker.ts", import.meta.url), {
        type: "module",
        name: "train",
      });
      remote = Comlink.wrap<TrainWorkerApi>(worker);
    }
    return remote;
  };
  const dispose = () => {
    worker?.terminate();
    worker = undefined;
    remote = undefined;
    const rejects = [...pending];
    pending.clear();
    for (const reject of rejects) reject(new DOMException("The training was stopped.", "AbortError"));
  };

  /** One coordinator call with an id: an abort asks it to stop, then terminates it after a grace time. */
  function call<T>(
    signal: AbortSignal | undefined,
    body: (api: Comlink.Remote<TrainWorkerApi>, callId: string) => Promise<T>,
  ): Promise<T> {
    signal?.throwIfAborted();
    const api = ensure();
    const callId = crypto.randomUUID();
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        void api.cancel(callId);
        timer = setTimeout(() => {
          if (remote === api) dispose();
        }, CANCEL_GRACE_MS);
      };
      const settle = () => {
        clearTimeout(timer);
        pending.delete(reject);
        signal?.removeEventListener("abort", onAbort);
      };
      pending.add(reject);
      signal?.addEventListener("abort", onAbort, { once: true });
      body(api, callId).then(
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

  const progressProxy = (f?: (p: Progress) => void) => Comlink.proxy(f ?? (() => {}));

  /** Trains the missing models of a stored run and records how it ended. */
  async function drive(run: RunRecord, cb: RunCallbacks): Promise<RunRecord> {
    active.add(run.id);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    void locks()?.request(lockName(run.id), () => held);
    cb.onStart?.(run);
    try {
      await call(cb.signal, (api, callId) =>
        api.run(
          callId,
          run.id,
          run.datasetId,
          run.settings,
          run.entries,
          progressProxy(cb.onProgress),
          Comlink.proxy((e: LeaderboardEntry) => cb.onEntry?.(e)),
        ),
      );
      return await finishRun(await getDb(), run.id, "done");
    } catch (err) {
      // Only the person's cancel is a cancel; an AbortError from elsewhere (a lost GPU device) is a failure.
      if (cb.signal?.aborted && isAbortError(err)) return await finishRun(await getDb(), run.id, "cancelled");
      return await finishRun(await getDb(), run.id, "failed", { error: errorMessage(err) });
    } finally {
      active.delete(run.id);
      release();
    }
  }

  return {
    plan: (datasetId, settings, opts) => call(opts?.signal, (api) => api.plan(datasetId, settings)),

    async startRun(input, cb = {}) {
      cb.signal?.throwIfAborted();
      const run = await createRun(await getDb(), input);
      return drive(run, cb);
    },

    async resumeRun(runId, cb = {}) {
      if (active.has(runId)) throw new Error("This run is already training.");
      return drive(await reopenRun(await getDb(), runId), cb);
    },

    evaluate: (run, model, opts) =>
      call(opts?.signal, (api, id) =>
        api.evaluate(id, run.id, run.datasetId, run.settings, model, progressProxy(opts?.onProgress)),
      ),
    learningCurve: (run, model, opts) =>
      call(opts?.signal, (api, id) =>
        api.learningCurve(id, run.datasetId, run.settings, model, progressProxy(opts?.onProgress)),
      ),
    permutationImportance: (run, model, opts) =>
      call(opts?.signal, (api, id) =>
        api.permutationImportance(
          id,
          run.id,
          run.datasetId,
          run.settings,
          model,
          progressProxy(opts?.onProgress),
        ),
      ),

    isActive: (runId) => active.has(runId),

    async settleRuns(runs) {
      if (!runs.some((r) => r.status === "running" && !active.has(r.id))) return runs;
      const held = new Set(((await locks()?.query())?.held ?? []).map((l) => l.name));
      const db = await getDb();
      return Promise.all(
        runs.map((r) =>
          r.status === "running" && !active.has(r.id) && !held.has(lockName(r.id))
            ? interruptRun(db, r.id)
            : r,
        ),
      );
    },

    dispose,
  };
}

/** The app's one train client. */
export const trainClient = makeTrainClient();
