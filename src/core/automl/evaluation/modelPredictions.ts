import type { Task } from "../../framing/task.ts";
import type { EntryId } from "../ladder/leaderboard.ts";

/** Predictions of some frame rows with their true targets. */
export interface PredictionSet {
  /** Frame rows, in the order of the arrays below. */
  rows: Int32Array;
  /** Regression: values. Classification: class indices. */
  yTrue: Float64Array;
  predicted: Float64Array;
  /** Classification: rows x classes probabilities; null for regression or a model without them. */
  proba: Float64Array | null;
}

/** What the ladder predicted for one model: the input of `evaluateModel`. */
export interface ModelPredictions {
  model: EntryId;
  task: Task;
  classes: string[] | null;
  /** Out-of-fold predictions: each row predicted by the fold model that did not train on it. */
  oof: PredictionSet;
  /** The test part predicted by the model refitted on the whole training part; null without one. */
  test: PredictionSet | null;
}
