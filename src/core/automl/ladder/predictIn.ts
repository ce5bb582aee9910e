import type { Frame } from "../../data/frame.ts";
import type { Estimator, Matrix } from "../../models/estimator.ts";
import { applyRecipe } from "../../pipeline/applyRecipe.ts";
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import { toMatrix } from "../../pipeline/toMatrix.ts";

/**
 * Predictions of a fitted model on a matrix, with class indices and probability columns moved
 * from the fitted model's classes (`own`) to the run's (`all`): a fold whose training rows lack a
 * class still predicts in the run's numbering, with probability 0 for the missing class.
 */
export function predictIn(
  model: Estimator,
  X: Matrix,
  own: string[] | null,
  all: string[] | null,
): { predictions: Float64Array; proba: Float64Array | null } {
  const raw = model.predict(X);
  if (!all || !own) return { predictions: raw, proba: null };
  const map = own.map((c) => all.indexOf(c));
  const predictions = Float64Array.from(raw, (c) => map[c]);
  if (!model.predictProba) return { predictions, proba: null };
  const p = model.predictProba(X);
  const k = all.length;
  const j = own.length;
  const proba = new Float64Array(X.rows * k);
  for (let r = 0; r < X.rows; r++) for (let c = 0; c < j; c++) proba[r * k + map[c]] = p[r * j + c];
  return { predictions, proba };
}

/** The model matrix of new rows through a fitted recipe. */
export function matrixOf(fitted: FittedRecipe, frame: Frame, signal?: AbortSignal): Matrix {
  return toMatrix(applyRecipe(fitted, frame, { signal }), { names: fitted.features });
}
