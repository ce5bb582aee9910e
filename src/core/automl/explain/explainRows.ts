import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import type { Estimator, Matrix } from "../../models/estimator.ts";
import { capability } from "../../models/registry.ts";
import { makeRng } from "../../random.ts";
import type { LoadedPipeline } from "../artifact/loadPipeline.ts";
import { predictFrame } from "../artifact/predictFrame.ts";
import { matrixOf } from "../ladder/predictIn.ts";
import { featureSources, toColumns } from "./featureSources.ts";
import { linearShap, linearView } from "./linearShap.ts";
import { pickRows, sameRows } from "./pickRows.ts";
import { samplingShap } from "./samplingShap.ts";
import { treeShap } from "./treeShap.ts";

/** The scale the contributions add up on. */
export type ExplainOutput = "log_odds" | "probability" | "value";

/** How the contributions were found: exact (tree, linear) or estimated (sampling). */
export type ExplainMethod = "tree" | "linear" | "sampling";

/** One row's explanation: base + sum of contributions = output. */
export interface RowExplanation {
  /** The row of the frame (data rows from 0). */
  row: number;
  /** The class explained: the positive class (binary), the predicted one (multiclass), null (regression). */
  class: string | null;
  output: number;
  base: number;
  /** Per raw column, in `Explanation.columns` order. */
  contributions: Float64Array;
}

/** Explanations of some rows of a frame by a pipeline. */
export interface Explanation {
  output: ExplainOutput;
  method: ExplainMethod;
  /** Multiclass: each row explains its own predicted class, with its own base value. */
  perClass: boolean;
  /** The raw input columns the contributions are summed back to. */
  columns: string[];
  rows: RowExplanation[];
}

/** Options of `explainRows`. */
export interface ExplainOptions {
  /**
   * Rows of the frame that stand for the data (the background of linear and sampled explanations
   * and of the feature-source probe); default a seeded sample of up to 32 of the frame's rows.
   */
  background?: readonly number[];
  seed?: number;
  /** Sampling: antithetic permutation pairs per background row (default 2). */
  pairsPerBackground?: number;
  /**
   * Binary classification: the class to explain (default the model's second class). A run's
   * positive class may be a single model's first class; its log-odds are then negated, and a
   * probability explained as 1 - the other class's.
   */
  positive?: string;
  signal?: AbortSignal;
}

const LINEAR = new Set(["linear", "lasso", "logistic"]);

/** A seeded sample of up to `n` distinct rows of `rows` rows, in row order. */
export function sampleRows(rows: number, n: number, seed: number): number[] {
  const all = Array.from({ length: rows }, (_, i) => i);
  if (rows <= n) return all;
  const rng = makeRng(seed);
  for (let i = 0; i < n; i++) {
    const k = i + rng.int(rows - i);
    [all[i], all[k]] = [all[k], all[i]];
  }
  return all.slice(0, n).sort((a, b) => a - b);
}

/**
 * Why the pipeline gave each of `rows` its prediction: each raw input column's contribution, on
 * the scale where the model adds up. Tree models and gbdt: exact TreeSHAP (gbdt in log-odds for
 * binary, raw score per class for multiclass; forests and the decision tree in probability).
 * Ridge, lasso and logistic regression: exact linear contributions against the background mean
 * (logistic in log-odds). Every other model and the ensemble: permutation-sampled Shapley values
 * of the whole pipeline over the raw columns, in probability (or value), against the background
 * rows. Encoded features are summed back to their raw columns (see featureSources.ts). Binary
 * classification explains the positive class (the second class), multiclass each row's predicted
 * class, regression the value.
 */
export function explainRows(
  pipeline: LoadedPipeline,
  frame: Frame,
  rows: readonly number[],
  opts: ExplainOptions = {},
): Explanation {
  const { artifact } = pipeline;
  for (const r of rows)
    if (!(Number.isInteger(r) && r >= 0 && r < frame.rows))
      throw new ValidationError(
        `row ${r} is out of range: the data has ${frame.rows} rows (0..${frame.rows - 1})`,
      );
  const have = new Set(frame.columns.map((c) => c.name));
  const lacking = artifact.inputs.filter((i) => !have.has(i.name)).map((i) => `"${i.name}"`);
  if (lacking.length > 0)
    throw new ValidationError(
      `The data lacks the column${lacking.length > 1 ? "s" : ""} ${lacking.join(", ")}, which the model needs.`,
    );
  const seed = opts.seed ?? artifact.seed ?? 0;
  const background = opts.background ?? sampleRows(frame.rows, 32, seed);
  if (background.length === 0) throw new ValidationError("explanations need at least one background row");
  const classes = artifact.task === "regression" ? null : artifact.classes;
  // The predicted class of each row, in the artifact's class numbering.
  const picked = classes
    ? predictFrame(pipeline, pickRows(frame, sameRows(frame, rows), rows.length)).predictions
    : null;
  if (opts.positive !== undefined && (artifact.task !== "binary" || !classes?.includes(opts.positive)))
    throw new ValidationError(`"${opts.positive}" is not a class of this binary model`);
  const model = pipeline.model;
  let e: Explanation;
  if (model && capability(model, "treeEnsemble"))
    e = explainTrees(pipeline, model, frame, rows, background, picked);
  else if (model && LINEAR.has(model.type))
    e = explainLinear(pipeline, model, frame, rows, background, picked);
  else e = explainSampled(pipeline, frame, rows, background, picked, { ...opts, seed });
  return opts.positive === undefined ? e : asClass(e, opts.positive);
}

/**
 * A binary explanation turned to the other class: log-odds negated; a probability p becomes
 * 1 - p, so the base is 1 - base and each contribution is negated (local accuracy holds).
 */
function asClass(e: Explanation, positive: string): Explanation {
  return {
    ...e,
    rows: e.rows.map((r) => {
      if (r.class === positive || r.class === null) return r;
      const shift = e.output === "probability" ? 1 : 0;
      return {
        ...r,
        class: positive,
        output: shift - r.output,
        base: shift - r.base,
        contributions: r.contributions.map((c) => -c),
      };
    }),
  };
}

/** The model's own class index explained for row i, and its label. */
function classOf(
  pipeline: LoadedPipeline,
  picked: Float64Array | null,
  i: number,
): { own: number; label: string | null } {
  const all = pipeline.artifact.classes;
  if (!picked || !all || pipeline.artifact.task === "regression") return { own: 0, label: null };
  const own = pipeline.recipe.classes ?? all;
  const label = all.length === 2 ? own[1] : all[picked[i]];
  return { own: own.indexOf(label), label };
}

function modelMatrix(pipeline: LoadedPipeline, frame: Frame, rows: readonly number[]): Matrix {
  return matrixOf(pipeline.recipe, pickRows(frame, sameRows(frame, rows), rows.length));
}

function explainTrees(
  pipeline: LoadedPipeline,
  model: Estimator,
  frame: Frame,
  rows: readonly number[],
  background: readonly number[],
  picked: Float64Array | null,
): Explanation {
  const view = capability(model, "treeEnsemble")!.treeEnsemble();
  const boosted = view.combine === "sum";
  const X = modelMatrix(pipeline, frame, rows);
  // Boosting weighs branches by rows (as LightGBM), the CART families by sample weight (as scikit-learn).
  const shap = treeShap(view, X, boosted ? "samples" : "weight");
  const sources = featureSources(pipeline.recipe, frame, background);
  const task = pipeline.artifact.task;
  // The model's own output per row and output index: raw scores for boosting, leaf averages otherwise.
  const raw = boosted
    ? (model as unknown as { decisionFunction(X: Matrix): Float64Array }).decisionFunction(X)
    : null;
  const values = boosted ? null : task === "regression" ? model.predict(X) : model.predictProba!(X);
  const O = view.outputs;
  return {
    output: task === "regression" ? "value" : boosted ? "log_odds" : "probability",
    method: "tree",
    perClass: task === "multiclass",
    columns: sources.columns,
    rows: rows.map((row, i) => {
      const { own, label } = classOf(pipeline, picked, i);
      const o = task === "regression" || (boosted && O === 1) ? 0 : own;
      const output = raw ? raw[i * O + o] : task === "regression" ? values![i] : values![i * O + o];
      return {
        row,
        class: label,
        output,
        base: shap.base[o],
        contributions: toColumns(sources, shap.phi, (i * O + o) * X.cols),
      };
    }),
  };
}

function explainLinear(
  pipeline: LoadedPipeline,
  model: Estimator,
  frame: Frame,
  rows: readonly number[],
  background: readonly number[],
  picked: Float64Array | null,
): Explanation {
  const view = linearView(model);
  const X = modelMatrix(pipeline, frame, rows);
  const B = modelMatrix(pipeline, frame, background);
  const sources = featureSources(pipeline.recipe, frame, background);
  const outs = view.coef.map((_, o) => linearShap(view, o, X, B));
  return {
    output: model.type === "logistic" ? "log_odds" : "value",
    method: "linear",
    perClass: pipeline.artifact.task === "multiclass",
    columns: sources.columns,
    rows: rows.map((row, i) => {
      const { own, label } = classOf(pipeline, picked, i);
      const o = view.coef.length === 1 ? 0 : own;
      return {
        row,
        class: label,
        output: outs[o].output[i],
        base: outs[o].base,
        contributions: toColumns(sources, outs[o].phi, i * X.cols),
      };
    }),
  };
}

function explainSampled(
  pipeline: LoadedPipeline,
  frame: Frame,
  rows: readonly number[],
  background: readonly number[],
  picked: Float64Array | null,
  opts: ExplainOptions,
): Explanation {
  const { artifact } = pipeline;
  const columns = artifact.inputs.map((i) => i.name);
  const index = new Map(frame.columns.map((c, j) => [c.name, j]));
  const players = columns.map((name) => index.get(name)!);
  const k = artifact.classes?.length ?? 0;
  return {
    output: artifact.task === "regression" ? "value" : "probability",
    method: "sampling",
    perClass: artifact.task === "multiclass",
    columns,
    rows: rows.map((row, i) => {
      const c = artifact.task === "regression" || !picked ? -1 : k === 2 ? 1 : picked[i];
      const evaluate = (mixed: Frame) => {
        const out = predictFrame(pipeline, mixed, opts.signal);
        if (c < 0) return out.predictions;
        if (!out.proba) throw new ValidationError(`${artifact.model_id} gives no probabilities to explain`);
        const p = out.proba;
        return Float64Array.from({ length: mixed.rows }, (_, r) => p[r * k + c]);
      };
      const s = samplingShap(frame, row, background, players, evaluate, opts);
      return {
        row,
        class: c < 0 ? null : artifact.classes![c],
        output: s.output,
        base: s.base,
        contributions: s.phi,
      };
    }),
  };
}
