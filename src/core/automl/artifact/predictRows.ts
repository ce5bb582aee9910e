import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { matrixOf } from "../ladder/predictIn.ts";
import { type LoadedPipeline, loadPipeline } from "./loadPipeline.ts";
import type { PipelineArtifact } from "./pipelineArtifact.ts";

/** Predictions for the rows of a frame, in row order. */
export interface RowPredictions {
  /** Classification: class labels. Regression: values. */
  predictions: string[] | number[];
  /** Classification: the probability of each class per row, by class label. */
  proba?: Record<string, Float64Array>;
}

/**
 * Predicts every row of `frame` with a pipeline (an artifact is loaded and checked first). Columns
 * may come in any order and extra ones are ignored; missing values and categories unseen in
 * training are handled by the recipe's steps (imputation, encodings). A ValidationError names
 * any input column the frame lacks.
 */
export function predictRows(pipeline: LoadedPipeline | PipelineArtifact, frame: Frame): RowPredictions {
  const { recipe, model, artifact } = "artifact" in pipeline ? pipeline : loadPipeline(pipeline);
  const have = new Set(frame.columns.map((c) => c.name));
  const missing = recipe.inputs.filter((i) => !have.has(i.name)).map((i) => `"${i.name}"`);
  if (missing.length > 0) {
    throw new ValidationError(
      `The data lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, which the model needs.`,
    );
  }
  const X = matrixOf(recipe, frame);
  const raw = model.predict(X);
  const classes = recipe.classes ?? artifact.classes;
  if (artifact.task === "regression" || !classes) return { predictions: Array.from(raw) };
  const predictions = Array.from(raw, (c) => classes[c]);
  if (!model.predictProba) return { predictions };
  const p = model.predictProba(X);
  const k = classes.length;
  const proba: Record<string, Float64Array> = {};
  classes.forEach((label, c) => {
    proba[label] = Float64Array.from({ length: X.rows }, (_, r) => p[r * k + c]);
  });
  return { predictions, proba };
}
