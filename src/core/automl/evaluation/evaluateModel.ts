import { type ConfusionMatrix, confusionMatrix } from "../../eval/confusionMatrix.ts";
import type { Task } from "../../framing/task.ts";
import type { EntryId } from "../ladder/leaderboard.ts";
import { type ClassCurves, classCurves } from "./classCurves.ts";
import type { ModelPredictions, PredictionSet } from "./modelPredictions.ts";
import { type RegressionPlots, regressionPlots } from "./regressionPlots.ts";
import { type MetricScores, scoreAll } from "./scoreMetrics.ts";
import { type ThresholdSweep, thresholdSweep } from "./thresholdSweep.ts";

/** Evaluation of a classifier on one part of the rows. */
export interface ClassificationEvaluation {
  task: "binary" | "multiclass";
  rows: number;
  metrics: MetricScores;
  /** Of the model's own predictions (argmax of the probabilities). */
  confusion: ConfusionMatrix;
  /** Binary: one entry, the positive class (class 1). Multiclass: one-vs-rest per class. Empty without probabilities. */
  curves: ClassCurves[];
  /** Binary with probabilities: confusion counts at thresholds 0..1, for a slider; null otherwise. */
  thresholdSweep: ThresholdSweep | null;
  /** Binary problems: the class whose probability the threshold applies to. */
  positiveClass: string | null;
}

/** Evaluation of a regression model on one part of the rows. */
export interface RegressionEvaluation {
  task: "regression";
  rows: number;
  metrics: MetricScores;
  plots: RegressionPlots;
}

export type PartEvaluation = ClassificationEvaluation | RegressionEvaluation;

/** Plain-data evaluation of one model for the UI: out-of-fold, and on the test part when there is one. */
export interface ModelEvaluation {
  model: EntryId;
  task: Task;
  classes: string[] | null;
  oof: PartEvaluation;
  test: PartEvaluation | null;
}

/** Options of `evaluateModel`. */
export interface EvaluateOptions {
  /** Seed of the point sample of regression plots (default 0). */
  seed?: number;
  /** Most points per curve or scatter (default 500 per ROC / PR curve, 2,000 per scatter). */
  maxCurvePoints?: number;
  maxScatterPoints?: number;
  /** Threshold steps of the binary sweep (default 100). */
  sweepSteps?: number;
}

function evaluatePart(p: ModelPredictions, set: PredictionSet, opts: EvaluateOptions): PartEvaluation {
  const k = p.classes?.length ?? 0;
  const metrics = scoreAll(p.task, {
    yTrue: set.yTrue,
    yPred: set.predicted,
    proba: set.proba,
    nClasses: k || undefined,
  });
  if (p.task === "regression" || !p.classes) {
    return {
      task: "regression",
      rows: set.rows.length,
      metrics,
      plots: regressionPlots(set.rows, set.yTrue, set.predicted, {
        maxPoints: opts.maxScatterPoints,
        seed: opts.seed,
      }),
    };
  }
  const binary = k === 2;
  const positive = binary ? Float64Array.from(set.yTrue, (v) => (v === 1 ? 1 : 0)) : null;
  const scores = binary && set.proba ? Float64Array.from(set.yTrue, (_, i) => set.proba![i * 2 + 1]) : null;
  return {
    task: binary ? "binary" : "multiclass",
    rows: set.rows.length,
    metrics,
    confusion: confusionMatrix(set.yTrue, set.predicted, k),
    curves: set.proba ? classCurves(set.yTrue, set.proba, p.classes, { maxPoints: opts.maxCurvePoints }) : [],
    thresholdSweep: positive && scores ? thresholdSweep(positive, scores, opts.sweepSteps ?? 100) : null,
    positiveClass: binary ? p.classes[1] : null,
  };
}

/**
 * Everything the UI draws for a model from the ladder's predictions: classification, every metric,
 * the confusion matrix, ROC / PR / calibration curves and the threshold sweep; regression, every
 * metric, predicted-against-actual points, residuals and their histogram. Cheap (sorting at most);
 * the heavy views (learning curve, permutation importance) are separate calls.
 */
export function evaluateModel(predictions: ModelPredictions, opts: EvaluateOptions = {}): ModelEvaluation {
  return {
    model: predictions.model,
    task: predictions.task,
    classes: predictions.classes,
    oof: evaluatePart(predictions, predictions.oof, opts),
    test: predictions.test ? evaluatePart(predictions, predictions.test, opts) : null,
  };
}
