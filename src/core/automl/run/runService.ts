/**
 * The run service: owns a training run from its settings to its stored leaderboard. It creates
 * the run's record, plans and runs the ladder (fold jobs on whatever executor the caller gives),
 * checkpoints each finished model as it lands, and records how the run ended: done, cancelled
 * (the caller's signal) or failed (with the reason). A resume trains only what is missing and
 * blends the stored predictions of the models finished before. The app's train worker and the
 * CLI both call it; storage is the `RunStore` port.
 */
import type { Frame } from "../../data/frame.ts";
import { isAbortError, ValidationError } from "../../errors.ts";
import type { ModelEvaluation } from "../evaluation/evaluateModel.ts";
import type { LadderProgress } from "../ladder/ladderProgress.ts";
import type { EntryId, LeaderboardEntry } from "../ladder/leaderboard.ts";
import { ENSEMBLE_ID } from "../ladder/leaderboard.ts";
import { runFoldJob } from "../ladder/runFoldJob.ts";
import { type FoldRunner, type LadderResult, runLadder } from "../ladder/runLadder.ts";
import { keepingFinals, ladderOptions, modelParts } from "./runParts.ts";
import { validateRunSettings } from "./runSettings.ts";
import type { ModelParts, NewRun, RunRecord, RunStore } from "./runStore.ts";

/** How a run reaches its table and its fold executor. */
export interface RunServiceDeps {
  store: RunStore;
  /**
   * The table of a dataset and the executor of its fold jobs (a worker pool; left out, jobs run
   * in this thread). `onProgress` hears the jobs' own reports (epochs) when the executor has any.
   */
  open(
    datasetId: string,
    run: RunRecord,
    onProgress?: (p: LadderProgress) => void,
  ): Promise<{ frame: Frame; runFold?: FoldRunner }>;
  /** Keep each model's evaluation and insights (the charts' data) with it; default true. */
  charts?: boolean;
  /**
   * Make the best model's pipeline when no test part did (the refit on every training row);
   * default true. `train` without --out has no use for it: false skips that refit (same leaderboard).
   */
  pipeline?: boolean;
  /**
   * Keep each model's predictions, in the store (for a resumed run's ensemble) and the result;
   * default true. `train` reads none: false frees them before the refit (runLadder's keepPredictions).
   */
  predictions?: boolean;
}

/** Callbacks and the stop signal of one run. */
export interface RunCallbacks {
  /** Aborting it cancels the run: the checkpoints under way finish, the run ends "cancelled". */
  signal?: AbortSignal;
  onProgress?: (p: LadderProgress) => void;
  /** Each finished model, after it is checkpointed. */
  onEntry?: (entry: LeaderboardEntry) => void;
  /** The run as stored when it starts training (before any model finishes). */
  onStart?: (run: RunRecord) => void;
}

/** How a run ended. */
export interface RunOutcome {
  /** The run as stored at its end: done, cancelled (finished models kept) or failed. */
  run: RunRecord;
  /** The ladder's result when the run is done (plan, leaderboard, best pipeline); else null. */
  result: LadderResult | null;
  /** Why it did not finish (null when done): the AbortError of a cancel, or the failure. */
  error: unknown;
}

export interface RunService {
  /** Creates the run (settings validated) and trains it. Rejects only when the record cannot be made. */
  start(input: NewRun, callbacks?: RunCallbacks): Promise<RunOutcome>;
  /** Finishes a stopped run: its finished models are skipped, not retrained. */
  resume(runId: string, callbacks?: RunCallbacks): Promise<RunOutcome>;
  /**
   * Retrains one model of a run to rebuild its evaluation (for a record kept without one),
   * checkpoints it and returns it. The seeds make the numbers those of the run.
   */
  reevaluate(
    runId: string,
    model: EntryId,
    opts?: { signal?: AbortSignal; onProgress?: (p: LadderProgress) => void },
  ): Promise<ModelEvaluation>;
}

const reason = (err: unknown) => {
  const message = (err as Error | null)?.message;
  return typeof message === "string" && message !== "" ? message.split("\n")[0] : String(err);
};

/**
 * Checkpoints finished models one after another, in the order they finish, off the ladder's
 * synchronous `onResult`. The first failure (storage full) is kept and reported by `drain`.
 */
function checkpointQueue(store: RunStore, runId: string, onFailure: (err: unknown) => void) {
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  return {
    push(entry: LeaderboardEntry, parts: ModelParts, after: () => void) {
      chain = chain.then(async () => {
        if (failure) return;
        try {
          await store.checkpoint(runId, entry, parts);
          after();
        } catch (err) {
          failure = err;
          onFailure(err);
        }
      });
    },
    /** Waits for every queued checkpoint; throws the first failure. */
    async drain() {
      await chain;
      if (failure) throw failure;
    },
  };
}

/** The table's executor (in this thread, one job at a time, without one), keeping the refits. */
function executor(table: { frame: Frame; runFold?: FoldRunner }) {
  return keepingFinals(table.runFold ?? ((job, signal) => runFoldJob(table.frame, job, { signal })));
}

export function makeRunService(deps: RunServiceDeps): RunService {
  const { store } = deps;
  const charts = deps.charts ?? true;

  /**
   * The ladder of a stored run: each finished model is checkpointed (entry, pipeline, evaluation,
   * insights) before `onEntry` hears of it; on a cancel the checkpoints under way finish first,
   * then the AbortError goes on. A checkpoint that fails (storage full) stops the run with that
   * error. Without a test part only the best model gets refitted; its pipeline is kept too.
   */
  async function train(run: RunRecord, cb: RunCallbacks, controller: AbortController) {
    const settings = run.settings;
    const skip = run.entries;
    const skipPredictions =
      skip.length > 0
        ? await store.predictions(
            run.id,
            skip.map((e) => e.model),
          )
        : undefined;
    const table = await deps.open(run.datasetId, run, cb.onProgress);
    const { runFold, finals } = executor(table);
    const queue = checkpointQueue(store, run.id, () => controller.abort());
    // Models checkpointed with their pipeline (those refitted for a test part).
    const kept = new Set<string>();
    const seed = settings.split.seed;
    let result: LadderResult;
    try {
      result = await runLadder(table.frame, {
        ...ladderOptions(settings),
        skip,
        skipPredictions,
        runFold,
        concurrency: table.runFold ? undefined : 1,
        pipeline: deps.pipeline,
        keepPredictions: deps.predictions,
        signal: controller.signal,
        onProgress: cb.onProgress,
        onResult: (entry, predictions, pipeline) => {
          const parts = modelParts(entry, predictions, pipeline ?? finals.get(entry.model), seed, charts);
          if (deps.predictions === false) parts.predictions = null;
          if (parts.artifact) kept.add(entry.model);
          queue.push(entry, parts, () => cb.onEntry?.(entry));
        },
      });
    } catch (err) {
      await queue.drain();
      throw err;
    }
    await queue.drain();
    const best = result.best;
    if (best && result.pipeline && !kept.has(best.model)) {
      const parts = modelParts(best, null, result.pipeline, seed, charts);
      await store.checkpoint(run.id, best, { artifact: parts.artifact, insights: parts.insights });
    }
    return result;
  }

  /** Trains a stored "running" run and records how it ended. */
  async function drive(run: RunRecord, cb: RunCallbacks): Promise<RunOutcome> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(cb.signal?.reason);
    cb.signal?.addEventListener("abort", onAbort, { once: true });
    if (cb.signal?.aborted) onAbort();
    cb.onStart?.(run);
    try {
      const result = await train(run, cb, controller);
      return { run: await store.finish(run.id, "done"), result, error: null };
    } catch (err) {
      // Only the caller's cancel is a cancel; an AbortError from elsewhere (a lost GPU device) is a failure.
      const cancelled = Boolean(cb.signal?.aborted) && isAbortError(err);
      const stored = cancelled
        ? await store.finish(run.id, "cancelled")
        : await store.finish(run.id, "failed", { error: reason(err) });
      return { run: stored, result: null, error: err };
    } finally {
      cb.signal?.removeEventListener("abort", onAbort);
    }
  }

  return {
    async start(input, cb = {}) {
      cb.signal?.throwIfAborted();
      return drive(await store.create(input), cb);
    },

    async resume(runId, cb = {}) {
      cb.signal?.throwIfAborted();
      const stored = await store.get(runId);
      if (stored.status === "running") throw new ValidationError("This run is already training.");
      if (stored.status === "done") throw new ValidationError("This run has finished; start a new one.");
      // Stored settings go through the one validation too (a record from an older version, or damaged).
      validateRunSettings(stored.settings);
      return drive(await store.reopen(runId), cb);
    },

    async reevaluate(runId, model, opts = {}) {
      if (model === ENSEMBLE_ID) {
        throw new ValidationError(
          "The ensemble's evaluation is kept when it is built; resume or rerun the run to rebuild it.",
        );
      }
      const run = await store.get(runId);
      const table = await deps.open(run.datasetId, run, opts.onProgress);
      const { runFold, finals } = executor(table);
      const out: { entry?: LeaderboardEntry; parts?: ModelParts } = {};
      await runLadder(table.frame, {
        ...ladderOptions(run.settings),
        models: [model],
        ensemble: false,
        runFold,
        concurrency: table.runFold ? undefined : 1,
        signal: opts.signal,
        onProgress: opts.onProgress,
        onResult: (entry, predictions) => {
          out.entry = entry;
          out.parts = modelParts(entry, predictions, finals.get(entry.model), run.settings.split.seed);
        },
      });
      const evaluation = out.parts?.evaluation;
      if (!out.entry || !out.parts || !evaluation)
        throw new ValidationError(`model ${model} could not be evaluated`);
      await store.checkpoint(run.id, out.entry, out.parts);
      return evaluation;
    },
  };
}
