import { formatShare } from "../util/format.ts";
import type { TaskDetection } from "./detectTask.ts";
import { classBalance } from "./imbalance.ts";
import { METRICS, type MetricId, type MetricInfo, metricsForTask } from "./metrics.ts";
import { isSkewed, SKEW_THRESHOLD } from "./skewness.ts";

/** What chooseMetric reads of a regression target's numeric summary (profile's NumericSummary fits). */
export interface TargetShape {
  skewness: number | null;
  histogram: { counts: readonly number[] };
  box: { outliers: number };
}

export interface MetricChoice {
  metric: MetricId;
  reasons: string[];
  /** Every metric valid for the task, the chosen one first. */
  metrics: MetricInfo[];
}

/**
 * A skewed regression target (`isSkewed`, the threshold Explore's alert uses too) is scored with
 * MAE rather than RMSE, and so is one with more than this share of values beyond 1.5 IQR of the quartiles. */
export const OUTLIER_TARGET_SHARE = 0.05;

const pct = formatShare;
const ratio = (x: number) => x.toFixed(1);

/**
 * Proposes a success metric:
 * - binary: ROC AUC, which needs no threshold and is not fooled by a rare positive class;
 * - multiclass: accuracy when classes are balanced (IMBALANCE_RATIO), balanced accuracy otherwise;
 * - regression: RMSE, or MAE when the target is heavily skewed or has many outliers (given its
 *   numeric summary), because squared errors would let a handful of extreme rows dominate.
 */
export function chooseMetric(detection: TaskDetection, target?: TargetShape | null): MetricChoice {
  const { task } = detection;
  const reasons: string[] = [];
  let metric: MetricId;
  const balance =
    detection.classes && detection.classCounts
      ? classBalance(detection.classes, detection.classCounts)
      : null;
  if (task === "binary") {
    metric = "roc_auc";
    reasons.push(
      "ROC AUC measures how well the model ranks the two classes at every threshold, so it needs no cut-off and stays meaningful when one class is rare.",
    );
    if (balance?.imbalanced) {
      reasons.push(
        `The classes are imbalanced (${balance.minority} is ${pct(balance.minorityShare)} of the rows, ${ratio(balance.ratio)} to 1): plain accuracy would look good for a model that always answers ${balance.majority}.`,
      );
    }
  } else if (task === "multiclass") {
    if (balance?.imbalanced) {
      metric = "balanced_accuracy";
      reasons.push(
        `The classes are imbalanced (${balance.minority} has ${balance.minorityCount} rows against ${balance.majorityCount} for ${balance.majority}, ${ratio(balance.ratio)} to 1), so balanced accuracy, the mean recall over the classes, is proposed: plain accuracy would reward ignoring the rare classes.`,
      );
    } else {
      metric = "accuracy";
      const spread = balance ? ` (largest to smallest ${ratio(balance.ratio)} to 1)` : "";
      reasons.push(
        `The classes are roughly balanced${spread}, so accuracy, the share of rows classified correctly, is a fair summary.`,
      );
    }
  } else {
    const skew = target?.skewness ?? 0;
    const finite = target ? target.histogram.counts.reduce((a, b) => a + b, 0) : 0;
    const outlierShare = target && finite > 0 ? target.box.outliers / finite : 0;
    if (isSkewed(skew) || outlierShare > OUTLIER_TARGET_SHARE) {
      metric = "mae";
      const why = isSkewed(skew)
        ? `skewed (skewness ${skew.toFixed(2)}, beyond ±${SKEW_THRESHOLD})`
        : `has many outliers (${pct(outlierShare)} of values beyond 1.5 IQR of the quartiles)`;
      reasons.push(
        `The target is ${why}, so MAE, the mean absolute error in the target's units, is proposed: RMSE would be dominated by a few extreme rows.`,
      );
    } else {
      metric = "rmse";
      const shape = target
        ? ` The target is not skewed (skewness ${skew.toFixed(2)}, within ±${SKEW_THRESHOLD}).`
        : "";
      reasons.push(
        `RMSE, the root mean squared error in the target's units, is the usual measure for regression and weighs large misses more than small ones.${shape}`,
      );
    }
  }
  const metrics = metricsForTask(task);
  metrics.sort((a, b) => (a.id === metric ? -1 : b.id === metric ? 1 : 0));
  return { metric, reasons, metrics: metrics.map((m) => ({ ...METRICS[m.id] })) };
}
