import type { Frame } from "../../data/frame.ts";
import { type Fold, kFold, stratifiedKFold, timeSeriesSplit } from "../../eval/kFold.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";

/** The folds of a diagnostic curve, as frame row indices, and the encoded labels they used. */
export interface CurveFolds {
  folds: { train: Int32Array; test: Int32Array }[];
  /** Class index per frame row (classification), else null. */
  labels: Float64Array | null;
}

/**
 * k folds over the plan's training rows for the learning and validation curves: in time order
 * when the plan is time-ordered, stratified by class for classification, shuffled k-fold else;
 * `seed` is the curve's own (derived from the plan's), so each curve draws its folds apart.
 */
export function curveFolds(frame: Frame, plan: LadderPlan, k: number, seed: number): CurveFolds {
  const targetCol = frame.columns.find((c) => c.name === plan.target)!;
  const labels = plan.classes ? encodeTarget(targetCol, plan.task, plan.classes).values : null;
  const train = plan.train;
  const rowsOf = (f: Fold) => ({
    train: Int32Array.from(f.train, (p) => train[p]),
    test: Int32Array.from(f.test, (p) => train[p]),
  });
  const folds = (
    plan.timeOrdered
      ? timeSeriesSplit(train.length, k)
      : labels
        ? stratifiedKFold(
            Float64Array.from(train, (r) => labels[r]),
            k,
            { seed },
          )
        : kFold(train.length, k, { seed })
  ).map(rowsOf);
  return { folds, labels };
}
