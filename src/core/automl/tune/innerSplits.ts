/**
 * Where a model's trials learn and are scored: inner splits of ONE set of training rows (an outer
 * fold's, or the whole training part's for the refit), so no row the outer fold scores, and no
 * test-part row, is ever seen by the search. Small training sets get a 3-fold inner
 * cross-validation (one holdout of a few dozen rows is too noisy to rank candidates), larger ones
 * one 25% holdout. Classes are stratified; time-ordered plans hold out the latest rows.
 */
import type { Frame } from "../../data/frame.ts";
import { type Fold, holdout, kFold, stratifiedKFold } from "../../eval/kFold.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";

/** Below this many training rows the inner evaluation is a 3-fold cross-validation. */
export const INNER_CV_BELOW = 2000;
/** Inner folds for small training sets. */
export const INNER_FOLDS = 3;
/** Share of the training rows an inner holdout scores on. */
export const INNER_HOLDOUT = 0.25;

/** An inner split, as frame row indices. */
export interface InnerSplit {
  train: Int32Array;
  validation: Int32Array;
}

const mapRows = (rows: Int32Array, positions: ArrayLike<number>) =>
  Int32Array.from(positions, (p) => rows[p]);

/**
 * The inner splits of `rows` (frame rows, in the plan's order: time order for time-ordered
 * plans). Same rows and seed, same splits.
 */
export function innerSplits(frame: Frame, plan: LadderPlan, rows: Int32Array, seed: number): InnerSplit[] {
  const n = rows.length;
  if (plan.timeOrdered) {
    const cut = n - Math.max(1, Math.round(n * INNER_HOLDOUT));
    return [{ train: rows.slice(0, cut), validation: rows.slice(cut) }];
  }
  let labels: Float64Array | null = null;
  if (plan.classes) {
    const target = frame.columns.find((c) => c.name === plan.target)!;
    const all = encodeTarget(target, plan.task, plan.classes).values;
    labels = Float64Array.from(rows, (r) => all[r]);
  }
  let folds: Fold[];
  if (n < INNER_CV_BELOW) {
    folds = labels ? stratifiedKFold(labels, INNER_FOLDS, { seed }) : kFold(n, INNER_FOLDS, { seed });
  } else {
    folds = [holdout(n, { testFraction: INNER_HOLDOUT, seed, stratify: labels ?? undefined })];
  }
  return folds.map((f) => ({ train: mapRows(rows, f.train), validation: mapRows(rows, f.test) }));
}
