import { ValidationError } from "../../errors.ts";
import type { Matrix, Target, Task } from "../../models/estimator.ts";
import { fitQuickForest } from "./quickForest.ts";
import { fitQuickLinear } from "./quickLinear.ts";
import { QUICK_MODELS, type QuickModelId } from "./selectMethods.ts";

/**
 * The model families feature scoring can use, named by their registry ids. Each is the registry's
 * model with small, fast settings, fitted synchronously (see quickLinear.ts, quickForest.ts):
 * linear = ridge, logistic = L2 logistic regression (coefficient sizes on standardised features as
 * importances), the forests with impurity importances.
 */
export { QUICK_MODELS, type QuickModelId };

/** A fitted quick model: per-feature importances and predictions. */
export interface QuickModel {
  importances: Float64Array;
  /** Values, or class probabilities (rows x classes). */
  predictRaw(X: Matrix): Float64Array;
}

/**
 * The model for an id: "auto" takes `auto`, where "linear_family" means linear for values and
 * logistic for classes; a named id must suit the task.
 */
export function resolveModel(id: string, task: Task, auto: QuickModelId | "linear_family"): QuickModelId {
  const chosen = id === "auto" ? auto : (id as QuickModelId);
  if (chosen === "linear_family") return task === "regression" ? "linear" : "logistic";
  if (!QUICK_MODELS.includes(chosen))
    throw new ValidationError(`unknown model for feature scoring: ${String(chosen)}`);
  if (chosen === "linear" && task !== "regression")
    throw new ValidationError("model linear fits values; use logistic for classes");
  if (chosen === "logistic" && task === "regression")
    throw new ValidationError("model logistic fits classes; use linear for values");
  return chosen;
}

/** Seed and forest size of a quick fit. */
export interface QuickFitOptions {
  seed?: number;
  /** Trees of the forests (default 30). */
  trees?: number;
}

/** Fits a quick model synchronously: ridge / L2 logistic with scikit-learn's default strength, or a small forest. */
export function fitQuickModel(
  id: QuickModelId,
  X: Matrix,
  y: Target,
  opts: QuickFitOptions = {},
): QuickModel {
  if (id === "linear" || id === "logistic")
    return fitQuickLinear(X, y, { penalty: "l2", strength: "default" });
  return fitQuickForest(X, y, { kind: id, seed: opts.seed, trees: opts.trees });
}

/** The columns `idx` of a matrix. */
export function selectColumns(X: Matrix, idx: readonly number[]): Matrix {
  const q = idx.length;
  const data = new Float64Array(X.rows * q);
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < q; j++) data[i * q + j] = X.data[i * X.cols + idx[j]];
  return { data, rows: X.rows, cols: q, names: idx.map((j) => X.names[j]) };
}
