/**
 * The metric catalogue: every metric the app knows, what it means and which way is better. It
 * holds no formula (those live in eval/metrics.ts, keyed by the same ids), so the UI can import it
 * without the scoring code.
 */
import { ValidationError } from "../errors.ts";
import type { Task } from "./task.ts";

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

/** One metric as the catalogue describes it. */
export interface MetricInfo {
  id: MetricId;
  /** Display name, e.g. "ROC AUC". */
  label: string;
  /** Whether a larger value is better. */
  direction: "higher" | "lower";
  tasks: Task[];
  /** True when the metric reads class probabilities rather than predicted classes. */
  needsProba: boolean;
  /** Bounds of the score (null: unbounded on that side). */
  min: number | null;
  max: number | null;
  /** What the score means, in plain words. */
  description: string;
  /** Offered as a success metric when framing a problem (the rest are reported, not chosen). */
  framing: boolean;
}

const CLASSIFICATION: Task[] = ["binary", "multiclass"];
const REGRESSION: Task[] = ["regression"];

/** A catalogue row: classification scores run 0 to 1, higher better; regression errors from 0, lower better. */
function metric(
  id: MetricId,
  label: string,
  description: string,
  rest: Partial<MetricInfo> = {},
): MetricInfo {
  const regression = rest.tasks === REGRESSION;
  return {
    id,
    label,
    direction: regression ? "lower" : "higher",
    tasks: CLASSIFICATION,
    needsProba: false,
    min: 0,
    max: regression ? null : 1,
    description,
    framing: false,
    ...rest,
  };
}
const classification = metric;
const regression = (id: MetricId, label: string, description: string, rest: Partial<MetricInfo> = {}) =>
  metric(id, label, description, { tasks: REGRESSION, ...rest });

/** Every metric the app scores models with, by id, in display order. */
export const METRICS: Record<MetricId, MetricInfo> = {
  accuracy: classification("accuracy", "Accuracy", "share of rows classified correctly", { framing: true }),
  balanced_accuracy: classification(
    "balanced_accuracy",
    "Balanced accuracy",
    "mean recall over the classes, so every class counts the same however rare",
    { framing: true },
  ),
  f1_macro: classification(
    "f1_macro",
    "F1 (macro)",
    "mean over the classes of the harmonic mean of precision and recall",
    { framing: true },
  ),
  f1_weighted: classification(
    "f1_weighted",
    "F1 (weighted)",
    "F1 per class, averaged with each class weighted by its number of rows",
  ),
  precision_macro: classification(
    "precision_macro",
    "Precision (macro)",
    "mean over the classes of the share of rows predicted as the class that really are",
  ),
  recall_macro: classification(
    "recall_macro",
    "Recall (macro)",
    "mean over the classes of the share of the class's rows that are found",
  ),
  roc_auc: classification(
    "roc_auc",
    "ROC AUC",
    "chance that a random positive is ranked above a random negative (one-vs-rest mean for several classes)",
    { needsProba: true, framing: true },
  ),
  pr_auc: classification(
    "pr_auc",
    "PR AUC (average precision)",
    "precision averaged over the recall levels as the threshold falls; informative when positives are rare",
    { needsProba: true },
  ),
  log_loss: classification(
    "log_loss",
    "Log loss",
    "how much probability the model put on the true class, penalising confident mistakes",
    { needsProba: true, direction: "lower", max: null, framing: true },
  ),
  rmse: regression(
    "rmse",
    "RMSE",
    "root mean squared error, in the target's units; large errors weigh more",
    {
      framing: true,
    },
  ),
  mae: regression("mae", "MAE", "mean absolute error, in the target's units; robust to a few extreme rows", {
    framing: true,
  }),
  mse: regression("mse", "MSE", "mean squared error, in the target's units squared"),
  r2: regression(
    "r2",
    "R²",
    "share of the target's variance explained (1 is perfect, 0 is no better than the mean)",
    { direction: "higher", min: null, max: 1, framing: true },
  ),
  mape: regression("mape", "MAPE", "mean absolute error as a share of the true value; undefined near zero"),
};

/** Every metric id, in display order. */
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

/** The metrics offered when framing a problem, in display order. */
export const FRAMING_METRICS: MetricInfo[] = METRIC_IDS.map((id) => METRICS[id]).filter((m) => m.framing);

/** Whether `id` names a metric of the catalogue. */
export function isMetricId(id: unknown): id is MetricId {
  return typeof id === "string" && Object.hasOwn(METRICS, id);
}

/** The metric with this id; ValidationError for an unknown one. */
export function getMetric(id: string): MetricInfo {
  if (!isMetricId(id)) throw new ValidationError(`unknown metric: ${id}`);
  return METRICS[id];
}

/** The metrics offered when framing a problem of this task, in display order. */
export function metricsForTask(task: Task): MetricInfo[] {
  return FRAMING_METRICS.filter((m) => m.tasks.includes(task));
}

/** Metric used when the caller names none: ROC AUC for binary, accuracy for multiclass, R² for regression. */
export function defaultMetric(task: Task): MetricId {
  return task === "binary" ? "roc_auc" : task === "multiclass" ? "accuracy" : "r2";
}

/** True when score `a` beats `b` under the metric's direction. */
export function isBetter(id: MetricId, a: number, b: number): boolean {
  return METRICS[id].direction === "higher" ? a > b : a < b;
}
