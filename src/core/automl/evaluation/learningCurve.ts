import type { Frame } from "../../data/frame.ts";
import { isAbortError, ValidationError } from "../../errors.ts";
import type { MetricId } from "../../framing/metrics.ts";
import { getModel, type ModelId, type ModelParams } from "../../models/registry.ts";
import { type LongCallOptions, makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import type { FoldJob } from "../ladder/foldJob.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { meanStd } from "../ladder/leaderboard.ts";
import { runFoldJob } from "../ladder/runFoldJob.ts";
import type { FoldRunner } from "../ladder/runLadder.ts";
import { curveFolds } from "./curveFolds.ts";

/** Options of `learningCurve`. */
export interface LearningCurveOptions extends LongCallOptions {
  /** Shares of each fold's training rows to train on (default 0.1, 0.325, 0.55, 0.775, 1). */
  fractions?: number[];
  /** Folds over the training part (default 3). */
  folds?: number;
  params?: ModelParams;
  /** Executor of the jobs (a worker pool); default in this thread. */
  runFold?: FoldRunner;
}

/** Training and validation scores against training-set size. */
export interface LearningCurve {
  model: ModelId;
  metric: MetricId;
  fractions: number[];
  /** Mean training rows at each fraction. */
  sizes: number[];
  trainMean: number[];
  trainStd: number[];
  validationMean: number[];
  validationStd: number[];
}

/** A seeded share of `rows`: per class for classes (at least one row each), the latest rows for time order. */
function subsample(
  rows: Int32Array,
  fraction: number,
  labels: Float64Array | null,
  timeOrdered: boolean,
  seed: number,
) {
  if (fraction >= 1) return rows;
  const m = Math.max(2, Math.round(rows.length * fraction));
  if (timeOrdered) return rows.subarray(rows.length - m);
  const rng = makeRng(seed);
  const groups = new Map<number, number[]>();
  for (const r of rows) {
    const key = labels ? labels[r] : 0;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const g = groups.get(key)!;
    for (let i = g.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [g[i], g[j]] = [g[j], g[i]];
    }
    out.push(...g.slice(0, Math.max(1, Math.round(g.length * fraction))));
  }
  return Int32Array.from(out.sort((a, b) => a - b));
}

/**
 * The learning curve of a model on a ladder plan: its own `folds` (default 3) over the training
 * part, and in each fold the model trained on growing seeded shares of the fold's training rows
 * (stratified for classes; the most recent rows for time-ordered plans), scored on the fold's
 * training subset and validation rows. A point that cannot be fitted (too few rows) is NaN.
 */
export async function learningCurve(
  frame: Frame,
  plan: LadderPlan,
  model: ModelId,
  opts: LearningCurveOptions = {},
): Promise<LearningCurve> {
  if (!getModel(model).tasks.includes(plan.task))
    throw new ValidationError(`model ${model} does not support ${plan.task}`);
  const fractions = opts.fractions ?? [0.1, 0.325, 0.55, 0.775, 1];
  const k = opts.folds ?? 3;
  const seed = deriveSeed(plan.seed, "learning-curve");
  const { folds, labels } = curveFolds(frame, plan, k, seed);
  const run: FoldRunner = opts.runFold ?? ((job, signal) => runFoldJob(frame, job, { signal }));
  const progress = makeThrottledProgress(opts.onProgress);
  const total = folds.length * fractions.length;
  const trainScores = fractions.map(() => [] as number[]);
  const validScores = fractions.map(() => [] as number[]);
  const sizes = fractions.map(() => [] as number[]);
  let done = 0;
  for (const [f, fold] of folds.entries()) {
    for (const [s, fraction] of fractions.entries()) {
      opts.signal?.throwIfAborted();
      const rows = subsample(fold.train, fraction, labels, plan.timeOrdered, deriveSeed(seed, f, s));
      const job: FoldJob = {
        model,
        params: opts.params ?? {},
        fold: f,
        folds: folds.length,
        train: rows,
        validation: fold.test,
        recipe: plan.recipe,
        target: plan.target,
        task: plan.task,
        classes: plan.classes,
        metric: plan.metric,
        seed: deriveSeed(plan.seed, model, "learning-curve", f, s),
        trainScore: true,
        keepPipeline: false,
      };
      sizes[s].push(rows.length);
      try {
        const result = await run(job, opts.signal);
        trainScores[s].push(result.trainScore ?? Number.NaN);
        validScores[s].push(result.score);
      } catch (err) {
        if (isAbortError(err) || opts.signal?.aborted) throw err;
        trainScores[s].push(Number.NaN);
        validScores[s].push(Number.NaN);
      }
      progress({
        phase: "learning-curve",
        done: ++done,
        total,
        message: `${model} · ${Math.round(fraction * 100)}% · fold ${f + 1} of ${folds.length}`,
      });
    }
  }
  const tr = trainScores.map(meanStd);
  const va = validScores.map(meanStd);
  return {
    model,
    metric: plan.metric,
    fractions,
    sizes: sizes.map((v) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length)),
    trainMean: tr.map((x) => x.mean),
    trainStd: tr.map((x) => x.std),
    validationMean: va.map((x) => x.mean),
    validationStd: va.map((x) => x.std),
  };
}
