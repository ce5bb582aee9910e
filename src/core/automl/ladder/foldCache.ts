import type { Frame } from "../../data/frame.ts";
import type { Matrix, Target } from "../../models/estimator.ts";
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import type { Recipe, StepConfig } from "../../prep/step.ts";
import { imputeInfo } from "../../prep/steps/imputeInfo.ts";

/**
 * Most bytes of matrices one cache holds: both recipes' folds of a ~10k-row table with ~120
 * one-hot columns (lending_club-like: 92 MB). With 64 MiB half the scaled recipe's folds missed
 * (6 of its models, no ensemble, CPU: 6.1 -> 5.9 s; with 128 MiB 6.5 -> 5.3 s, load 15-17).
 */
export const FOLD_CACHE_BYTES = 96 * 2 ** 20;

/** A fold's fitted recipe and the model input it made: what jobs with the same recipe share. */
export interface FoldInput {
  fitted: FittedRecipe;
  y: Target;
  weights: Float64Array | null;
  X: Matrix;
}

/**
 * Fitted recipes, training matrices and validation matrices shared by the fold jobs of one
 * in-process run: the ladder fits each model's recipe on each fold, and most models share one of
 * two recipes (with or without scaling), so the same fit was made up to nine times per fold. A hit is the same object
 * the first job made: models read their input and never write it (the estimator contract).
 * Holds at most `maxBytes` of matrices; once full it keeps what it has and adds nothing, so that
 * the first rungs' folds stay (each rung visits the folds in the same order). Never shared
 * between threads: a worker's jobs arrive as copies and get no cache.
 */
export interface FoldCache {
  get(frame: Frame, train: Int32Array, key: string): FoldInput | undefined;
  put(frame: Frame, train: Int32Array, key: string, input: FoldInput): void;
  /** The validation matrix a held input made of `rows` (the fold's own row list), if kept. */
  validation(input: FoldInput, rows: Int32Array): Matrix | undefined;
  /** Keeps the validation matrix of a held input (within the same byte limit). */
  keepValidation(input: FoldInput, rows: Int32Array, X: Matrix): void;
}

/** A cache for one run (see `FoldCache`). */
export function makeFoldCache(maxBytes = FOLD_CACHE_BYTES): FoldCache {
  // By the identity of the table and of the fold's row list: a run's jobs of one fold share it.
  const byFrame = new WeakMap<Frame, WeakMap<Int32Array, Map<string, FoldInput>>>();
  const held = new WeakSet<FoldInput>();
  const validations = new WeakMap<FoldInput, { rows: Int32Array; X: Matrix }>();
  let bytes = 0;
  return {
    get: (frame, train, key) => byFrame.get(frame)?.get(train)?.get(key),
    validation(input, rows) {
      const kept = validations.get(input);
      return kept?.rows === rows ? kept.X : undefined;
    },
    keepValidation(input, rows, X) {
      const size = X.data.byteLength;
      if (!held.has(input) || validations.has(input) || bytes + size > maxBytes) return;
      validations.set(input, { rows, X });
      bytes += size;
    },
    put(frame, train, key, input) {
      const size = input.X.data.byteLength;
      if (bytes + size > maxBytes) return;
      let folds = byFrame.get(frame);
      if (!folds) byFrame.set(frame, (folds = new WeakMap()));
      let inputs = folds.get(train);
      if (!inputs) folds.set(train, (inputs = new Map()));
      if (inputs.has(key)) return;
      inputs.set(key, input);
      held.add(input);
      bytes += size;
    },
  };
}

/**
 * Steps whose fit uses no random numbers, so that the fitted recipe does not depend on the job's
 * seed (each model's folds have their own seed): then jobs of different models share a fit.
 * Any other step (resampling, kNN imputation, target encoding, ...) keeps the seed in the key.
 */
function seedFree(step: StepConfig): boolean {
  if (!step.enabled) return true;
  if (step.type === "one_hot" || step.type === "standard") return true;
  if (step.type === "impute") {
    const strategy = step.params.strategy ?? imputeInfo.defaults.strategy;
    return strategy !== "knn";
  }
  return false;
}

/** What a fitted recipe depends on besides the rows: the recipe, target, task and maybe the seed. */
export function foldInputKey(recipe: Recipe, target: string, task: string, seed: number): string {
  const seeded = recipe.steps.every(seedFree) ? "" : String(seed);
  return JSON.stringify([target, task, seeded, recipe]);
}
