import type { Task } from "./task.ts";

export type MetricId =
  | "accuracy"
  | "balanced_accuracy"
  | "f1_macro"
  | "roc_auc"
  | "log_loss"
  | "rmse"
  | "mae"
  | "r2";

/** What a metric means for the person choosing it; the formulas live in the eval layer. */
export interface MetricInfo {
  id: MetricId;
  /** Display name, e.g. "ROC AUC". */
  label: string;
  direction: "higher" | "lower";
  tasks: Task[];
  /** Bounds of the score (null: unbounded on that side). */
  min: number | null;
  max: number | null;
  description: string;
}

const CLASSIFICATION: Task[] = ["binary", "multiclass"];

export const METRICS: Record<MetricId, MetricInfo> = {
  accuracy: {
    id: "accuracy",
    label: "Accuracy",
    direction: "higher",
    tasks: CLASSIFICATION,
    min: 0,
    max: 1,
    description: "share of rows classified correctly",
  },
  balanced_accuracy: {
    id: "balanced_accuracy",
    label: "Balanced accuracy",
    direction: "higher",
    tasks: CLASSIFICATION,
    min: 0,
    max: 1,
    description: "mean recall over the classes, so every class counts the same however rare",
  },
  f1_macro: {
    id: "f1_macro",
    label: "F1 macro",
    direction: "higher",
    tasks: CLASSIFICATION,
    min: 0,
    max: 1,
    description: "mean over the classes of the harmonic mean of precision and recall",
  },
  roc_auc: {
    id: "roc_auc",
    label: "ROC AUC",
    direction: "higher",
    tasks: CLASSIFICATION,
    min: 0,
    max: 1,
    description:
      "chance that a random positive is ranked above a random negative (one-vs-rest mean for several classes)",
  },
  log_loss: {
    id: "log_loss",
    label: "Log loss",
    direction: "lower",
    tasks: CLASSIFICATION,
    min: 0,
    max: null,
    description: "how much probability the model put on the true class, penalising confident mistakes",
  },
  rmse: {
    id: "rmse",
    label: "RMSE",
    direction: "lower",
    tasks: ["regression"],
    min: 0,
    max: null,
    description: "root mean squared error, in the target's units; large errors weigh more",
  },
  mae: {
    id: "mae",
    label: "MAE",
    direction: "lower",
    tasks: ["regression"],
    min: 0,
    max: null,
    description: "mean absolute error, in the target's units; robust to a few extreme rows",
  },
  r2: {
    id: "r2",
    label: "R²",
    direction: "higher",
    tasks: ["regression"],
    min: null,
    max: 1,
    description: "share of the target's variance explained (1 is perfect, 0 is no better than the mean)",
  },
};

export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

/** Metrics that make sense for a task, in display order. */
export function metricsForTask(task: Task): MetricInfo[] {
  return METRIC_IDS.map((id) => METRICS[id]).filter((m) => m.tasks.includes(task));
}

/** True when `a` is a better score than `b` for the metric. */
export function isBetter(metric: MetricId, a: number, b: number): boolean {
  return METRICS[metric].direction === "higher" ? a > b : a < b;
}
