import { SCORERS } from "../../eval/metrics.ts";
import { METRICS, type MetricId } from "../../framing/metrics.ts";
import type { Task } from "../../framing/task.ts";

/** Metric id → score; NaN where a metric cannot be computed (one class present, no probabilities). */
export type MetricScores = Partial<Record<MetricId, number>>;

/** Predictions of some rows with their true targets, as the metrics read them. */
export interface ScoredRows {
  yTrue: Float64Array;
  /** Regression: values. Classification: class indices. */
  yPred: Float64Array;
  /** Classification: rows x nClasses probabilities, when the model gives them. */
  proba?: Float64Array | null;
  nClasses?: number;
}

/** One metric on some rows; NaN instead of an error when it cannot be computed. */
export function scoreMetric(id: MetricId, rows: ScoredRows): number {
  const metric = METRICS[id];
  if (rows.yTrue.length === 0) return Number.NaN;
  if (metric.needsProba && !rows.proba) return Number.NaN;
  try {
    return SCORERS[id]({
      yTrue: rows.yTrue,
      yPred: rows.yPred,
      proba: rows.proba ?? undefined,
      nClasses: rows.nClasses,
    });
  } catch (err) {
    if ((err as Error | null)?.name === "ValidationError") return Number.NaN;
    throw err;
  }
}

/** Every metric valid for the task, by id, in the order of `METRICS`. */
export function scoreAll(task: Task, rows: ScoredRows): MetricScores {
  const out: MetricScores = {};
  for (const metric of Object.values(METRICS)) {
    if (metric.tasks.includes(task)) out[metric.id] = scoreMetric(metric.id, rows);
  }
  return out;
}
