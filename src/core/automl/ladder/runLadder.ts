import type { Frame } from "../../data/frame.ts";
import { isAbortError, ValidationError } from "../../errors.ts";
import type { ModelId, ModelParams, ModelSpec } from "../../models/registry.ts";
import { type LongCallOptions, makeThrottledProgress, type Progress } from "../../progress.ts";
import { makePipelineArtifact, type PipelineArtifact } from "../artifact/pipelineArtifact.ts";
import type { ModelPredictions } from "../evaluation/modelPredictions.ts";
import type { Criterion } from "../framing/criterion.ts";
import { FINAL_FOLD, type FoldJob, type FoldResult, finalJob, foldJobs } from "./foldJob.ts";
import { ladderModels } from "./ladderModels.ts";
import { type LadderPlan, type PlanOptions, planLadder } from "./ladderPlan.ts";
import { type LeaderboardEntry, sortLeaderboard } from "./leaderboard.ts";
import { failedEntry, modelEntry } from "./modelEntry.ts";
import { runFoldJob } from "./runFoldJob.ts";

/** Runs one fold job somewhere (a worker pool, or in-process by default). */
export type FoldRunner = (job: FoldJob, signal?: AbortSignal) => Promise<FoldResult>;

/** Options of `runLadder`: the plan's (target, recipe, folds, testSize, split, seed, metric) and these. */
export interface LadderOptions extends PlanOptions, LongCallOptions {
  /** Models to try, in ladder order whatever order they are given in; default the whole ladder. */
  models?: readonly string[];
  /** Params per model, over the model's defaults. */
  params?: Partial<Record<ModelId, ModelParams>>;
  /** Success criterion to check on each entry. */
  criterion?: Criterion | null;
  /** Called with each finished entry (and its predictions) as soon as it is done. */
  onResult?: (entry: LeaderboardEntry, predictions: ModelPredictions | null) => void;
  /** Entries finished by an earlier run with the same settings: kept in place, not rerun. */
  skip?: readonly LeaderboardEntry[];
  /** Executor of fold jobs; default `runFoldJob` in this thread, one job at a time. */
  runFold?: FoldRunner;
  /** Jobs of one model in flight at once; default 1 in-process, all of them with `runFold`. */
  concurrency?: number;
}

/** What a ladder run gives. */
export interface LadderResult {
  plan: LadderPlan;
  /** Best first (see `sortLeaderboard`). */
  leaderboard: LeaderboardEntry[];
  /** The same entries in ladder order. */
  entries: LeaderboardEntry[];
  /** The best entry with a finite score, or null. */
  best: LeaderboardEntry | null;
  /** The best model's pipeline refitted on the whole training part. */
  pipeline: PipelineArtifact | null;
  /** Out-of-fold and test predictions of the models trained in this run (not the skipped ones). */
  predictions: Partial<Record<ModelId, ModelPredictions>>;
}

/** Runs `jobs` with at most `limit` in flight; results in job order. */
async function runAll(
  jobs: FoldJob[],
  run: (job: FoldJob) => Promise<FoldResult>,
  limit: number,
): Promise<FoldResult[]> {
  const results: FoldResult[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await run(jobs[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, lane));
  return results;
}

const jobName = (job: FoldJob) =>
  job.fold === FINAL_FOLD
    ? `${job.model} · refit and test part`
    : `${job.model} · fold ${job.fold + 1} of ${job.folds}`;

/**
 * The model ladder: for each model, simplest first, K-fold cross-validation on the training part
 * (each fold fits the recipe and the model on its own training rows only), then a refit on the
 * whole training part scored on the held-back test part. Entries reach `onResult` as they finish;
 * at the end the leaderboard is sorted and the best model's pipeline built. Every model's seed is
 * derived from (seed, model, fold), so the same frame, options and seed give the same leaderboard
 * (fit_seconds aside) whichever models ran before, and a resumed run (`skip`) matches a full one.
 * A model that fails gets an entry with `error` and NaN scores; an abort throws AbortError, and
 * the entries finished before it have already gone to `onResult`.
 */
export async function runLadder(frame: Frame, opts: LadderOptions): Promise<LadderResult> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const plan = planLadder(frame, opts);
  const specs = ladderModels(plan.task, opts.models);
  if (specs.length === 0) {
    throw new ValidationError(`none of the models ${opts.models?.join(", ") ?? ""} handles ${plan.task}`);
  }
  const skip = new Map((opts.skip ?? []).map((e) => [e.model, e]));
  const paramsOf = (id: ModelId) => opts.params?.[id] ?? {};
  const jobsOf = new Map<ModelId, FoldJob[]>(
    specs.filter((s) => !skip.has(s.id)).map((s) => [s.id, foldJobs(plan, s.id, paramsOf(s.id))]),
  );
  const totalJobs = [...jobsOf.values()].reduce((s, j) => s + j.length, 0);
  const foldProgress = makeThrottledProgress(opts.onProgress);
  const modelProgress = (p: Progress) => opts.onProgress?.(p);
  const runner: FoldRunner = opts.runFold ?? ((job, sig) => runFoldJob(frame, job, { signal: sig }));
  const limit = opts.concurrency ?? (opts.runFold ? Number.POSITIVE_INFINITY : 1);

  const entries: LeaderboardEntry[] = [];
  const predictions: Partial<Record<ModelId, ModelPredictions>> = {};
  let kept: { model: ModelId; pipeline: NonNullable<FoldResult["pipeline"]> } | null = null;
  let jobsDone = 0;
  for (const [m, spec] of specs.entries()) {
    signal?.throwIfAborted();
    const done = skip.get(spec.id);
    if (done) {
      entries.push(done);
      continue;
    }
    const jobs = jobsOf.get(spec.id)!;
    const before = jobsDone;
    let entry: LeaderboardEntry;
    let modelPredictions: ModelPredictions | null = null;
    try {
      const results = await runAll(
        jobs,
        async (job) => {
          signal?.throwIfAborted();
          foldProgress({ phase: "fold", done: jobsDone, total: totalJobs, message: jobName(job) });
          const result = await runner(job, signal);
          signal?.throwIfAborted();
          jobsDone++;
          foldProgress({
            phase: "fold",
            done: jobsDone,
            total: totalJobs,
            message: jobName(job),
            metrics: Number.isFinite(result.score) ? { [plan.metric]: result.score } : undefined,
          });
          return result;
        },
        limit,
      );
      const out = modelEntry(frame, plan, spec, results, opts.criterion);
      entry = out.entry;
      modelPredictions = out.predictions;
      predictions[spec.id] = out.predictions;
      const final = results.find((r) => r.fold === FINAL_FOLD)?.pipeline;
      if (final && isBest(entry, entries, plan)) kept = { model: spec.id, pipeline: final };
    } catch (err) {
      if (isAbortError(err) || signal?.aborted) throw err;
      jobsDone = before + jobs.length;
      entry = failedEntry(plan, spec, (err as Error)?.message ?? String(err), opts.criterion);
    }
    entries.push(entry);
    opts.onResult?.(entry, modelPredictions);
    modelProgress({
      phase: "model",
      done: m + 1,
      total: specs.length,
      message: spec.label,
      metrics: Number.isFinite(entry.cv_mean) ? { [plan.metric]: entry.cv_mean } : undefined,
    });
  }

  const leaderboard = sortLeaderboard(entries, plan.metric);
  const best = leaderboard.find((e) => Number.isFinite(e.cv_mean)) ?? null;
  let pipeline: PipelineArtifact | null = null;
  if (best) {
    let parts = kept?.model === best.model ? kept.pipeline : null;
    if (!parts) {
      // No test part (or the best was a skipped entry): one more fit, of the best, on every training row.
      signal?.throwIfAborted();
      const job = { ...finalJob(plan, best.model, paramsOf(best.model)), validation: new Int32Array(0) };
      modelProgress({
        phase: "refit",
        done: 0,
        total: 1,
        message: `${best.model} · refit on the training part`,
      });
      parts = (await runner(job, signal)).pipeline;
      modelProgress({ phase: "refit", done: 1, total: 1, message: best.model });
    }
    const spec = specs.find((s) => s.id === best.model) as ModelSpec;
    if (parts) {
      pipeline = makePipelineArtifact({
        recipe: parts.recipe,
        model: parts.model,
        modelId: best.model,
        label: spec.label,
        metric: plan.metric,
        seed: plan.seed,
        leaderboard,
      });
    }
  }
  return { plan, leaderboard, entries, best, pipeline, predictions };
}

/** True when `entry` beats every finished entry so far (so its refit is the one worth keeping). */
function isBest(entry: LeaderboardEntry, before: LeaderboardEntry[], plan: LadderPlan): boolean {
  return sortLeaderboard([...before, entry], plan.metric)[0] === entry;
}
