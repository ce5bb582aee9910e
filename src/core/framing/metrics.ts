import { METRICS as SCORERS } from "../eval/metrics.ts";
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

/** Bounds and plain-words meaning of the metrics offered when framing a problem. */
const GUIDES: Record<MetricId, Pick<MetricInfo, "min" | "max" | "description">> = {
  accuracy: {
    min: 0,
    max: 1,
    description: "share of rows classified correctly",
  },
  balanced_accuracy: {
    min: 0,
    max: 1,
    description: "mean recall over the classes, so every class counts the same however rare",
  },
  f1_macro: {
    min: 0,
    max: 1,
    description: "mean over the classes of the harmonic mean of precision and recall",
  },
  roc_auc: {
    min: 0,
    max: 1,
    description:
      "chance that a random positive is ranked above a random negative (one-vs-rest mean for several classes)",
  },
  log_loss: {
    min: 0,
    max: null,
    description: "how much probability the model put on the true class, penalising confident mistakes",
  },
  rmse: {
    min: 0,
    max: null,
    description: "root mean squared error, in the target's units; large errors weigh more",
  },
  mae: {
    min: 0,
    max: null,
    description: "mean absolute error, in the target's units; robust to a few extreme rows",
  },
  r2: {
    min: null,
    max: 1,
    description: "share of the target's variance explained (1 is perfect, 0 is no better than the mean)",
  },
};

/** Label, direction and tasks come from the eval layer's scorers, so the two never disagree. */
export const METRICS = Object.fromEntries(
  (Object.keys(GUIDES) as MetricId[]).map((id) => {
    const { label, direction, tasks } = SCORERS[id];
    return [id, { id, label, direction, tasks, ...GUIDES[id] }];
  }),
) as Record<MetricId, MetricInfo>;

export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

/** Metrics that make sense for a task, in display order. */
export function metricsForTask(task: Task): MetricInfo[] {
  return METRIC_IDS.map((id) => METRICS[id]).filter((m) => m.tasks.includes(task));
}

/** True when `a` is a better score than `b` for the metric. */
export { isBetter } from "../eval/metrics.ts";
