import type { Frame } from "../../data/frame.ts";
import { getMetric, type MetricId } from "../../eval/metrics.ts";
import { getModel, type ModelId, type ModelParams } from "../../models/registry.ts";
import { takeColumnRows, takeFrameRows } from "../../prep/columns.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import { type LongCallOptions, makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import { type LoadedPipeline, loadPipeline } from "../artifact/loadPipeline.ts";
import { makePipelineArtifact } from "../artifact/pipelineArtifact.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import { finalJob, foldJobs } from "../ladder/foldJob.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { meanStd } from "../ladder/leaderboard.ts";
import { matrixOf, predictIn } from "../ladder/predictIn.ts";
import { runFoldJob } from "../ladder/runFoldJob.ts";
import type { FoldRunner } from "../ladder/runLadder.ts";
import { scoreMetric } from "./scoreMetrics.ts";

/** Options of `permutationImportance`. */
export interface PermutationImportanceOptions extends LongCallOptions {
  /** Shuffles per column, averaged (default 5). */
  repeats?: number;
  /** Metric to score with; default the plan's. */
  metric?: MetricId;
  params?: ModelParams;
  /** Rows scored per part at most (a seeded sample; default 5,000). */
  maxRows?: number;
  /** Executor of the refits (a worker pool); default in this thread. */
  runFold?: FoldRunner;
}

/** How much each raw input column matters: the score lost when its values are shuffled. */
export interface PermutationImportance {
  model: ModelId;
  metric: MetricId;
  /** "test": the refitted model on the test part; "oof": each fold's model on its validation rows. */
  part: "test" | "oof";
  /** The unshuffled score (mean over folds for "oof"). */
  baseline: number;
  /** Largest mean loss first; a loss is positive when shuffling makes the score worse, whatever the metric's direction. */
  columns: { column: string; mean: number; std: number }[];
}

/** Per input column, the score loss of each repeat, for one fitted pipeline on some rows. */
function lossesOn(
  frame: Frame,
  pipeline: LoadedPipeline,
  rows: Int32Array,
  metric: MetricId,
  repeats: number,
  seed: number,
  signal?: AbortSignal,
): { baseline: number; losses: Map<string, number[]> } {
  const { recipe, model } = pipeline;
  const part = takeFrameRows(frame, rows);
  const target = part.columns.find((c) => c.name === recipe.target)!;
  const classes = recipe.classes;
  const yTrue = encodeTarget(target, recipe.task!, classes ?? undefined).values;
  const sign = getMetric(metric).direction === "higher" ? 1 : -1;
  const score = (f: Frame) => {
    const out = predictIn(model, matrixOf(recipe, f, signal), classes, classes);
    return scoreMetric(metric, {
      yTrue,
      yPred: out.predictions,
      proba: out.proba,
      nClasses: classes?.length,
    });
  };
  const baseline = score(part);
  const rng = makeRng(seed);
  const losses = new Map<string, number[]>();
  for (const input of recipe.inputs) {
    const index = part.columns.findIndex((c) => c.name === input.name);
    const list: number[] = [];
    for (let r = 0; r < repeats; r++) {
      signal?.throwIfAborted();
      const perm = Int32Array.from({ length: part.rows }, (_, i) => i);
      for (let i = perm.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      const columns = part.columns.slice();
      columns[index] = takeColumnRows(part.columns[index], perm);
      list.push(sign * (baseline - score({ rows: part.rows, columns })));
    }
    losses.set(input.name, list);
  }
  return { baseline, losses };
}

/** At most `max` of `rows`, a seeded sample in row order. */
function capRows(rows: Int32Array, max: number, seed: number): Int32Array {
  if (rows.length <= max) return rows;
  const rng = makeRng(seed);
  const pick = Int32Array.from(rows);
  for (let i = 0; i < max; i++) {
    const j = i + rng.int(pick.length - i);
    [pick[i], pick[j]] = [pick[j], pick[i]];
  }
  return pick.subarray(0, max).sort();
}

/**
 * Permutation importance of every raw input column (Breiman 2001; scikit-learn's
 * `permutation_importance`), so a one-hot encoded category counts as one column. With a test
 * part: the model refitted on the whole training part (or `pipeline`, when given), scored on the
 * test rows. Without: each cross-validation fold's model on its own validation rows, averaged.
 * Each column is shuffled `repeats` times with seeded shuffles.
 */
export async function permutationImportance(
  frame: Frame,
  plan: LadderPlan,
  model: ModelId,
  opts: PermutationImportanceOptions & { pipeline?: LoadedPipeline } = {},
): Promise<PermutationImportance> {
  const metric = opts.metric ?? plan.metric;
  const repeats = opts.repeats ?? 5;
  const maxRows = opts.maxRows ?? 5000;
  const seed = deriveSeed(plan.seed, model, "permutation");
  const run: FoldRunner = opts.runFold ?? ((job, signal) => runFoldJob(frame, job, { signal }));
  const progress = makeThrottledProgress(opts.onProgress);
  const withTest = plan.test.length > 0;
  const jobs = withTest
    ? [{ ...finalJob(plan, model, opts.params ?? {}), validation: new Int32Array(0) }]
    : foldJobs(plan, model, opts.params ?? {}, { final: false }).map((j) => ({
        ...j,
        validation: new Int32Array(0),
        trainScore: false,
        keepPipeline: true,
      }));
  const evalRows = withTest ? [plan.test] : plan.folds.map((f) => f.test);
  const baselines: number[] = [];
  const losses = new Map<string, number[]>();
  for (const [i, job] of jobs.entries()) {
    opts.signal?.throwIfAborted();
    progress({
      phase: "permutation",
      done: i,
      total: jobs.length,
      message: `${model} · part ${i + 1} of ${jobs.length}`,
    });
    let pipeline = withTest ? opts.pipeline : undefined;
    if (!pipeline) {
      const result = await run(job, opts.signal);
      const parts = result.pipeline!;
      pipeline = loadPipeline(
        makePipelineArtifact({
          recipe: parts.recipe,
          model: parts.model,
          modelId: model,
          label: getModel(model).label,
          metric,
          seed: plan.seed,
        }),
      );
    }
    const rows = capRows(evalRows[i], maxRows, deriveSeed(seed, "rows", i));
    const out = lossesOn(frame, pipeline, rows, metric, repeats, deriveSeed(seed, i), opts.signal);
    baselines.push(out.baseline);
    for (const [name, list] of out.losses) losses.set(name, [...(losses.get(name) ?? []), ...list]);
  }
  progress({ phase: "permutation", done: jobs.length, total: jobs.length, message: model });
  const columns = [...losses.entries()]
    .map(([column, list]) => ({ column, ...meanStd(list) }))
    .sort((a, b) => (b.mean || 0) - (a.mean || 0) || a.column.localeCompare(b.column));
  return { model, metric, part: withTest ? "test" : "oof", baseline: meanStd(baselines).mean, columns };
}
