import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { takeRows } from "../../eval/takeRows.ts";
import { getModel } from "../../models/registry.ts";
import { fitRecipe } from "../../pipeline/fitRecipe.ts";
import { recipeForModel } from "../../pipeline/recipeForModel.ts";
import { fittedRecipeToJSON } from "../../pipeline/recipeJson.ts";
import { toMatrix } from "../../pipeline/toMatrix.ts";
import { takeFrameRows } from "../../prep/columns.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import { sampleRows } from "../../profile/sample.ts";
import type { LongCallOptions } from "../../progress.ts";
import { scoreMetric } from "../evaluation/scoreMetrics.ts";
import type { FoldJob, FoldResult } from "./foldJob.ts";
import { matrixOf, predictIn } from "./predictIn.ts";

/** Training rows the train score reads at most (a seeded sample). */
export const TRAIN_SCORE_ROWS = 2000;

/**
 * Runs one fold job: fits the recipe on the job's training rows only and applies it unchanged to
 * its validation rows (so no statistic of a validation row reaches training), fits the model
 * (recipe row weights, e.g. class weights, become sample weights), predicts the validation rows
 * and scores them, and (when asked) a seeded sample of at most TRAIN_SCORE_ROWS training rows.
 * Plain data in and out, so a worker can run it on its copy of the frame.
 */
export async function runFoldJob(
  frame: Frame,
  job: FoldJob,
  opts: LongCallOptions = {},
): Promise<FoldResult> {
  const t0 = performance.now();
  const { signal } = opts;
  signal?.throwIfAborted();
  const spec = getModel(job.model);
  const fit = fitRecipe(recipeForModel(job.recipe, spec), takeFrameRows(frame, job.train), {
    target: job.target,
    task: job.task,
    seed: job.seed,
    signal,
  });
  if (!fit.y) throw new ValidationError(`no target "${job.target}" to train on`);
  const X = toMatrix(fit.frame, { names: fit.fitted.features });
  const model = spec.create(job.params, job.task);
  await model.fit(X, fit.y, {
    seed: job.seed,
    sampleWeight: fit.weights ?? undefined,
    signal,
    onProgress: opts.onProgress,
  });
  signal?.throwIfAborted();

  const own = fit.fitted.classes;
  const k = job.classes?.length;
  let trainScore: number | null = null;
  if (job.trainScore) {
    // A seeded sample is enough for the overfitting signal, and spares slow predictors (kNN).
    const pick = sampleRows(X.rows, TRAIN_SCORE_ROWS, job.seed);
    const Xs = pick.length === X.rows ? X : takeRows(X, pick);
    const out = predictIn(model, Xs, own, job.classes);
    const yFit = Float64Array.from(pick, (r) => fit.y!.values[r]);
    const yTrue = own ? Float64Array.from(yFit, (c) => job.classes!.indexOf(own[c])) : yFit;
    trainScore = scoreMetric(job.metric, { yTrue, yPred: out.predictions, proba: out.proba, nClasses: k });
  }

  let predictions: Float64Array = new Float64Array(0);
  let proba: Float64Array | null = job.classes ? new Float64Array(0) : null;
  let score = Number.NaN;
  if (job.validation.length > 0) {
    const valid = takeFrameRows(frame, job.validation);
    const out = predictIn(model, matrixOf(fit.fitted, valid, signal), own, job.classes);
    predictions = out.predictions;
    proba = out.proba;
    const targetCol = valid.columns.find((c) => c.name === job.target)!;
    const yTrue = encodeTarget(targetCol, job.task, job.classes ?? undefined).values;
    score = scoreMetric(job.metric, { yTrue, yPred: predictions, proba, nClasses: k });
  }

  const artifact = job.keepPipeline || spec.usesTfjs ? model.toJSON() : null;
  const backend = spec.usesTfjs
    ? String((artifact?.state as { backend?: string })?.backend ?? "") || null
    : null;
  return {
    model: job.model,
    fold: job.fold,
    validation: job.validation,
    predictions,
    proba,
    score,
    trainScore,
    params: { ...(model.params as object) },
    seconds: (performance.now() - t0) / 1000,
    backend,
    pipeline:
      job.keepPipeline && artifact ? { recipe: fittedRecipeToJSON(fit.fitted), model: artifact } : null,
  };
}
