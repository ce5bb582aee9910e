import { convertColumn } from "../data/convertColumn.ts";
import type { Column, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import type { Target } from "../models/estimator.ts";
import type { StepConfig } from "../prep/step.ts";
import { encodeTarget } from "../prep/targetValues.ts";
import type { FittedRecipe } from "./fittedRecipe.ts";
import { getStep } from "./stepRegistry.ts";

/**
 * Applies a fitted recipe to new rows (validation folds, the test part, data to score): each step's
 * learned state, unchanged, without looking at any target. The frame must hold every input
 * column (a ValidationError names those it lacks); extra columns are ignored, order does not
 * matter, and a column read as another kind is converted to the kind the recipe was fitted on.
 * Training-only steps (resampling, row dropping) leave new rows as they are.
 */
export function applyRecipe(fitted: FittedRecipe, frame: Frame, opts: { signal?: AbortSignal } = {}): Frame {
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const missing = fitted.inputs.filter((i) => !byName.has(i.name)).map((i) => `"${i.name}"`);
  if (missing.length > 0) {
    throw new ValidationError(
      `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: the recipe was fitted with ${missing.length > 1 ? "them" : "it"}`,
    );
  }
  const columns = fitted.inputs.map(({ name, kind }): Column => {
    const col = byName.get(name)!;
    const typed = col.kind === kind ? col : convertColumn(col, kind);
    return typed.role === "feature" ? typed : { ...typed, role: "feature" };
  });
  let current: Frame = { rows: frame.rows, columns };
  const configs = new Map<string, StepConfig>(fitted.recipe.steps.map((s) => [s.id, s]));
  for (const step of fitted.steps) {
    opts.signal?.throwIfAborted();
    const config = configs.get(step.id);
    if (!config) throw new ValidationError(`fitted recipe has no config for step "${step.id}"`);
    current = getStep(step.type).transform(current, step.state, config);
  }
  return current;
}

/**
 * The target of labelled new rows (a test part), encoded with the training classes: a label the
 * training rows never had, or a missing one, becomes NaN.
 */
export function applyTarget(fitted: FittedRecipe, frame: Frame): Target {
  if (fitted.target === null || fitted.task === null)
    throw new ValidationError("the recipe was fitted without a target");
  const col = frame.columns.find((c) => c.name === fitted.target);
  if (!col) throw new ValidationError(`missing target column "${fitted.target}"`);
  return encodeTarget(col, fitted.task, fitted.classes ?? undefined);
}
