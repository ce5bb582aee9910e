/**
 * The reference of a model: sketches of its training rows' input columns and of its predictions
 * on them, made once when the model is saved (or from a reference CSV on demand).
 */
import { type LoadedPipeline, loadPipeline } from "../automl/artifact/loadPipeline.ts";
import type { PipelineArtifact } from "../automl/artifact/pipelineArtifact.ts";
import { predictFrame } from "../automl/artifact/predictFrame.ts";
import type { Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { takeFrameRows } from "../prep/columns.ts";
import { fitCalibration } from "./calibration.ts";
import {
  type ColumnSketch,
  categoricalSketch,
  columnSketch,
  numericSketch,
  type ReferenceSketches,
} from "./sketch.ts";

/** A ValidationError naming the model's input columns that `frame` lacks, if any. */
export function requireInputs(pipeline: LoadedPipeline, frame: Frame, what = "The data"): void {
  const have = new Set(frame.columns.map((c) => c.name));
  const missing = pipeline.artifact.inputs.filter((i) => !have.has(i.name)).map((i) => `"${i.name}"`);
  if (missing.length > 0)
    throw new ValidationError(
      `${what} lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, which the model needs.`,
    );
}

/** Predictions as a sketch: class labels counted (classification) or values (regression). */
export function predictionSketch(pipeline: LoadedPipeline, predictions: Float64Array): ColumnSketch {
  const classes = pipeline.artifact.classes;
  if (pipeline.artifact.task === "regression" || !classes) return numericSketch(predictions);
  return categoricalSketch(Int32Array.from(predictions), classes);
}

/**
 * Rows predicted at a time for the reference: a whole million-row table through the recipe at once
 * held its one-hot frame and model matrix together (~740 MB at 1M x 20 with 54 features). 16,384
 * rows (the fold jobs' recipe block): the 1M table's predictions peaked 54 MB over the table, 136
 * with 65,536 (the blocks' garbage outlives them until V8 collects). Every recipe transform and
 * model works row by row, so the predictions are the same whatever the block.
 */
export const SKETCH_BLOCK_ROWS = 16_384;

/** `predictFrame`'s predictions, made a block of rows at a time. */
export function predictInBlocks(
  pipeline: LoadedPipeline,
  frame: Frame,
  blockRows = SKETCH_BLOCK_ROWS,
): Float64Array {
  const size = Math.max(1, blockRows);
  if (frame.rows <= size) return predictFrame(pipeline, frame).predictions;
  const predictions = new Float64Array(frame.rows);
  for (let start = 0; start < frame.rows; start += size) {
    const end = Math.min(frame.rows, start + size);
    const idx = Int32Array.from({ length: end - start }, (_, i) => start + i);
    predictions.set(predictFrame(pipeline, takeFrameRows(frame, idx)).predictions, start);
  }
  return predictions;
}

/**
 * Fewest labelled held-out rows a calibration is fitted from. Measured on credit_data: binned
 * isotonic calibration on ~900 held-out rows made CBPE's ROC AUC worse (0.816 against a real
 * 0.843; 0.844 uncalibrated), its bins too noisy; on 20,000 rows it recovers an overconfident
 * model (cbpe.test.ts). Below this, the probabilities are taken as calibrated.
 */
export const MIN_CALIBRATION_ROWS = 5000;

/** Labelled predictions the model did not train on (a test part), to calibrate CBPE with. */
export interface HeldOutPredictions {
  /** Class indices. */
  yTrue: Float64Array;
  /** Rows x classes probabilities (null: a model without them, no calibration). */
  proba: Float64Array | null;
}

/**
 * Sketches of `frame` (the rows the model was trained on) and of the model's predictions on it
 * (an artifact is loaded first); with `heldOut` (classification), CBPE's calibration too.
 */
export function makeReferenceSketches(
  model: LoadedPipeline | PipelineArtifact,
  frame: Frame,
  heldOut?: HeldOutPredictions | null,
): ReferenceSketches {
  const pipeline = "members" in model && "artifact" in model ? model : loadPipeline(model);
  requireInputs(pipeline, frame, "The reference data");
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const predictions = predictInBlocks(pipeline, frame);
  const k = pipeline.artifact.classes?.length ?? 0;
  const known: number[] = [];
  const heldProba = heldOut?.proba;
  if (heldOut && heldProba && k >= 2 && heldProba.length === heldOut.yTrue.length * k)
    for (let i = 0; i < heldOut.yTrue.length; i++) if (!Number.isNaN(heldOut.yTrue[i])) known.push(i);
  const calibration =
    known.length >= MIN_CALIBRATION_ROWS
      ? fitCalibration(
          Float64Array.from(known, (i) => heldOut!.yTrue[i]),
          Float64Array.from(
            { length: known.length * k },
            (_, j) => heldProba![known[Math.floor(j / k)] * k + (j % k)],
          ),
          k,
        )
      : null;
  return {
    version: 1,
    rows: frame.rows,
    columns: pipeline.artifact.inputs.map((i) => ({
      name: i.name,
      kind: i.kind,
      sketch: columnSketch(byName.get(i.name)!, i.kind),
    })),
    prediction: predictionSketch(pipeline, predictions),
    ...(calibration ? { calibration } : {}),
  };
}
