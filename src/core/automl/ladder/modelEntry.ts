import type { Frame } from "../../data/frame.ts";
import { type Criterion, checkCriterion } from "../../framing/criterion.ts";
import { type ModelSpec, modelLabel } from "../../models/syncModels.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import type { ModelPredictions, PredictionSet } from "../evaluation/modelPredictions.ts";
import { scoreAll } from "../evaluation/scoreMetrics.ts";
import { FINAL_FOLD, type FoldResult } from "./foldJob.ts";
import type { LadderPlan } from "./ladderPlan.ts";
import { type LeaderboardEntry, meanStd } from "./leaderboard.ts";

/**
 * Joins fold results into one prediction set, rows in the order the folds list them; `all` is the
 * whole target column encoded in the run's classes (made once per model: 8 MB at a million rows).
 */
function joinResults(plan: LadderPlan, results: FoldResult[], all: ArrayLike<number>): PredictionSet {
  const n = results.reduce((s, r) => s + r.validation.length, 0);
  const k = plan.classes?.length ?? 0;
  const rows = new Int32Array(n);
  const predicted = new Float64Array(n);
  const withProba = k > 0 && results.every((r) => r.proba !== null);
  const proba = withProba ? new Float64Array(n * k) : null;
  let at = 0;
  for (const r of results) {
    rows.set(r.validation, at);
    predicted.set(r.predictions, at);
    if (proba && r.proba) proba.set(r.proba, at * k);
    at += r.validation.length;
  }
  // A loop: Float64Array.from(rows, map) went through the iterator protocol, a heap list of every row.
  const yTrue = new Float64Array(n);
  for (let i = 0; i < n; i++) yTrue[i] = all[rows[i]];
  return { rows, yTrue, predicted, proba };
}

const scoresOf = (plan: LadderPlan, set: PredictionSet) =>
  scoreAll(plan.task, {
    yTrue: set.yTrue,
    yPred: set.predicted,
    proba: set.proba,
    nClasses: plan.classes?.length,
  });

/**
 * The leaderboard entry and the predictions of one model from its finished jobs (the folds, plus
 * the final refit when the plan has a test part). The criterion, when given, is checked on
 * cv_mean if it names the ranking metric, else on the out-of-fold score of its own metric.
 */
export function modelEntry(
  frame: Frame,
  plan: LadderPlan,
  spec: ModelSpec,
  results: FoldResult[],
  criterion?: Criterion | null,
): { entry: LeaderboardEntry; predictions: ModelPredictions } {
  const cv = results.filter((r) => r.fold !== FINAL_FOLD).sort((a, b) => a.fold - b.fold);
  const final = results.find((r) => r.fold === FINAL_FOLD && r.validation.length > 0);
  const targetCol = frame.columns.find((c) => c.name === plan.target)!;
  const all = encodeTarget(targetCol, plan.task, plan.classes ?? undefined).values;
  const oof = joinResults(plan, cv, all);
  const test = final ? joinResults(plan, [final], all) : null;
  const foldScores = cv.map((r) => r.score);
  const { mean, std } = meanStd(foldScores);
  const metrics = scoresOf(plan, oof);
  let criterionMet: boolean | null = null;
  if (criterion) {
    const score = criterion.metric === plan.metric ? mean : metrics[criterion.metric];
    criterionMet = checkCriterion(criterion, score);
  }
  const backend = results.find((r) => r.backend !== null)?.backend ?? null;
  return {
    entry: {
      model: spec.id,
      label: modelLabel(spec, plan.task, cv[0]?.params ?? final?.params),
      metric: plan.metric,
      cv_mean: mean,
      cv_std: std,
      fold_scores: foldScores,
      train_mean: meanStd(cv.map((r) => r.trainScore ?? Number.NaN)).mean,
      metrics,
      test_metrics: test ? scoresOf(plan, test) : {},
      fit_seconds: results.reduce((s, r) => s + r.seconds, 0),
      backend,
      params: cv[0]?.params ?? final?.params ?? {},
      criterion_met: criterionMet,
    },
    predictions: { model: spec.id, task: plan.task, classes: plan.classes, oof, test },
  };
}

/** The entry of a model that could not be trained: NaN scores and the reason. */
export function failedEntry(
  plan: LadderPlan,
  spec: ModelSpec,
  error: string,
  criterion?: Criterion | null,
): LeaderboardEntry {
  return {
    model: spec.id,
    label: modelLabel(spec, plan.task),
    metric: plan.metric,
    cv_mean: Number.NaN,
    cv_std: Number.NaN,
    fold_scores: [],
    train_mean: Number.NaN,
    metrics: {},
    test_metrics: {},
    fit_seconds: 0,
    backend: null,
    params: {},
    criterion_met: criterion ? false : null,
    error,
  };
}
