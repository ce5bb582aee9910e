import type { MetricId } from "../../framing/metrics.ts";
import type { Artifact, Task } from "../../models/estimator.ts";
import type { ModelId, ModelParams } from "../../models/registry.ts";
import type { FittedRecipeJSON } from "../../pipeline/recipeJson.ts";
import type { Recipe } from "../../prep/step.ts";
import { deriveSeed } from "./deriveSeed.ts";
import type { LadderPlan } from "./ladderPlan.ts";

/** The fold number of the job that refits on the whole training part (and scores the test part). */
export const FINAL_FOLD = -1;

/**
 * One unit of ladder work as plain data, so a worker pool can run it against the frame it holds:
 * fit the recipe and the model on `train` rows, predict the `validation` rows.
 */
export interface FoldJob {
  model: ModelId;
  /** Params given for the model (merged over its defaults when it is created). */
  params: ModelParams;
  /** 0-based fold number, or FINAL_FOLD for the refit on the whole training part. */
  fold: number;
  /** Folds in the run, for progress messages. */
  folds: number;
  train: Int32Array;
  /** Rows to predict: the fold's validation rows, or the test part (maybe empty) for the final job. */
  validation: Int32Array;
  /** The run's recipe; the job switches off steps the model does not need (recipeForModel). */
  recipe: Recipe;
  target: string;
  task: Task;
  /** Classification: the run's class labels; predictions use their indices. */
  classes: string[] | null;
  metric: MetricId;
  /** Seed of the recipe's and the model's random choices, from (run seed, model, fold). */
  seed: number;
  /** Also score the model on its own training rows (the overfitting signal). */
  trainScore: boolean;
  /** Return the fitted recipe and model as JSON (for the artifact, or for inspection). */
  keepPipeline: boolean;
}

/** What a fold job gives back: plain data, safe to post between threads. */
export interface FoldResult {
  model: ModelId;
  fold: number;
  /** The job's validation rows, in the order of `predictions`. */
  validation: Int32Array;
  /** Regression: values. Classification: class indices into the run's classes. */
  predictions: Float64Array;
  /** Classification: rows x classes probabilities (run's class order); null otherwise. */
  proba: Float64Array | null;
  /** The job's metric on the validation rows (NaN when there are none). */
  score: number;
  /** The metric on the training rows, or null when not asked. */
  trainScore: number | null;
  /** The full params the model trained with (defaults filled in). */
  params: ModelParams;
  /** Wall time of the job: recipe, fit and predictions. */
  seconds: number;
  /** The tfjs backend that trained a tfjs model; null for others. */
  backend: string | null;
  pipeline: { recipe: FittedRecipeJSON; model: Artifact } | null;
}

/** The seed of a model's fold: the same whatever else runs, before or after. */
export function foldSeed(seed: number, model: ModelId, fold: number): number {
  return deriveSeed(seed, model, fold);
}

/**
 * The jobs of one model on a plan: one per cross-validation fold, then (when the plan has a test
 * part, or `final` asks) the refit on the whole training part that predicts the test part.
 */
export function foldJobs(
  plan: LadderPlan,
  model: ModelId,
  params: ModelParams = {},
  opts: { final?: boolean; keepPipeline?: boolean } = {},
): FoldJob[] {
  const common = {
    model,
    params,
    folds: plan.folds.length,
    recipe: plan.recipe,
    target: plan.target,
    task: plan.task,
    classes: plan.classes,
    metric: plan.metric,
  };
  const jobs: FoldJob[] = plan.folds.map((f, i) => ({
    ...common,
    fold: i,
    train: f.train,
    validation: f.test,
    seed: foldSeed(plan.seed, model, i),
    trainScore: true,
    keepPipeline: false,
  }));
  if (opts.final ?? plan.test.length > 0) jobs.push(finalJob(plan, model, params, opts.keepPipeline ?? true));
  return jobs;
}

/** The refit of a model on the whole training part, predicting the test part. */
export function finalJob(
  plan: LadderPlan,
  model: ModelId,
  params: ModelParams,
  keepPipeline = true,
): FoldJob {
  return {
    model,
    params,
    fold: FINAL_FOLD,
    folds: plan.folds.length,
    train: plan.train,
    validation: plan.test,
    recipe: plan.recipe,
    target: plan.target,
    task: plan.task,
    classes: plan.classes,
    metric: plan.metric,
    seed: foldSeed(plan.seed, model, FINAL_FOLD),
    trainScore: false,
    keepPipeline,
  };
}
