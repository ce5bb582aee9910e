/**
 * The formulas behind the metric catalogue (framing/metrics.ts), keyed by the same ids. Only the
 * engine scores; the UI reads labels and directions from the catalogue.
 */
import { ValidationError } from "../errors.ts";
import type { MetricId } from "../framing/metrics.ts";
import { accuracy } from "./accuracy.ts";
import { balancedAccuracy } from "./balancedAccuracy.ts";
import { logLoss } from "./logLoss.ts";
import { mape } from "./mape.ts";
import { prAuc } from "./prAuc.ts";
import { f1Score, precisionScore, recallScore } from "./precisionRecallF1.ts";
import { r2 } from "./r2.ts";
import { mae, mse, rmse } from "./regressionErrors.ts";
import { rocAuc } from "./rocAuc.ts";

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

/** How one metric scores some rows. */
export type Scorer = (input: MetricInput) => number;

function withProba(
  id: MetricId,
  f: (yTrue: Float64Array, proba: Float64Array, k: number, weight?: Float64Array) => number,
): Scorer {
  return ({ yTrue, proba, nClasses, weight }) => {
    if (!proba) throw new ValidationError(`metric ${id} needs class probabilities`);
    return f(yTrue, proba, nClasses ?? proba.length / Math.max(1, yTrue.length), weight);
  };
}

/** The scoring function of every catalogue metric. */
export const SCORERS: Record<MetricId, Scorer> = {
  accuracy: (m) => accuracy(m.yTrue, m.yPred, m.weight),
  balanced_accuracy: (m) => balancedAccuracy(m.yTrue, m.yPred, m.weight),
  f1_macro: (m) => f1Score(m.yTrue, m.yPred, "macro", m.weight),
  f1_weighted: (m) => f1Score(m.yTrue, m.yPred, "weighted", m.weight),
  precision_macro: (m) => precisionScore(m.yTrue, m.yPred, "macro", m.weight),
  recall_macro: (m) => recallScore(m.yTrue, m.yPred, "macro", m.weight),
  roc_auc: withProba("roc_auc", rocAuc),
  pr_auc: withProba("pr_auc", prAuc),
  log_loss: withProba("log_loss", logLoss),
  rmse: (m) => rmse(m.yTrue, m.yPred, m.weight),
  mae: (m) => mae(m.yTrue, m.yPred, m.weight),
  mse: (m) => mse(m.yTrue, m.yPred, m.weight),
  r2: (m) => r2(m.yTrue, m.yPred, m.weight),
  mape: (m) => mape(m.yTrue, m.yPred, m.weight),
};
