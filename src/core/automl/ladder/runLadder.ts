import type { Frame } from "../../data/frame.ts";
import { isAbortError, ValidationError } from "../../errors.ts";
import type { Criterion } from "../../framing/criterion.ts";
import type { ModelId, ModelParams, ModelSpec } from "../../models/registry.ts";
import { makeThrottledProgress } from "../../progress.ts";
import {
  makeEnsembleArtifact,
  makePipelineArtifact,
  type PipelineArtifact,
} from "../artifact/pipelineArtifact.ts";
import { type EnsembleMember, ensembleEntry } from "../ensemble/ensembleEntry.ts";
import type { ModelPredictions } from "../evaluation/modelPredictions.ts";
import { finalParamsOf, isTuned, tuneModel } from "../tune/tuneModel.ts";
import type { ModelTuning } from "../tune/tuning.ts";
import { makeFoldCache } from "./foldCache.ts";
import { FINAL_FOLD, type FoldJob, type FoldResult, finalJob, foldJobs } from "./foldJob.ts";
import { ladderModels } from "./ladderModels.ts";
import { type LadderPlan, type PlanOptions, planLadder } from "./ladderPlan.ts";
import type { LadderProgress } from "./ladderProgress.ts";
import { blendWeights, ENSEMBLE_ID, type LeaderboardEntry, sortLeaderboard } from "./leaderboard.ts";
import { failedEntry, modelEntry } from "./modelEntry.ts";
import { runFoldJob } from "./runFoldJob.ts";
import { makeGate, trialReporter } from "./tuneProgress.ts";

/** Runs one fold job somewhere (a worker pool, or in-process by default). */
export type FoldRunner = (job: FoldJob, signal?: AbortSignal) => Promise<FoldResult>;

/** Options of `runLadder`: the plan's (target, recipe, folds, testSize, split, seed, metric) and these. */
export interface LadderOptions extends PlanOptions {
  signal?: AbortSignal;
  /** Typed reports: which model and fold, in which phase (see `LadderProgress`). */
  onProgress?: (p: LadderProgress) => void;
  /** Models to try, in ladder order whatever order they are given in; default the whole ladder. */
  models?: readonly string[];
  /** Params per model, over the model's defaults. */
  params?: Partial<Record<ModelId, ModelParams>>;
  /** Success criterion to check on each entry. */
  criterion?: Criterion | null;
  /**
   * Called with each finished entry (and its predictions) as soon as it is done; for the
   * ensemble, also its pipeline when its members were refitted for a test part.
   */
  onResult?: (
    entry: LeaderboardEntry,
    predictions: ModelPredictions | null,
    pipeline?: PipelineArtifact | null,
  ) => void;
  /** Entries finished by an earlier run with the same settings: kept in place, not rerun. */
  skip?: readonly LeaderboardEntry[];
  /** The predictions of the skipped entries, so the ensemble can blend them too. */
  skipPredictions?: Partial<Record<string, ModelPredictions>>;
  /**
   * Add the ensemble rung after the models (default true): a weighted blend of the finished
   * models chosen by greedy ensemble selection on out-of-fold predictions (see `ensembleEntry`).
   */
  ensemble?: boolean;
  /**
   * Refit the best model (or the ensemble's members) on every training row when no test part did,
   * for `LadderResult.pipeline` (default true). false skips that refit (a caller that keeps no
   * model, such as `train` without --out): the leaderboard and predictions are the same, and
   * `pipeline` stays null unless the test part's refits already made it.
   */
  pipeline?: boolean;
  /**
   * Keep each model's predictions in `LadderResult.predictions` (default true). false: each still
   * goes to `onResult`, and serves the ensemble rung when there is one, but none is held after
   * that, so the best model's refit runs without them (a caller that reads none: the command line;
   * at a million rows they are ~36 MB a model).
   */
  keepPredictions?: boolean;
  /** Executor of fold jobs; default `runFoldJob` in this thread, one job at a time. */
  runFold?: FoldRunner;
  /** Jobs of one model in flight at once; default 1 in-process, all of them with `runFold`. */
  concurrency?: number;
  /**
   * Candidates per model of the hyperparameter search (nested successive halving, see
   * src/core/automl/tune), or a function of the model id; 0 or 1 (the default) trains a model on
   * its defaults only.
   */
  tune?: number | ((model: ModelId) => number);
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
  /**
   * Out-of-fold and test predictions of the models trained in this run (not the skipped ones);
   * empty when `keepPredictions` is false.
   */
  predictions: Partial<Record<string, ModelPredictions>>;
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

const jobFields = (job: FoldJob) =>
  ({ phase: "fold", model: job.model, fold: job.fold, folds: job.folds }) as const;

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
  const modelProgress = (p: LadderProgress) => opts.onProgress?.(p);
  // In this thread, models with the same recipe share each fold's fitted recipe and matrix.
  const cache = opts.runFold ? undefined : makeFoldCache();
  const runner: FoldRunner = opts.runFold ?? ((job, sig) => runFoldJob(frame, job, { signal: sig, cache }));
  const limit = opts.concurrency ?? (opts.runFold ? Number.POSITIVE_INFINITY : 1);

  // Tuned jobs share one gate, so a model's trials run `limit` at a time as its folds do.
  const gate = makeGate(limit);
  const tunings = new Map<string, ModelTuning>();
  const trialsOf = (id: ModelId) => (typeof opts.tune === "function" ? opts.tune(id) : (opts.tune ?? 0));
  const searchOf = (spec: ModelSpec) => ({
    frame,
    plan,
    spec,
    params: paramsOf(spec.id),
    trials: trialsOf(spec.id),
    run: (job: FoldJob) => gate(() => runner(job, signal)),
    signal,
  });
  const tunedResults = async (spec: ModelSpec, onJob: (job: FoldJob, r: FoldResult) => void) => {
    const { results, tuning } = await tuneModel({
      ...searchOf(spec),
      onTrial: trialReporter(plan, spec.id, trialsOf(spec.id), foldProgress),
      onFold: onJob,
    });
    tunings.set(spec.id, tuning);
    return results;
  };

  const entries: LeaderboardEntry[] = [];
  const predictions: Partial<Record<string, ModelPredictions>> = {};
  // Each model's refit on the whole training part, when the plan has a test part (the ensemble's members).
  const finals = new Map<ModelId, NonNullable<FoldResult["pipeline"]>>();
  // Blending needs two models; a time-ordered plan gets none (see `ensembleEntry`).
  const withEnsemble = (opts.ensemble ?? true) && specs.length >= 2 && !plan.timeOrdered;
  const keepPredictions = opts.keepPredictions ?? true;
  const rungs = specs.length + (withEnsemble ? 1 : 0);
  let jobsDone = 0;

  /**
   * One model's rung: its jobs (or its search), its entry (to `entries` and `onResult`), its
   * predictions (kept for the ensemble rung or the caller). A function of its own, not the loop's
   * body: a suspended async function keeps its whole register file, with the registers of
   * block-scoped variables long out of scope (V8), so as the loop's body the last model's fold
   * results and predictions stayed reachable from this function's frame while it awaited the
   * refit (at a million rows 28 + 36 MB, the peak of a run with --out). Here they go when the rung ends.
   */
  const runModel = async (m: number, spec: ModelSpec): Promise<void> => {
    const jobs = jobsOf.get(spec.id)!;
    const before = jobsDone;
    let entry: LeaderboardEntry;
    let modelPredictions: ModelPredictions | null = null;
    try {
      const tuned = isTuned(spec, plan, trialsOf(spec.id));
      const onJob = (job: FoldJob, result: FoldResult) => {
        jobsDone++;
        foldProgress({
          ...jobFields(job),
          done: jobsDone,
          total: totalJobs,
          message: jobName(job),
          metrics: Number.isFinite(result.score) ? { [plan.metric]: result.score } : undefined,
        });
      };
      const results = tuned
        ? await tunedResults(spec, onJob)
        : await runAll(
            jobs,
            async (job) => {
              signal?.throwIfAborted();
              foldProgress({ ...jobFields(job), done: jobsDone, total: totalJobs, message: jobName(job) });
              const result = await runner(job, signal);
              signal?.throwIfAborted();
              onJob(job, result);
              return result;
            },
            limit,
          );
      const out = modelEntry(frame, plan, spec, results, opts.criterion);
      entry = out.entry;
      const tuning = tunings.get(spec.id);
      if (tuning) {
        entry.tuning = tuning;
        // Seconds of work over every job, the search's trials included.
        entry.fit_seconds += tuning.trials.reduce((sum, t) => sum + t.seconds, 0);
        // The params of the refit on the whole training part (the folds' choice), shown and kept.
        entry.params = results.find((r) => r.fold === FINAL_FOLD)?.params ?? entry.params;
      }
      modelPredictions = out.predictions;
      if (keepPredictions || withEnsemble) predictions[spec.id] = out.predictions;
      const final = results.find((r) => r.fold === FINAL_FOLD)?.pipeline;
      if (final) finals.set(spec.id, final);
    } catch (err) {
      if (isAbortError(err) || signal?.aborted) throw err;
      jobsDone = before + jobs.length;
      entry = failedEntry(plan, spec, (err as Error)?.message ?? String(err), opts.criterion);
    }
    entries.push(entry);
    opts.onResult?.(entry, modelPredictions);
    modelProgress({
      phase: "model",
      model: spec.id,
      done: m + 1,
      total: rungs,
      message: spec.label,
      metrics: Number.isFinite(entry.cv_mean) ? { [plan.metric]: entry.cv_mean } : undefined,
    });
  };

  /** The ensemble rung (see `ensembleEntry`); a function of its own for the same reason as `runModel`. */
  const ensembleRung = (): void => {
    const done = skip.get(ENSEMBLE_ID);
    if (done) entries.push(done);
    else {
      const members: EnsembleMember[] = [];
      for (const e of entries) {
        const p = predictions[e.model] ?? opts.skipPredictions?.[e.model];
        if (p) members.push({ entry: e, predictions: p });
      }
      const out = ensembleEntry(plan, members, opts.criterion);
      if (out) {
        entries.push(out.entry);
        predictions[ENSEMBLE_ID] = out.predictions;
        const ids = Object.keys(out.weights) as ModelId[];
        const artifact = ids.every((id) => finals.has(id))
          ? ensembleArtifact(out.entry, (id) => finals.get(id)!, plan, specs)
          : null;
        opts.onResult?.(out.entry, out.predictions, artifact);
      }
    }
    modelProgress({ phase: "model", model: ENSEMBLE_ID, done: rungs, total: rungs, message: "Ensemble" });
  };

  for (const [m, spec] of specs.entries()) {
    signal?.throwIfAborted();
    const done = skip.get(spec.id);
    if (done) entries.push(done);
    else await runModel(m, spec);
  }
  if (withEnsemble) {
    signal?.throwIfAborted();
    ensembleRung();
  }
  // Nothing reads them from here on but the caller, who asked for none.
  if (!keepPredictions) for (const id of Object.keys(predictions)) delete predictions[id];

  /** A refit's params: the defaults, or for a tuned model the winner of a search on the whole training part. */
  const refitParams = (id: ModelId) => {
    const tuning = entries.find((e) => e.model === id)?.tuning;
    if (!tuning) return paramsOf(id);
    const spec = specs.find((sp) => sp.id === id)!;
    return finalParamsOf({ spec, params: paramsOf(id) }, tuning);
  };
  const leaderboard = sortLeaderboard(entries, plan.metric);
  const best = leaderboard.find((e) => Number.isFinite(e.cv_mean)) ?? null;
  let pipeline: PipelineArtifact | null = null;
  if (best) {
    const ids = best.model === ENSEMBLE_ID ? memberIds(best) : [best.model];
    const missing = opts.pipeline === false ? [] : ids.filter((id) => !finals.has(id));
    for (const [i, id] of missing.entries()) {
      // No test part (or a skipped entry): one more fit on every training row.
      signal?.throwIfAborted();
      const params = refitParams(id);
      const job = { ...finalJob(plan, id, params), validation: new Int32Array(0) };
      modelProgress({
        phase: "refit",
        model: id,
        done: i,
        total: missing.length,
        message: `${id} · refit on the training part`,
      });
      const parts = (await runner(job, signal)).pipeline;
      if (parts) finals.set(id, parts);
      modelProgress({ phase: "refit", model: id, done: i + 1, total: missing.length, message: id });
    }
    if (ids.every((id) => finals.has(id))) {
      pipeline =
        best.model === ENSEMBLE_ID
          ? ensembleArtifact(best, (id) => finals.get(id)!, plan, specs, leaderboard)
          : singleArtifact(best.model, finals.get(best.model)!, plan, specs, leaderboard);
    }
  }
  return { plan, leaderboard, entries, best, pipeline, predictions };
}

/** The models an ensemble entry blends (those with a positive weight), in ladder order. */
export function memberIds(entry: LeaderboardEntry): ModelId[] {
  const blend = entry.ensemble;
  return blend ? blend.members.filter((_, i) => blend.weights[i] > 0) : [];
}

const labelOf = (specs: ModelSpec[], id: ModelId) => specs.find((s) => s.id === id)?.label ?? id;

function singleArtifact(
  id: ModelId,
  parts: NonNullable<FoldResult["pipeline"]>,
  plan: LadderPlan,
  specs: ModelSpec[],
  leaderboard: LeaderboardEntry[],
) {
  return makePipelineArtifact({
    recipe: parts.recipe,
    model: parts.model,
    modelId: id,
    label: labelOf(specs, id),
    metric: plan.metric,
    seed: plan.seed,
    leaderboard,
  });
}

/** The file of an ensemble entry from its members' refitted pipelines. */
function ensembleArtifact(
  entry: LeaderboardEntry,
  partsOf: (id: ModelId) => NonNullable<FoldResult["pipeline"]>,
  plan: LadderPlan,
  specs: ModelSpec[],
  leaderboard?: LeaderboardEntry[],
) {
  const weights = blendWeights(entry);
  return makeEnsembleArtifact({
    members: memberIds(entry).map((id) => ({
      modelId: id,
      label: labelOf(specs, id),
      weight: weights[id]!,
      recipe: partsOf(id).recipe,
      model: partsOf(id).model,
    })),
    metric: plan.metric,
    classes: plan.classes,
    seed: plan.seed,
    leaderboard,
  });
}
