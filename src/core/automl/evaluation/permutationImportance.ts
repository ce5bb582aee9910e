import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { permutationLosses } from "../../eval/permutationImportance.ts";
import { getMetric, type MetricId } from "../../framing/metrics.ts";
import { getModel, type ModelId, type ModelParams } from "../../models/registry.ts";
import { takeColumnRows, takeFrameRows } from "../../prep/columns.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import { capRows } from "../../profile/sample.ts";
import { type LongCallOptions, makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import { type LoadedPipeline, loadPipeline } from "../artifact/loadPipeline.ts";
import { makeEnsembleArtifact, makePipelineArtifact } from "../artifact/pipelineArtifact.ts";
import { predictFrame } from "../artifact/predictFrame.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import { type FoldResult, finalJob, foldJobs } from "../ladder/foldJob.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { ENSEMBLE_ID, type EntryId, meanStd } from "../ladder/leaderboard.ts";
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
  /** The ensemble's weights by member (its entry's `params.weights`); required for the ensemble. */
  weights?: Partial<Record<ModelId, number>>;
  /** Params per member model, for the ensemble's refits. */
  memberParams?: Partial<Record<ModelId, ModelParams>>;
}

/** How much each raw input column matters: the score lost when its values are shuffled. */
export interface PermutationImportance {
  model: EntryId;
  metric: MetricId;
  /** "test": the refitted model on the test part; "oof": each fold's model on its validation rows. */
  part: "test" | "oof";
  /** The unshuffled score (mean over folds for "oof"). */
  baseline: number;
  /** Largest mean loss first; a loss is positive when shuffling makes the score worse, whatever the metric's direction. */
  columns: { column: string; mean: number; std: number }[];
}

/**
 * A pipeline's predictions moved from its file's class order to the run's (`to[c]`: the run's
 * index of the file's class c), so that a binary metric's positive class is the run's.
 */
function inRunOrder(out: ReturnType<typeof predictFrame>, to: number[] | null) {
  if (!to || to.every((t, c) => t === c)) return out;
  const k = to.length;
  const proba = out.proba && new Float64Array(out.proba.length);
  if (proba && out.proba)
    for (let i = 0; i < proba.length; i += k) for (let c = 0; c < k; c++) proba[i + to[c]] = out.proba[i + c];
  return { predictions: out.predictions.map((c) => to[c]), proba };
}

/** Per input column, the score loss of each repeat, for one fitted pipeline on some rows. */
function lossesOn(
  frame: Frame,
  pipeline: LoadedPipeline,
  rows: Int32Array,
  metric: MetricId,
  repeats: number,
  seed: number,
  runClasses: string[] | null,
  signal?: AbortSignal,
): { baseline: number; losses: Map<string, number[]> } {
  const { artifact } = pipeline;
  const part = takeFrameRows(frame, rows);
  const target = part.columns.find((c) => c.name === artifact.target)!;
  // Scored in the run's class order (binary: its positive class last), whatever the file's.
  const classes = artifact.classes && runClasses ? runClasses : artifact.classes;
  const to = artifact.classes && classes ? artifact.classes.map((c) => classes.indexOf(c)) : null;
  const yTrue = encodeTarget(target, artifact.task, classes ?? undefined).values;
  const sign = getMetric(metric).direction === "higher" ? 1 : -1;
  const score = (f: Frame) => {
    const out = inRunOrder(predictFrame(pipeline, f, signal), to);
    return scoreMetric(metric, {
      yTrue,
      yPred: out.predictions,
      proba: out.proba,
      nClasses: classes?.length,
    });
  };
  const baseline = score(part);
  const indices = artifact.inputs.map((input) => part.columns.findIndex((c) => c.name === input.name));
  const lists = permutationLosses(
    indices.length,
    part.rows,
    { repeats, rng: makeRng(seed), signal },
    (j, order) => {
      const columns = part.columns.slice();
      columns[indices[j]] = takeColumnRows(part.columns[indices[j]], order);
      return sign * (baseline - score({ rows: part.rows, columns }));
    },
  );
  const losses = new Map(artifact.inputs.map((input, j) => [input.name, lists[j]]));
  return { baseline, losses };
}

/**
 * Permutation importance of every raw input column (Breiman 2001; scikit-learn's
 * `permutation_importance`), so a one-hot encoded category counts as one column. With a test
 * part: the model refitted on the whole training part (or `pipeline`, when given), scored on the
 * test rows. Without: each cross-validation fold's model on its own validation rows, averaged.
 * Each column is shuffled `repeats` times with seeded shuffles. The ensemble is scored as a
 * whole: its members refitted the same way and blended with its weights.
 */
export async function permutationImportance(
  frame: Frame,
  plan: LadderPlan,
  model: EntryId,
  opts: PermutationImportanceOptions & { pipeline?: LoadedPipeline } = {},
): Promise<PermutationImportance> {
  const metric = opts.metric ?? plan.metric;
  const repeats = opts.repeats ?? 5;
  const maxRows = opts.maxRows ?? 5000;
  const seed = deriveSeed(plan.seed, model, "permutation");
  const run: FoldRunner = opts.runFold ?? ((job, signal) => runFoldJob(frame, job, { signal }));
  const progress = makeThrottledProgress(opts.onProgress);
  const withTest = plan.test.length > 0;
  const weights: Partial<Record<ModelId, number>> =
    model === ENSEMBLE_ID ? (opts.weights ?? {}) : { [model]: 1 };
  const ids = (Object.keys(weights) as ModelId[]).filter((id) => (weights[id] ?? 0) > 0);
  if (ids.length === 0) throw new ValidationError("the ensemble has no members to score");
  const paramsOf = (id: ModelId) => (model === ENSEMBLE_ID ? opts.memberParams?.[id] : opts.params) ?? {};
  const jobsOf = (id: ModelId) =>
    withTest
      ? [{ ...finalJob(plan, id, paramsOf(id)), validation: new Int32Array(0) }]
      : foldJobs(plan, id, paramsOf(id), { final: false }).map((j) => ({
          ...j,
          validation: new Int32Array(0),
          trainScore: false,
          keepPipeline: true,
        }));
  const memberJobs = ids.map(jobsOf);
  const parts = memberJobs[0].length;
  const evalRows = withTest ? [plan.test] : plan.folds.map((f) => f.test);
  const baselines: number[] = [];
  const losses = new Map<string, number[]>();
  for (let i = 0; i < parts; i++) {
    opts.signal?.throwIfAborted();
    progress({
      phase: "permutation",
      done: i,
      total: parts,
      message: `${model} · part ${i + 1} of ${parts}`,
    });
    let pipeline = withTest ? opts.pipeline : undefined;
    if (!pipeline) {
      const fitted: NonNullable<FoldResult["pipeline"]>[] = [];
      for (const jobs of memberJobs) fitted.push((await run(jobs[i], opts.signal)).pipeline!);
      pipeline = loadPipeline(
        model === ENSEMBLE_ID
          ? makeEnsembleArtifact({
              members: ids.map((id, j) => ({
                modelId: id,
                label: getModel(id).label,
                weight: weights[id]!,
                ...fitted[j],
              })),
              metric,
              classes: plan.classes,
              seed: plan.seed,
            })
          : makePipelineArtifact({
              ...fitted[0],
              modelId: model,
              label: getModel(model).label,
              metric,
              seed: plan.seed,
            }),
      );
    }
    const rows = capRows(evalRows[i], maxRows, deriveSeed(seed, "rows", i));
    const out = lossesOn(
      frame,
      pipeline,
      rows,
      metric,
      repeats,
      deriveSeed(seed, i),
      plan.classes,
      opts.signal,
    );
    baselines.push(out.baseline);
    for (const [name, list] of out.losses) losses.set(name, [...(losses.get(name) ?? []), ...list]);
  }
  progress({ phase: "permutation", done: parts, total: parts, message: model });
  const columns = [...losses.entries()]
    .map(([column, list]) => ({ column, ...meanStd(list) }))
    .sort((a, b) => (b.mean || 0) - (a.mean || 0) || a.column.localeCompare(b.column));
  return { model, metric, part: withTest ? "test" : "oof", baseline: meanStd(baselines).mean, columns };
}
