import type { MetricScores } from "../../core/automl/evaluation/scoreMetrics.ts";
import { METRICS, type MetricId } from "../../core/framing/metrics.ts";
import type { Task } from "../../core/models/estimator.ts";
import { formatScore } from "../charts/formatNumber.ts";

/** The metric table's rows, in reading order: the headline ones first. */
export const CLASSIFICATION_METRICS: readonly MetricId[] = [
  "accuracy",
  "balanced_accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "f1_weighted",
  "roc_auc",
  "pr_auc",
  "log_loss",
];
export const REGRESSION_METRICS: readonly MetricId[] = ["mae", "mse", "rmse", "r2", "mape"];

/** One metric, out-of-fold and on the test part, formatted ("–" where it is undefined). */
export interface MetricRow {
  id: MetricId;
  label: string;
  /** "higher is better" / "lower is better". */
  direction: string;
  oof: string;
  test: string;
  /** The run ranks models by this metric. */
  ranking: boolean;
}

export function metricRows(
  task: Task,
  oof: MetricScores,
  test: MetricScores | null,
  ranking: MetricId,
): MetricRow[] {
  const ids = task === "regression" ? REGRESSION_METRICS : CLASSIFICATION_METRICS;
  return ids.map((id) => ({
    id,
    label: METRICS[id].label,
    direction: METRICS[id].direction === "higher" ? "higher is better" : "lower is better",
    oof: formatScore(oof[id]),
    test: test ? formatScore(test[id]) : "–",
    ranking: id === ranking,
  }));
}
