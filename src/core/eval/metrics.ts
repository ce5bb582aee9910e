import { ValidationError } from "../errors.ts";
import type { Task } from "../framing/task.ts";
import { accuracy } from "./accuracy.ts";
import { balancedAccuracy } from "./balancedAccuracy.ts";
import { logLoss } from "./logLoss.ts";
import { mape } from "./mape.ts";
import { prAuc } from "./prAuc.ts";
import { f1Score, precisionScore, recallScore } from "./precisionRecallF1.ts";
import { r2 } from "./r2.ts";
import { mae, mse, rmse } from "./regressionErrors.ts";
import { rocAuc } from "./rocAuc.ts";

/** Ids of the metrics in `METRICS`. */
export type MetricId =
  | "accuracy"
  | "balanced_accuracy"
  | "f1_macro"
  | "f1_weighted"
  | "precision_macro"
  | "recall_macro"
  | "roc_auc"
  | "pr_auc"
  | "log_loss"
  | "rmse"
  | "mae"
  | "mse"
  | "r2"
  | "mape";

/**
 * What a metric reads. Classification: `yTrue` / `yPred` hold class indices and `proba` row-major
 * probabilities (rows x nClasses). Regression: values.
 */
export interface MetricInput {
  yTrue: Float64Array;
  yPred: Float64Array;
  proba?: Float64Array;
  /** Defaults to `proba.length / yTrue.length`. */
  nClasses?: number;
  weight?: Float64Array;
}

/** One row of the metric table. */
export interface Metric {
  id: MetricId;
  label: string;
  /** Whether a larger value is better. */
  direction: "higher" | "lower";
  tasks: Task[];
  /** True when the metric reads `proba` rather than `yPred`. */
  needsProba: boolean;
  fn: (input: MetricInput) => number;
}

const CLASSIFICATION: Task[] = ["binary", "multiclass"];
const REGRESSION: Task[] = ["regression"];

function withProba(
  id: MetricId,
  f: (yTrue: Float64Array, proba: Float64Array, k: number, weight?: Float64Array) => number,
) {
  return ({ yTrue, proba, nClasses, weight }: MetricInput) => {
    if (!proba) throw new ValidationError(`metric ${id} needs class probabilities`);
    return f(yTrue, proba, nClasses ?? proba.length / Math.max(1, yTrue.length), weight);
  };
}

function make(
  id: MetricId,
  label: string,
  direction: Metric["direction"],
  tasks: Task[],
  fn: Metric["fn"],
  needsProba = false,
): Metric {
  return { id, label, direction, tasks, needsProba, fn };
}

/** Every metric the app scores models with, by id. */
export const METRICS: Record<MetricId, Metric> = {
  accuracy: make("accuracy", "Accuracy", "higher", CLASSIFICATION, (m) =>
    accuracy(m.yTrue, m.yPred, m.weight),
  ),
  balanced_accuracy: make("balanced_accuracy", "Balanced accuracy", "higher", CLASSIFICATION, (m) =>
    balancedAccuracy(m.yTrue, m.yPred, m.weight),
  ),
  f1_macro: make("f1_macro", "F1 (macro)", "higher", CLASSIFICATION, (m) =>
    f1Score(m.yTrue, m.yPred, "macro", m.weight),
  ),
  f1_weighted: make("f1_weighted", "F1 (weighted)", "higher", CLASSIFICATION, (m) =>
    f1Score(m.yTrue, m.yPred, "weighted", m.weight),
  ),
  precision_macro: make("precision_macro", "Precision (macro)", "higher", CLASSIFICATION, (m) =>
    precisionScore(m.yTrue, m.yPred, "macro", m.weight),
  ),
  recall_macro: make("recall_macro", "Recall (macro)", "higher", CLASSIFICATION, (m) =>
    recallScore(m.yTrue, m.yPred, "macro", m.weight),
  ),
  roc_auc: make("roc_auc", "ROC AUC", "higher", CLASSIFICATION, withProba("roc_auc", rocAuc), true),
  pr_auc: make(
    "pr_auc",
    "PR AUC (average precision)",
    "higher",
    CLASSIFICATION,
    withProba("pr_auc", prAuc),
    true,
  ),
  log_loss: make("log_loss", "Log loss", "lower", CLASSIFICATION, withProba("log_loss", logLoss), true),
  rmse: make("rmse", "RMSE", "lower", REGRESSION, (m) => rmse(m.yTrue, m.yPred, m.weight)),
  mae: make("mae", "MAE", "lower", REGRESSION, (m) => mae(m.yTrue, m.yPred, m.weight)),
  mse: make("mse", "MSE", "lower", REGRESSION, (m) => mse(m.yTrue, m.yPred, m.weight)),
  r2: make("r2", "R²", "higher", REGRESSION, (m) => r2(m.yTrue, m.yPred, m.weight)),
  mape: make("mape", "MAPE", "lower", REGRESSION, (m) => mape(m.yTrue, m.yPred, m.weight)),
};

/** The metric with this id; ValidationError for an unknown one. */
export function getMetric(id: string): Metric {
  const metric = (METRICS as Record<string, Metric | undefined>)[id];
  if (!metric) throw new ValidationError(`unknown metric: ${id}`);
  return metric;
}

/** Metric used when the caller names none: ROC AUC for binary, accuracy for multiclass, R² for regression. */
export function defaultMetric(task: Task): MetricId {
  return task === "binary" ? "roc_auc" : task === "multiclass" ? "accuracy" : "r2";
}

/** True when score `a` beats `b` under the metric's direction. */
export function isBetter(id: MetricId, a: number, b: number): boolean {
  return METRICS[id].direction === "higher" ? a > b : a < b;
}
