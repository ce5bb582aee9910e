import type { Frame } from "../../data/frame.ts";
import type { LoadedPipeline } from "../artifact/loadPipeline.ts";
import { predictFrame } from "../artifact/predictFrame.ts";
import { type ExplainMethod, type ExplainOutput, explainRows } from "./explainRows.ts";
import { frameWithRow, type RowValues } from "./rowValues.ts";

/** One row's explanation as plain data (arrays, not typed arrays), ready to post between threads. */
export interface ValueExplanation {
  output: ExplainOutput;
  method: ExplainMethod;
  /** The class explained (binary: the positive one; multiclass: the predicted one); null for regression. */
  class: string | null;
  base: number;
  /** The model output the contributions add up to: base + sum(contributions). */
  value: number;
  columns: string[];
  contributions: number[];
}

/** A row's prediction and why. */
export interface ValueAnswer {
  prediction: string | number;
  /** Each class's probability, in the model's class order; null for regression. */
  proba: { label: string; p: number }[] | null;
  explanation: ValueExplanation;
}

/**
 * Predicts and explains the row `values` describes, with `background` rows of `frame` standing for
 * the data (the linear and sampled explainers' reference; TreeSHAP uses the trees' own covers).
 * Same values, background and seed give the same numbers.
 */
export function explainValues(
  pipeline: LoadedPipeline,
  frame: Frame,
  values: RowValues,
  background: readonly number[],
  opts: { seed?: number; signal?: AbortSignal; positive?: string } = {},
): ValueAnswer {
  const mixed = frameWithRow(frame, values, background);
  const bg = background.map((_, i) => i + 1);
  const e = explainRows(pipeline, mixed, [0], {
    background: bg,
    seed: opts.seed,
    signal: opts.signal,
    positive: opts.positive,
  });
  const row = e.rows[0];
  const out = predictFrame(pipeline, frameWithRow(frame, values, []), opts.signal);
  const classes = pipeline.artifact.classes;
  const regression = pipeline.artifact.task === "regression" || !classes;
  const p = out.proba;
  return {
    prediction: regression ? out.predictions[0] : classes[out.predictions[0]],
    proba: !regression && p ? classes.map((label, c) => ({ label, p: p[c] })) : null,
    explanation: {
      output: e.output,
      method: e.method,
      class: row.class,
      base: row.base,
      value: row.output,
      columns: e.columns,
      contributions: Array.from(row.contributions),
    },
  };
}
