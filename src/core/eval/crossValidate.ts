import { ValidationError } from "../errors.ts";
import { defaultMetric, getMetric, type MetricId } from "../framing/metrics.ts";
import type { Task } from "../framing/task.ts";
import type { Estimator, Matrix, Target } from "../models/estimator.ts";
import { type LongCallOptions, makeThrottledProgress } from "../progress.ts";
import { makeRng } from "../random.ts";
import type { Fold } from "./kFold.ts";
import { SCORERS } from "./metrics.ts";
import { takeRows, takeTarget, takeValues } from "./takeRows.ts";

/** Options of `crossValidate`, on top of signal and onProgress. */
export interface CrossValidateOptions extends LongCallOptions {
  /** Seeds each fold's fit (fold f gets its own seed drawn from this one). */
  seed?: number;
  sampleWeight?: Float64Array;
  /** Metric for the fold scores; default from the task (see `defaultMetric`). */
  metric?: MetricId;
  /** Score each fitted model on its own training rows as well (default true). */
  trainScores?: boolean;
  /** Keep the fitted fold models in the result (default false). */
  keepModels?: boolean;
}

/** Out-of-fold results of `crossValidate`. */
export interface CrossValidateResult {
  task: Task;
  metric: MetricId;
  /** Out-of-fold prediction per row; NaN for rows no fold tested (holdout, time series). */
  predictions: Float64Array;
  /** Out-of-fold probabilities, rows x nClasses, when the model gives them; NaN rows as above. */
  proba?: Float64Array;
  nClasses?: number;
  /** 1 for rows that some fold tested. */
  tested: Uint8Array;
  foldScores: number[];
  trainScores: number[];
  /** The metric over all tested rows' out-of-fold predictions together. */
  score: number;
  models?: Estimator[];
}

/** Classification when the target names its classes (two: binary), regression otherwise. */
export function taskOf(y: Target): Task {
  if (!y.classes) return "regression";
  return y.classes.length === 2 ? "binary" : "multiclass";
}

/**
 * Fits a fresh estimator per fold and collects out-of-fold predictions, probabilities and the
 * per-fold test and train scores. Checks the signal between folds and reports one progress step
 * per fold (phase "cross-validation").
 */
export async function crossValidate(
  makeEstimator: () => Estimator,
  X: Matrix,
  y: Target,
  folds: Fold[],
  opts: CrossValidateOptions = {},
): Promise<CrossValidateResult> {
  if (folds.length === 0) throw new ValidationError("invalid folds: 0");
  if (y.values.length !== X.rows) {
    throw new ValidationError(`invalid target: ${y.values.length} values for ${X.rows} rows`);
  }
  const task = taskOf(y);
  const metricId = opts.metric ?? defaultMetric(task);
  const metric = getMetric(metricId);
  if (!metric.tasks.includes(task)) throw new ValidationError(`metric ${metricId} does not apply to ${task}`);
  const k = y.classes?.length;
  const n = X.rows;
  const predictions = new Float64Array(n).fill(Number.NaN);
  const tested = new Uint8Array(n);
  let proba: Float64Array | undefined;
  const foldScores: number[] = [];
  const trainScores: number[] = [];
  const models: Estimator[] = [];
  const rng = makeRng(opts.seed ?? 0);
  const report = makeThrottledProgress(opts.onProgress);
  const weight = opts.sampleWeight;

  const scoreOn = (model: Estimator, Xs: Matrix, idx: Int32Array) => {
    const yPred = model.predict(Xs);
    const p = k !== undefined && model.predictProba ? model.predictProba(Xs) : undefined;
    if (metric.needsProba && !p)
      throw new ValidationError(`metric ${metricId} needs a model with probabilities`);
    const yTrue = takeValues(y.values, idx);
    const w = weight ? takeValues(weight, idx) : undefined;
    return { yPred, p, score: SCORERS[metricId]({ yTrue, yPred, proba: p, nClasses: k, weight: w }) };
  };

  report({ phase: "cross-validation", done: 0, total: folds.length });
  for (let f = 0; f < folds.length; f++) {
    opts.signal?.throwIfAborted();
    const { train, test } = folds[f];
    const Xtrain = takeRows(X, train);
    const model = makeEstimator();
    await model.fit(Xtrain, takeTarget(y, train), {
      signal: opts.signal,
      seed: rng.int(2 ** 31),
      sampleWeight: weight ? takeValues(weight, train) : undefined,
    });
    opts.signal?.throwIfAborted();
    const out = scoreOn(model, takeRows(X, test), test);
    foldScores.push(out.score);
    if (out.p && k !== undefined) {
      proba ??= new Float64Array(n * k).fill(Number.NaN);
      for (let r = 0; r < test.length; r++) proba.set(out.p.subarray(r * k, r * k + k), test[r] * k);
    }
    for (let r = 0; r < test.length; r++) {
      predictions[test[r]] = out.yPred[r];
      tested[test[r]] = 1;
    }
    if (opts.trainScores ?? true) trainScores.push(scoreOn(model, Xtrain, train).score);
    if (opts.keepModels) models.push(model);
    report({
      phase: "cross-validation",
      done: f + 1,
      total: folds.length,
      message: `fold ${f + 1} of ${folds.length}`,
      metrics: { [metricId]: out.score },
    });
  }

  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (tested[i]) rows.push(i);
  let testedProba: Float64Array | undefined;
  if (proba && k !== undefined) {
    testedProba = new Float64Array(rows.length * k);
    for (let r = 0; r < rows.length; r++)
      testedProba.set(proba.subarray(rows[r] * k, rows[r] * k + k), r * k);
  }
  const score = SCORERS[metricId]({
    yTrue: takeValues(y.values, rows),
    yPred: takeValues(predictions, rows),
    proba: testedProba,
    nClasses: k,
    weight: weight ? takeValues(weight, rows) : undefined,
  });
  return {
    task,
    metric: metricId,
    predictions,
    proba,
    nClasses: k,
    tested,
    foldScores,
    trainScores,
    score,
    models: opts.keepModels ? models : undefined,
  };
}
