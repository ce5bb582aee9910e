import type { Frame } from "../data/frame.ts";
import type { Matrix } from "../models/estimator.ts";
import { takeFrameRows } from "../prep/columns.ts";
import type { Recipe } from "../prep/step.ts";
import { applyRecipe } from "./applyRecipe.ts";
import type { FittedRecipe } from "./fittedRecipe.ts";
import { getStep } from "./stepRegistry.ts";
import { toMatrix } from "./toMatrix.ts";

/** Rows put through the recipe at a time: 16,384 rows of 54 Float64 features are ~7 MB. */
export const RECIPE_BLOCK_ROWS = 16_384;

/**
 * Whether `applyRecipe` on a recipe's training rows, once fitted, gives exactly the frame `fitRecipe`
 * left behind: true when no enabled step has a training-only `fitTransform` (resampling, row
 * dropping, out-of-fold encodings, weights), since every other step's training output is its
 * `transform`, which works row by row.
 */
export function refitsRowByRow(recipe: Recipe): boolean {
  return recipe.steps.every((s) => !s.enabled || !getStep(s.type).fitTransform);
}

/**
 * Calls `visit` with the model matrix of `rows` of `frame` (raw rows, in that order) through a
 * fitted recipe, a block of rows at a time; `k0` is the position in `rows` of the block's first
 * row. Only one block's copy of the table, recipe output and matrix is alive at a time, so a
 * million-row fold never holds its whole one-hot table at once.
 */
export function forEachRecipeBlock(
  fitted: FittedRecipe,
  frame: Frame,
  rows: Int32Array | Uint32Array,
  visit: (X: Matrix, k0: number) => void,
  opts: { signal?: AbortSignal; blockRows?: number } = {},
): void {
  const size = Math.max(1, opts.blockRows ?? RECIPE_BLOCK_ROWS);
  const wanted = new Set(fitted.inputs.map((c) => c.name));
  const inputs: Frame = { rows: frame.rows, columns: frame.columns.filter((c) => wanted.has(c.name)) };
  for (let k0 = 0; k0 < rows.length; k0 += size) {
    opts.signal?.throwIfAborted();
    const block = takeFrameRows(inputs, rows.subarray(k0, Math.min(rows.length, k0 + size)));
    visit(toMatrix(applyRecipe(fitted, block, opts), { names: fitted.features }), k0);
  }
}

/** The whole model matrix of `rows` through the recipe, filled a block of rows at a time. */
export function recipeMatrix(
  fitted: FittedRecipe,
  frame: Frame,
  rows: Int32Array | Uint32Array,
  opts: { signal?: AbortSignal; blockRows?: number } = {},
): Matrix {
  const d = fitted.features.length;
  const data = new Float64Array(rows.length * d);
  forEachRecipeBlock(fitted, frame, rows, (X, k0) => data.set(X.data, k0 * d), opts);
  return { data, rows: rows.length, cols: d, names: [...fitted.features] };
}
