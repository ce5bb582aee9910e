import type { Frame } from "../data/frame.ts";
import { takeFrameRows } from "../prep/columns.ts";
import type { Recipe } from "../prep/step.ts";
import { sampleRows } from "../profile/sample.ts";
import { type FitRecipeOptions, fitRecipe } from "./fitRecipe.ts";
import type { FittedRecipe, StepTrace } from "./fittedRecipe.ts";

/** Options of `previewRecipe`, on top of fitRecipe's. */
export interface PreviewOptions extends FitRecipeOptions {
  /** Rows the preview fits on at most (a seeded sample; default 5,000). */
  sampleSize?: number;
}

/** What the recipe does to a sample of rows: the editor's before / after view. */
export interface RecipePreview {
  /** The sampled raw rows (all columns) and the same rows after the recipe. */
  before: Frame;
  after: Frame;
  /** Per enabled step: rows and columns in and out, names added and removed, time taken. */
  trace: StepTrace[];
  fitted: FittedRecipe;
}

/**
 * Fits the recipe on a seeded sample of rows, so the editor can show rows and column summaries
 * before and after and how many columns each step makes, in well under a second on big data.
 * Same options as fitRecipe; the sample uses the same seed.
 */
export function previewRecipe(recipe: Recipe, frame: Frame, opts: PreviewOptions = {}): RecipePreview {
  const n = opts.sampleSize ?? 5000;
  const before = n >= frame.rows ? frame : takeFrameRows(frame, sampleRows(frame.rows, n, opts.seed ?? 0));
  const fit = fitRecipe(recipe, before, opts);
  return { before, after: fit.frame, trace: fit.trace, fitted: fit.fitted };
}
