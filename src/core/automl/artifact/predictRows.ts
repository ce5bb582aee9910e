import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { type LoadedPipeline, loadPipeline } from "./loadPipeline.ts";
import type { PipelineArtifact } from "./pipelineArtifact.ts";
import { predictFrame } from "./predictFrame.ts";

/** Predictions for the rows of a frame, in row order. */
export interface RowPredictions {
  /** Classification: class labels. Regression: values. */
  predictions: string[] | number[];
  /**
   * Classification: the probability of each class per row, by class label, in the artifact's class
   * order. A Map, not a plain object: a label is data, and "__proto__" or "constructor" must stay
   * an ordinary key.
   */
  proba?: Map<string, Float64Array>;
}

/**
 * Predicts every row of `frame` with a pipeline (an artifact is loaded and checked first), a
 * single model or an ensemble. Columns may come in any order and extra ones are ignored; missing
 * values and categories unseen in training are handled by the recipe's steps (imputation,
 * encodings). A ValidationError names any input column the frame lacks.
 */
export function predictRows(pipeline: LoadedPipeline | PipelineArtifact, frame: Frame): RowPredictions {
  const loaded = "members" in pipeline && "artifact" in pipeline ? pipeline : loadPipeline(pipeline);
  const { artifact } = loaded;
  const have = new Set(frame.columns.map((c) => c.name));
  const missing = artifact.inputs.filter((i) => !have.has(i.name)).map((i) => `"${i.name}"`);
  if (missing.length > 0) {
    throw new ValidationError(
      `The data lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, which the model needs.`,
    );
  }
  const out = predictFrame(loaded, frame);
  const classes = artifact.classes;
  if (artifact.task === "regression" || !classes) return { predictions: Array.from(out.predictions) };
  const predictions = Array.from(out.predictions, (c) => classes[c]);
  if (!out.proba) return { predictions };
  const p = out.proba;
  const k = classes.length;
  const proba = new Map<string, Float64Array>();
  classes.forEach((label, c) => {
    proba.set(
      label,
      Float64Array.from({ length: frame.rows }, (_, r) => p[r * k + c]),
    );
  });
  return { predictions, proba };
}
