import type { Column, ColumnKind, Frame } from "../data/frame.ts";
import type { Task } from "../framing/task.ts";
import type { Target } from "../models/estimator.ts";
import type { Recipe } from "../prep/step.ts";

/** One enabled step after fitting: its learned state, plain JSON. */
export interface FittedStep {
  id: string;
  type: string;
  state: unknown;
}

/**
 * A recipe fitted on training rows: what `applyRecipe` needs to turn raw rows into model inputs.
 * Plain data (see recipeJson.ts for the tagged, checked file form).
 */
export interface FittedRecipe {
  /** The recipe as fitted, disabled steps included (they are skipped). */
  recipe: Recipe;
  target: string | null;
  task: Task | null;
  /** Classification: the class labels, in the order of the encoded target. */
  classes: string[] | null;
  /** Raw columns new data must have, with the kinds they are read as. */
  inputs: { name: string; kind: ColumnKind }[];
  steps: FittedStep[];
  /** The feature columns out of the recipe, in model-input order. */
  features: string[];
  seed: number;
}

/** What one step did to the training rows, for the preview ("+12 columns, -30 rows"). */
export interface StepTrace {
  id: string;
  type: string;
  ms: number;
  rowsBefore: number;
  rowsAfter: number;
  columnsBefore: number;
  columnsAfter: number;
  added: string[];
  removed: string[];
}

/** The result of `fitRecipe`: the fitted recipe and the transformed training rows. */
export interface RecipeFit {
  fitted: FittedRecipe;
  /** Training rows after every enabled step (features, plus a "weight" column if a step added one). */
  frame: Frame;
  /** The target over the transformed rows, encoded for models (null without a target). */
  y: Target | null;
  /** The same target as a column, for code that wants the raw labels. */
  targetColumn: Column | null;
  /** Per-row training weights from a "weight"-role column, or null. */
  weights: Float64Array | null;
  trace: StepTrace[];
  /** Rows left out before fitting because their target was missing. */
  droppedMissingTarget: number;
}
