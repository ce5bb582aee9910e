/**
 * The model card: what a person needs to judge and use a model file without the app that made it
 * (task, target, metric, scores with how they were measured, classes, the inputs with the ranges
 * and levels seen in training). Made from the training rows; read back field by field.
 */
import type { EnsemblePipelineArtifact, PipelineArtifact } from "../automl/artifact/pipelineArtifact.ts";
import type { LeaderboardEntry } from "../automl/ladder/leaderboard.ts";
import { convertColumn } from "../data/convertColumn.ts";
import type { Column, ColumnKind, Frame } from "../data/frame.ts";
import type { MetricId } from "../framing/metrics.ts";
import type { Task } from "../framing/task.ts";

/** One input column as training saw it: its kind and the values a new row is judged against. */
export interface ModelCardInput {
  name: string;
  kind: ColumnKind;
  /** Numeric, datetime (epoch ms) and boolean (0 / 1) columns: range and median of training. */
  min?: number;
  max?: number;
  median?: number;
  /** Categorical columns: the levels seen, most frequent first (at most CARD_LEVELS of them). */
  levels?: string[];
  /** Categorical and text columns: the most frequent value. */
  most_frequent?: string;
  /** Share of training rows where the column was missing, 0..1. */
  missing_share: number;
}

/** What a model file says about its model, for people and for the forms that use it. */
export interface ModelCard {
  task: Task;
  target: string;
  metric: MetricId;
  /** Binary classification: the class the metric treats as positive, when one was chosen. */
  positive_class?: string | null;
  scores: {
    cv_mean: number | null;
    cv_std: number | null;
    test: number | null;
    /** How the scores were measured, e.g. "5-fold stratified CV on 80% of 150 rows, seed 0; test on 20%". */
    protocol: string;
  };
  /** Classification: the labels in the order of the probability columns; null for regression. */
  classes: string[] | null;
  inputs: ModelCardInput[];
  /** Rows the final model was trained on (0 when unknown). */
  training_rows: number;
  model: { id: string; label: string; params?: unknown };
  /** ISO 8601 time the model was made. */
  created: string;
  app_version: string;
  /** SHA-256 (hex) of the training data (`dataFingerprint`); null when unknown. */
  data_fingerprint: string | null;
}

/** Most levels a card lists per column: enough for any form, small for a file. */
export const CARD_LEVELS = 200;

const finiteOrNull = (x: number | undefined | null) =>
  typeof x === "number" && Number.isFinite(x) ? x : null;

/**
 * Range, median, levels and missing share of one column, read as `kind`. `scratch` (at least the
 * column's length) holds the sorted values: a card of a million-row table then sorts every column
 * in one buffer instead of leaving a filtered copy per column for the collector (~8 MB each, and
 * `filter` builds its list of kept values on the JS heap first).
 */
export function describeInput(col: Column, kind: ColumnKind, scratch?: Float64Array): ModelCardInput {
  const typed = col.kind === kind ? col : convertColumn(col, kind);
  const rows = typed.data.type === "float" ? typed.data.values.length : typed.data.codes.length;
  const out: ModelCardInput = { name: col.name, kind, missing_share: 0 };
  if (typed.data.type === "float") {
    const v = typed.data.values;
    const into = scratch && scratch.length >= v.length ? scratch : new Float64Array(v.length);
    let k = 0;
    for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) into[k++] = v[i];
    // The same sort as filter().sort() gave: a typed array's numeric order (-0 before 0).
    const seen = into.subarray(0, k).sort();
    out.missing_share = rows === 0 ? 0 : (rows - seen.length) / rows;
    if (seen.length > 0) {
      out.min = seen[0];
      out.max = seen[seen.length - 1];
      const mid = seen.length >> 1;
      out.median = seen.length % 2 === 1 ? seen[mid] : (seen[mid - 1] + seen[mid]) / 2;
    }
    return out;
  }
  const { codes, levels } = typed.data;
  const counts = new Float64Array(levels.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) missing++;
    else counts[codes[i]]++;
  }
  out.missing_share = rows === 0 ? 0 : missing / rows;
  // Most frequent first; ties in level order, so the same data gives the same card.
  const order = [...levels.keys()]
    .filter((c) => counts[c] > 0)
    .sort((a, b) => counts[b] - counts[a] || a - b);
  if (kind === "categorical") out.levels = order.slice(0, CARD_LEVELS).map((c) => levels[c]);
  if ((kind === "categorical" || kind === "text") && order.length > 0) out.most_frequent = levels[order[0]];
  return out;
}

/** A short, plain summary of the model's params (an ensemble: its members and weights). */
function modelParams(pipeline: PipelineArtifact, entry?: LeaderboardEntry): unknown {
  if (pipeline.model_id === "ensemble") {
    return {
      members: (pipeline as EnsemblePipelineArtifact).members.map((m) => ({
        id: m.model_id,
        label: m.label,
        weight: m.weight,
      })),
    };
  }
  return entry?.params ?? ("model" in pipeline ? pipeline.model.params : undefined);
}

/** Scores of the pipeline's own model from its leaderboard summary (a file without a card). */
function scoresFromArtifact(pipeline: PipelineArtifact) {
  const row = Array.isArray(pipeline.leaderboard)
    ? pipeline.leaderboard.find((r) => r?.model === pipeline.model_id)
    : undefined;
  return {
    cv_mean: finiteOrNull(row?.cv_mean),
    cv_std: finiteOrNull(row?.cv_std),
    test: finiteOrNull(row?.test_score),
  };
}

/** What `makeModelCard` is given. */
export interface ModelCardArgs {
  pipeline: PipelineArtifact;
  /** The rows the final model was trained on (raw columns, before the recipe). */
  frame: Frame;
  /** The model's leaderboard row (scores, params); else the artifact's leaderboard summary. */
  entry?: LeaderboardEntry;
  /** How the scores were measured, in words. */
  protocol: string;
  dataFingerprint: string | null;
  appVersion: string;
  positiveClass?: string | null;
}

/** The card of a pipeline trained on `frame`. Inputs the frame lacks get no statistics. */
export function makeModelCard(args: ModelCardArgs): ModelCard {
  const { pipeline, frame, entry } = args;
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  // One buffer for every column's sorted values (describeInput).
  let scratch: Float64Array | undefined;
  const scores = entry
    ? {
        cv_mean: finiteOrNull(entry.cv_mean),
        cv_std: finiteOrNull(entry.cv_std),
        test: finiteOrNull(entry.test_metrics?.[entry.metric]),
      }
    : scoresFromArtifact(pipeline);
  return {
    task: pipeline.task,
    target: pipeline.target,
    metric: pipeline.metric,
    positive_class: args.positiveClass ?? null,
    scores: { ...scores, protocol: args.protocol },
    classes: pipeline.classes ? [...pipeline.classes] : null,
    inputs: pipeline.inputs.map((i) => {
      const col = byName.get(i.name);
      scratch ??= new Float64Array(frame.rows);
      return col ? describeInput(col, i.kind, scratch) : { name: i.name, kind: i.kind, missing_share: 0 };
    }),
    training_rows: frame.rows,
    model: { id: pipeline.model_id, label: pipeline.label, params: modelParams(pipeline, entry) },
    created: pipeline.created,
    app_version: args.appVersion,
    data_fingerprint: args.dataFingerprint,
  };
}

/**
 * The card of a bare pipeline file (what `train --out` wrote before model files): what the
 * artifact itself says, without ranges, levels, training rows or data fingerprint.
 */
export function minimalModelCard(pipeline: PipelineArtifact, appVersion = "unknown"): ModelCard {
  return {
    task: pipeline.task,
    target: pipeline.target,
    metric: pipeline.metric,
    positive_class: null,
    scores: {
      ...scoresFromArtifact(pipeline),
      protocol: `unknown (a bare pipeline file without a model card; seed ${pipeline.seed})`,
    },
    classes: pipeline.classes ? [...pipeline.classes] : null,
    inputs: pipeline.inputs.map((i) => ({ name: i.name, kind: i.kind, missing_share: 0 })),
    training_rows: 0,
    model: { id: pipeline.model_id, label: pipeline.label, params: modelParams(pipeline) },
    created: pipeline.created,
    app_version: appVersion,
    data_fingerprint: null,
  };
}
