import type { Frame } from "../../data/frame.ts";
import { isAbortError, ValidationError } from "../../errors.ts";
import type { MetricId } from "../../framing/metrics.ts";
import { getModel, type ModelId, type ModelParams } from "../../models/registry.ts";
import { type LongCallOptions, makeThrottledProgress } from "../../progress.ts";
import { curveFolds } from "../evaluation/curveFolds.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import type { FoldJob } from "../ladder/foldJob.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { meanStd } from "../ladder/leaderboard.ts";
import { runFoldJob } from "../ladder/runFoldJob.ts";
import type { FoldRunner } from "../ladder/runLadder.ts";
import { sliderParam, slidersOf, sweepValues } from "./playgroundParams.ts";

/** Options of `validationCurve`. */
export interface ValidationCurveOptions extends LongCallOptions {
  /** The hyperparameter to vary: a playground slider's name (default the model's first slider). */
  param?: string;
  /** Its values (default `sweepValues` of the slider, 7 points). */
  values?: number[];
  /** Folds over the training part (default 3). */
  folds?: number;
  /** The model's other params (the run's), kept fixed. */
  params?: ModelParams;
  /** Executor of the jobs (a worker pool); default in this thread. */
  runFold?: FoldRunner;
}

/** Training and validation scores against one hyperparameter's value. */
export interface ValidationCurve {
  model: ModelId;
  metric: MetricId;
  /** The slider's name and label, and whether its axis is logarithmic. */
  param: string;
  label: string;
  log: boolean;
  values: number[];
  trainMean: number[];
  trainStd: number[];
  validationMean: number[];
  validationStd: number[];
}

/**
 * The validation curve of a model on a ladder plan (after scikit-learn's `validation_curve`): its
 * own seeded `folds` (default 3, stratified for classes, in time order for time-ordered plans)
 * over the training part, and at each value of one hyperparameter the model (with the project's
 * recipe, as in the ladder) fitted on each fold's training rows and scored on them and on the
 * fold's validation rows. A point that cannot be fitted is NaN.
 */
export async function validationCurve(
  frame: Frame,
  plan: LadderPlan,
  model: ModelId,
  opts: ValidationCurveOptions = {},
): Promise<ValidationCurve> {
  if (!getModel(model).tasks.includes(plan.task))
    throw new ValidationError(`model ${model} does not support ${plan.task}`);
  const sliders = slidersOf(model);
  const slider = opts.param ? sliders.find((s) => s.name === opts.param) : sliders[0];
  if (!slider) throw new ValidationError(`no hyperparameter "${opts.param ?? ""}" to vary for ${model}`);
  const values = opts.values ?? sweepValues(slider);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
    throw new ValidationError(`invalid values for ${slider.name}`);
  const k = opts.folds ?? 3;
  const seed = deriveSeed(plan.seed, "validation-curve");
  const { folds } = curveFolds(frame, plan, k, seed);
  const run: FoldRunner = opts.runFold ?? ((job, signal) => runFoldJob(frame, job, { signal }));
  const progress = makeThrottledProgress(opts.onProgress);
  const total = folds.length * values.length;
  const trainScores = values.map(() => [] as number[]);
  const validScores = values.map(() => [] as number[]);
  let done = 0;
  for (const [v, value] of values.entries()) {
    for (const [f, fold] of folds.entries()) {
      opts.signal?.throwIfAborted();
      const job: FoldJob = {
        model,
        params: { ...opts.params, ...sliderParam(slider.name, value) },
        fold: f,
        folds: folds.length,
        train: fold.train,
        validation: fold.test,
        recipe: plan.recipe,
        target: plan.target,
        task: plan.task,
        classes: plan.classes,
        metric: plan.metric,
        // The same fold seed at every value: the curve moves with the parameter, not the draw.
        seed: deriveSeed(plan.seed, model, "validation-curve", f),
        trainScore: true,
        keepPipeline: false,
      };
      try {
        const result = await run(job, opts.signal);
        trainScores[v].push(result.trainScore ?? Number.NaN);
        validScores[v].push(result.score);
      } catch (err) {
        if (isAbortError(err) || opts.signal?.aborted) throw err;
        trainScores[v].push(Number.NaN);
        validScores[v].push(Number.NaN);
      }
      progress({
        phase: "validation-curve",
        done: ++done,
        total,
        message: `${model} · ${slider.label} ${value} · fold ${f + 1} of ${folds.length}`,
      });
    }
  }
  const tr = trainScores.map(meanStd);
  const va = validScores.map(meanStd);
  return {
    model,
    metric: plan.metric,
    param: slider.name,
    label: slider.label,
    log: slider.scale === "log",
    values,
    trainMean: tr.map((x) => x.mean),
    trainStd: tr.map((x) => x.std),
    validationMean: va.map((x) => x.mean),
    validationStd: va.map((x) => x.std),
  };
}
