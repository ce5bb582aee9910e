import { type Frame, missingTest } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { takeRows } from "../../eval/takeRows.ts";
import type { Estimator, FitOptions, Matrix, Target } from "../../models/estimator.ts";
import { loadModelSpec } from "../../models/loadModelSpec.ts";
import type { ModelSpec } from "../../models/registry.ts";
import type { RowSource } from "../../models/trees/rowSource.ts";
import { fitRecipe } from "../../pipeline/fitRecipe.ts";
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import { recipeForModel } from "../../pipeline/recipeForModel.ts";
import { fittedRecipeToJSON } from "../../pipeline/recipeJson.ts";
import { forEachRecipeBlock, recipeMatrix, refitsRowByRow } from "../../pipeline/recipeRows.ts";
import { toMatrix } from "../../pipeline/toMatrix.ts";
import { takeColumnRows, takeFrameRows } from "../../prep/columns.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import { sampleRows } from "../../profile/sample.ts";
import type { LongCallOptions } from "../../progress.ts";
import { scoreMetric } from "../evaluation/scoreMetrics.ts";
import { type FoldCache, type FoldInput, foldInputKey } from "./foldCache.ts";
import type { FoldJob, FoldResult } from "./foldJob.ts";
import { matrixOf, predictIn } from "./predictIn.ts";

/** Training rows the train score reads at most (a seeded sample). */
export const TRAIN_SCORE_ROWS = 2000;
/**
 * The same for a model whose prediction costs as much per row as its validation rows' (kNN
 * searches every training row for each): 2,000 rows were more than a fold's validation rows, and
 * the train score was 55-60% of kNN's fold work (wa_churn- and lending_club-like, 5 folds). With
 * 500 the mean train ROC AUC over the folds moved 0.8597 -> 0.8646 and 0.9271 -> 0.9289 (every
 * training row: 0.8571 and 0.9281); its spread over 200 other seeds grew from 0.0027 / 0.0020 to
 * 0.0076 / 0.0050, small beside the overfitting rule's 0.05 gap. Tables of up to 500 training rows
 * are scored on every row, as before.
 */
export const COSTLY_TRAIN_SCORE_ROWS = 500;
const COSTLY_PREDICTORS: ReadonlySet<string> = new Set(["knn"]);

/** Training rows the train score of `model` reads at most. */
export const trainScoreRows = (model: string) =>
  COSTLY_PREDICTORS.has(model) ? COSTLY_TRAIN_SCORE_ROWS : TRAIN_SCORE_ROWS;

/**
 * Above this many bytes (the training rows of the table, 8 bytes a cell; the validation matrix)
 * a fold goes by row blocks (recipeRows.ts) instead of whole recipe outputs: at a million rows the
 * one-hot table and its matrix, alive together, were most of a fold's memory. Smaller folds take
 * the plain path.
 */
export const BLOCKED_MATRIX_BYTES = 32 * 2 ** 20;

/** Options of `runFoldJob`. */
export interface FoldJobOptions extends LongCallOptions {
  /** Matrices above this many bytes go by row blocks (default BLOCKED_MATRIX_BYTES; tests lower it). */
  blockedBytes?: number;
  /** Rows per block on that path (default RECIPE_BLOCK_ROWS). */
  blockRows?: number;
  /**
   * Called as each stage of the job begins, so that a caller with a clock (the ladder bench) can
   * charge the work between two calls to a stage; "done" ends the last one.
   */
  onStage?: (stage: FoldStage) => void;
  /** Fitted recipes and training matrices shared with the run's other jobs (in-process runs). */
  cache?: FoldCache;
}

/**
 * The stages of a fold job, in order: fitting the recipe and making the model's input, fitting
 * the model, scoring the training sample, predicting and scoring the validation rows, saving the
 * model's artifact (a refit's pipeline, or a tfjs model's backend).
 */
export type FoldStage = "recipe" | "fit" | "train_score" | "validation" | "artifact" | "done";

/** When and how to go by row blocks. */
interface Blocks {
  limit: number;
  blockRows?: number;
}

/**
 * The fold's fitted recipe, target and weights, and the model's input: the training matrix (null
 * once it may be freed), or for a big one and a model that bins its input, a source of its rows
 * made a block at a time (`rows`: the raw rows behind them).
 */
interface TrainingPart {
  fitted: FittedRecipe;
  y: Target;
  weights: Float64Array | null;
  X: Matrix | null;
  source: { rows: Int32Array; of: RowSource } | null;
  /** The cache's entry these came from or went into, when a cache holds them. */
  shared?: FoldInput;
}

/** A model that can also fit on a RowSource (gbdt). */
interface RowsFitter {
  fitRows(source: RowSource, y: Target, opts?: FitOptions): unknown;
}

const fitsRows = (model: Estimator): model is Estimator & RowsFitter =>
  typeof (model as Partial<RowsFitter>).fitRows === "function";

/**
 * Runs one fold job: fits the recipe on the job's training rows only and applies it unchanged to
 * its validation rows (so no statistic of a validation row reaches training), fits the model
 * (recipe row weights, e.g. class weights, become sample weights), predicts the validation rows
 * and scores them, and (when asked) a seeded sample of at most `trainScoreRows` training rows.
 * Plain data in and out, so a worker can run it on its copy of the frame.
 */
export async function runFoldJob(frame: Frame, job: FoldJob, opts: FoldJobOptions = {}): Promise<FoldResult> {
  const t0 = performance.now();
  const { signal, onStage } = opts;
  signal?.throwIfAborted();
  onStage?.("recipe");
  // Not the registry: it imports tfjs, which a thread that never trains the neural net need not load.
  const spec = await loadModelSpec(job.model);
  const limit = opts.blockedBytes ?? BLOCKED_MATRIX_BYTES;
  const blocks = { limit, blockRows: opts.blockRows };
  const model = spec.create(job.params, job.task);
  const part = trainingPart(frame, job, spec, { ...blocks, rowsFit: fitsRows(model) }, signal, opts.cache);
  const { fitted, y } = part;
  onStage?.("fit");
  const fitOpts = {
    seed: job.seed,
    sampleWeight: part.weights ?? undefined,
    signal,
    onProgress: opts.onProgress,
  };
  if (part.source && fitsRows(model)) await model.fitRows(part.source.of, y, fitOpts);
  else await model.fit(part.X!, y, fitOpts);
  signal?.throwIfAborted();

  const own = fitted.classes;
  const k = job.classes?.length;
  let trainScore: number | null = null;
  if (job.trainScore) {
    onStage?.("train_score");
    // A seeded sample is enough for the overfitting signal, and spares slow predictors (kNN).
    const X = part.X;
    const source = part.source;
    const pick = sampleRows(y.values.length, trainScoreRows(job.model), job.seed);
    const Xs = X
      ? pick.length === X.rows
        ? X
        : takeRows(X, pick)
      : recipeMatrix(
          fitted,
          frame,
          Int32Array.from(pick, (r) => source!.rows[r]),
          { signal },
        );
    const out = predictIn(model, Xs, own, job.classes);
    const yFit = Float64Array.from(pick, (r) => y.values[r]);
    const yTrue = own ? Float64Array.from(yFit, (c) => job.classes!.indexOf(own[c])) : yFit;
    trainScore = scoreMetric(job.metric, { yTrue, yPred: out.predictions, proba: out.proba, nClasses: k });
  }
  // The training matrix is dead weight from here on (the model keeps what it needs).
  part.X = null;
  part.source = null;

  let predictions: Float64Array = new Float64Array(0);
  let proba: Float64Array | null = job.classes ? new Float64Array(0) : null;
  let score = Number.NaN;
  if (job.validation.length > 0) {
    onStage?.("validation");
    const shared = part.shared && opts.cache ? { cache: opts.cache, input: part.shared } : undefined;
    const out = predictRows(model, spec, fitted, frame, job.validation, job.classes, blocks, signal, shared);
    predictions = out.predictions;
    proba = out.proba;
    const targetCol = frame.columns.find((c) => c.name === job.target);
    if (!targetCol) throw new ValidationError(`no target column "${job.target}"`);
    const yTrue = encodeTarget(
      takeColumnRows(targetCol, job.validation),
      job.task,
      job.classes ?? undefined,
    ).values;
    score = scoreMetric(job.metric, { yTrue, yPred: predictions, proba, nClasses: k });
  }

  onStage?.("artifact");
  const artifact = job.keepPipeline || spec.usesTfjs ? model.toJSON() : null;
  const backend = spec.usesTfjs
    ? String((artifact?.state as { backend?: string })?.backend ?? "") || null
    : null;
  const pipeline =
    job.keepPipeline && artifact ? { recipe: fittedRecipeToJSON(fitted), model: artifact } : null;
  onStage?.("done");
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
    pipeline,
  };
}

/**
 * Fits the recipe on the job's training rows and makes the model's input. For a big table the
 * recipe's last step is not run on the training rows at all (fitRecipe's `finalFrame: false`);
 * the model's input is made from the fitted recipe a block of rows at a time instead (the same
 * values: see `refitsRowByRow`): as a whole matrix, or, for a model that bins its input, as a
 * RowSource it reads block by block. A job that trains on every row of the table (a refit without
 * a test part) reads the table itself instead of a copy.
 */
function trainingPart(
  frame: Frame,
  job: FoldJob,
  spec: ModelSpec,
  blocks: Blocks & { rowsFit: boolean },
  signal?: AbortSignal,
  cache?: FoldCache,
): TrainingPart {
  const whole = isEveryRow(job.train, frame.rows);
  const recipe = recipeForModel(job.recipe, spec);
  // The table's own size decides (the recipe's output size is known only after fitting).
  const big = job.train.length * frame.columns.length * 8 > blocks.limit && refitsRowByRow(recipe);
  const key = cache && !big ? foldInputKey(recipe, job.target, job.task, job.seed) : "";
  const cached = key ? cache?.get(frame, job.train, key) : undefined;
  // The fitted recipe records its seed (saved with the pipeline): the job's own, as a fit would.
  if (cached)
    return { ...cached, fitted: { ...cached.fitted, seed: job.seed }, source: null, shared: cached };
  const fit = fitRecipe(recipe, frame, {
    rows: whole ? undefined : job.train,
    target: job.target,
    task: job.task,
    seed: job.seed,
    signal,
    finalFrame: !big,
  });
  const { fitted, y, weights } = fit;
  if (!y) throw new ValidationError(`no target "${job.target}" to train on`);
  if (!big) {
    const X = toMatrix(fit.frame, { names: fitted.features });
    const shared = key ? { fitted, y, weights, X } : undefined;
    if (shared) cache?.put(frame, job.train, key, shared);
    return { fitted, y, weights, X, source: null, shared };
  }
  const rows = labelledRows(frame, job.train, job.target);
  if (rows.length !== y.values.length || weights)
    throw new Error(`fold job: ${rows.length} labelled rows for ${y.values.length} targets`);
  const block = { signal, blockRows: blocks.blockRows };
  if (!blocks.rowsFit)
    return { fitted, y, weights, X: recipeMatrix(fitted, frame, rows, block), source: null };
  const of: RowSource = {
    rows: rows.length,
    cols: fitted.features.length,
    names: [...fitted.features],
    forEachBlock: (idx, visit) =>
      forEachRecipeBlock(
        fitted,
        frame,
        Int32Array.from(idx, (i) => rows[i]),
        visit,
        block,
      ),
  };
  return { fitted, y, weights, X: null, source: { rows, of } };
}

/**
 * Predictions of `rows` in the run's class order; a big matrix a block of rows at a time. A tfjs
 * model always predicts in one call (its batched kernels need not give a row the same bits in
 * another batch); every other model predicts each row on its own, so blocks change nothing.
 */
function predictRows(
  model: Estimator,
  spec: ModelSpec,
  fitted: FittedRecipe,
  frame: Frame,
  rows: Int32Array,
  classes: string[] | null,
  blocks: Blocks,
  signal?: AbortSignal,
  shared?: { cache: FoldCache; input: FoldInput },
): { predictions: Float64Array; proba: Float64Array | null } {
  const own = fitted.classes;
  const bytes = rows.length * fitted.features.length * 8;
  if (bytes <= blocks.limit || spec.usesTfjs) {
    // Jobs that share a fitted recipe share its validation matrix too (same rows, same recipe).
    let X = shared?.cache.validation(shared.input, rows);
    if (!X) {
      X = matrixOf(fitted, takeFrameRows(frame, rows), signal);
      shared?.cache.keepValidation(shared.input, rows, X);
    }
    return predictIn(model, X, own, classes);
  }
  const k = classes?.length ?? 0;
  const predictions = new Float64Array(rows.length);
  let proba: Float64Array | null = null;
  forEachRecipeBlock(
    fitted,
    frame,
    rows,
    (X, k0) => {
      const out = predictIn(model, X, own, classes);
      predictions.set(out.predictions, k0);
      if (out.proba) (proba ??= new Float64Array(rows.length * k)).set(out.proba, k0 * k);
    },
    { signal, blockRows: blocks.blockRows },
  );
  return { predictions, proba };
}

/** Whether `rows` is 0, 1, ..., n - 1. */
function isEveryRow(rows: Int32Array, n: number): boolean {
  if (rows.length !== n) return false;
  for (let i = 0; i < n; i++) if (rows[i] !== i) return false;
  return true;
}

/** The rows of `rows` with a target value: those `fitRecipe` keeps, in the same order. */
function labelledRows(frame: Frame, rows: Int32Array, target: string): Int32Array {
  const col = frame.columns.find((c) => c.name === target);
  if (!col) return rows;
  const missing = missingTest(col.data);
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (!missing(rows[i])) n++;
  if (n === rows.length) return rows;
  const out = new Int32Array(n);
  for (let i = 0, j = 0; i < rows.length; i++) if (!missing(rows[i])) out[j++] = rows[i];
  return out;
}
