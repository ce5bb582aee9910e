import type { Frame } from "../../data/frame.ts";
import type { Estimator, Matrix } from "../../models/estimator.ts";
import { argmax } from "../../models/fitChecks.ts";
import { applyRecipe } from "../../pipeline/applyRecipe.ts";
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import { toMatrix } from "../../pipeline/toMatrix.ts";

/**
 * Classifiers whose `predict` is exactly `argmax` (fitChecks.ts, the first class on ties) of their
 * own `predictProba`, so their labels can be read off the probabilities instead of predicting
 * twice. Naive Bayes is not one: it takes the argmax of its joint log-likelihoods, which may tie
 * differently from their rounded softmax. A model added here must keep that identity (tested in
 * tests/unit/core/automl/ladder/predictIn.test.ts for every listed type).
 */
export const ARGMAX_OF_PROBA: ReadonlySet<string> = new Set([
  "baseline",
  "decision_tree",
  "random_forest",
  "extra_trees",
  "gbdt",
  "knn",
  "logistic",
  "mlp",
]);

/**
 * Predictions of a fitted model on a matrix, with class indices and probability columns moved
 * from the fitted model's classes (`own`) to the run's (`all`): a fold whose training rows lack a
 * class still predicts in the run's numbering, with probability 0 for the missing class. A
 * classifier in ARGMAX_OF_PROBA predicts once: its labels are the argmax of its probabilities.
 */
export function predictIn(
  model: Estimator,
  X: Matrix,
  own: string[] | null,
  all: string[] | null,
): { predictions: Float64Array; proba: Float64Array | null } {
  if (!all || !own) return { predictions: model.predict(X), proba: null };
  const map = own.map((c) => all.indexOf(c));
  const j = own.length;
  const p = model.predictProba ? model.predictProba(X) : null;
  const raw =
    p && ARGMAX_OF_PROBA.has(model.type)
      ? Float64Array.from({ length: X.rows }, (_, r) => argmax(p, r * j, j))
      : model.predict(X);
  const predictions = Float64Array.from(raw, (c) => map[c]);
  if (!p) return { predictions, proba: null };
  const k = all.length;
  const proba = new Float64Array(X.rows * k);
  for (let r = 0; r < X.rows; r++) for (let c = 0; c < j; c++) proba[r * k + map[c]] = p[r * j + c];
  return { predictions, proba };
}

/** The model matrix of new rows through a fitted recipe. */
export function matrixOf(fitted: FittedRecipe, frame: Frame, signal?: AbortSignal): Matrix {
  return toMatrix(applyRecipe(fitted, frame, { signal }), { names: fitted.features });
}
