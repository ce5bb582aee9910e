import { type Criterion, checkCriterion } from "../../framing/criterion.ts";
import type { ModelId } from "../../models/registry.ts";
import { capRows } from "../../profile/sample.ts";
import type { ModelPredictions, PredictionSet } from "../evaluation/modelPredictions.ts";
import { scoreAll, scoreMetric } from "../evaluation/scoreMetrics.ts";
import { deriveSeed } from "../ladder/deriveSeed.ts";
import type { LadderPlan } from "../ladder/ladderPlan.ts";
import { ENSEMBLE_ID, ENSEMBLE_LABEL, type LeaderboardEntry, meanStd } from "../ladder/leaderboard.ts";
import { blend, type EnsembleCandidate, greedySelection } from "./greedySelection.ts";

/** Rows the weights are chosen on at most (a seeded sample beyond); scoring still reads every row. */
export const ENSEMBLE_SELECTION_ROWS = 20_000;

/**
 * The constant model is never blended: it says nothing about a row, and each fold's constant
 * differs a little, so on pooled out-of-fold rows mixing it in shifts whole folds against each
 * other, which games a pooled ROC AUC (churn: 95% baseline "won") without helping any fold.
 */
const BASELINE_ID = "baseline";

/** A finished model the ensemble may use: its leaderboard entry and its predictions. */
export interface EnsembleMember {
  entry: LeaderboardEntry;
  predictions: ModelPredictions;
}

/** How the ensemble rung chooses its weights (the defaults are the app's). */
export interface EnsembleOptions {
  /**
   * What greedy selection optimises for classes: "metric" (the default), the run's metric with
   * ties broken by log loss, as auto-sklearn's and AutoGluon's ensemble selection do; or
   * "log_loss" (this rung's rule until session 4). Values are always chosen by the run's metric.
   */
  objective?: "log_loss" | "metric";
  /** Greedy rounds (additions with replacement). */
  rounds?: number;
}

/** What `ensembleEntry` gives: the leaderboard row, the predictions, and the final weights. */
export interface EnsembleResult {
  entry: LeaderboardEntry;
  predictions: ModelPredictions;
  /** Model id → weight (> 0 only), chosen on every out-of-fold row; they sum to 1. */
  weights: Partial<Record<ModelId, number>>;
}

/** `set` reordered to the rows of `order` (the first member's), or null when they differ. */
function aligned(set: PredictionSet, order: Int32Array, where: Map<number, number>, k: number) {
  if (set.rows.length !== order.length) return null;
  if (set.rows.every((r, i) => r === order[i])) return set;
  const width = k > 0 ? k : 1;
  const predicted = new Float64Array(order.length);
  const proba = set.proba ? new Float64Array(order.length * width) : null;
  for (let i = 0; i < set.rows.length; i++) {
    const at = where.get(set.rows[i]);
    if (at === undefined) return null;
    predicted[at] = set.predicted[i];
    if (proba && set.proba) proba.set(set.proba.subarray(i * width, (i + 1) * width), at * width);
  }
  return { rows: order, yTrue: set.yTrue, predicted, proba };
}

const weightsOf = (ids: ModelId[], w: number[]) =>
  Object.fromEntries(ids.map((id, i) => [id, w[i]]).filter(([, x]) => (x as number) > 0)) as Partial<
    Record<ModelId, number>
  >;

/**
 * The ensemble rung: a weighted blend of the finished models' predictions (the constant baseline
 * aside), chosen by greedy ensemble selection under the run's metric on out-of-fold predictions
 * (see `greedySelection`). Its cross-validated score
 * is honest: for each fold the weights are chosen on the other folds' out-of-fold rows only and
 * then scored on that fold, so no label of a fold steers the blend it is scored with. The final
 * weights are chosen on every out-of-fold row; the test part, when there is one, is the same
 * blend of the members' refitted predictions. Null when fewer than two members can blend (a
 * classifier without probabilities cannot), or when the plan follows time (choosing weights on
 * later folds to score an earlier one would look into the future).
 */
export function ensembleEntry(
  plan: LadderPlan,
  members: readonly EnsembleMember[],
  criterion?: Criterion | null,
  options: EnsembleOptions = {},
): EnsembleResult | null {
  if (plan.timeOrdered) return null;
  const k = plan.classes?.length ?? 0;
  const usable = members.filter(
    (m) =>
      Number.isFinite(m.entry.cv_mean) &&
      !m.entry.error &&
      m.entry.model !== ENSEMBLE_ID &&
      m.entry.model !== BASELINE_ID &&
      m.predictions.oof.rows.length > 0 &&
      (k === 0 || m.predictions.oof.proba !== null),
  );
  if (usable.length < 2) return null;
  const t0 = performance.now();
  const first = usable[0].predictions.oof;
  const order = first.rows;
  const where = new Map<number, number>();
  for (const [i, r] of order.entries()) where.set(r, i);
  const ids: ModelId[] = [];
  const oofs: EnsembleCandidate[] = [];
  const kept: EnsembleMember[] = [];
  for (const m of usable) {
    const set = aligned(m.predictions.oof, order, where, k);
    if (!set) continue;
    ids.push(m.entry.model as ModelId);
    oofs.push(set);
    kept.push(m);
  }
  if (kept.length < 2) return null;
  const yTrue = first.yTrue;
  const metric = plan.metric;

  // The blend is chosen by the metric it is ranked by (auto-sklearn, AutoGluon): log loss as the
  // objective kept blends that were well calibrated but less accurate (iris 0.960 nested against
  // 0.973 by accuracy, seattle-weather 0.857 against 0.861). Log loss still breaks the metric's
  // ties (accuracy ties often on small tables), so the probabilities stay sensible.
  const objective = k > 0 && options.objective === "log_loss" ? ("log_loss" as const) : metric;
  const choose = (from: Int32Array) =>
    greedySelection(
      oofs,
      Float64Array.from(from, (i) => yTrue[i]),
      from,
      objective,
      k,
      { rounds: options.rounds },
    );
  // Nested: each fold's weights come from the other folds' rows.
  const foldOf = new Int32Array(order.length).fill(-1);
  for (const [f, fold] of plan.folds.entries()) {
    for (const r of fold.test) {
      const at = where.get(r);
      if (at !== undefined) foldOf[at] = f;
    }
  }
  const seed = deriveSeed(plan.seed, ENSEMBLE_ID);
  const oofPredicted = new Float64Array(order.length);
  const oofProba = k > 0 ? new Float64Array(order.length * k) : null;
  const foldScores: number[] = [];
  for (let f = 0; f < plan.folds.length; f++) {
    const inside: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < order.length; i++) (foldOf[i] === f ? inside : outside).push(i);
    if (inside.length === 0) continue;
    const from = capRows(Int32Array.from(outside), ENSEMBLE_SELECTION_ROWS, deriveSeed(seed, f));
    const chosen = choose(from);
    const at = Int32Array.from(inside);
    const out = blend(oofs, chosen.weights, at, k);
    for (const [j, i] of at.entries()) {
      oofPredicted[i] = out.predicted[j];
      if (oofProba && out.proba) oofProba.set(out.proba.subarray(j * k, (j + 1) * k), i * k);
    }
    foldScores.push(
      scoreMetric(metric, {
        yTrue: Float64Array.from(at, (i) => yTrue[i]),
        yPred: out.predicted,
        proba: out.proba,
        nClasses: k || undefined,
      }),
    );
  }

  const all = capRows(Int32Array.from(order.keys()), ENSEMBLE_SELECTION_ROWS, deriveSeed(seed, "all"));
  const final = choose(all);
  const oof: PredictionSet = { rows: order, yTrue, predicted: oofPredicted, proba: oofProba };
  const scores = (set: PredictionSet) =>
    scoreAll(plan.task, {
      yTrue: set.yTrue,
      yPred: set.predicted,
      proba: set.proba,
      nClasses: k || undefined,
    });

  // The test part: the same blend of the members' refitted predictions.
  let test: PredictionSet | null = null;
  const tests = kept.map((m) => m.predictions.test);
  if (plan.test.length > 0 && tests.every((t) => t && t.rows.length > 0)) {
    const testOrder = tests[0]!.rows;
    const testWhere = new Map<number, number>();
    for (const [i, r] of testOrder.entries()) testWhere.set(r, i);
    const sets = tests.map((t) => aligned(t!, testOrder, testWhere, k));
    if (sets.every((s) => s !== null)) {
      const out = blend(sets as EnsembleCandidate[], final.weights, Int32Array.from(testOrder.keys()), k);
      test = { rows: testOrder, yTrue: tests[0]!.yTrue, predicted: out.predicted, proba: out.proba };
    }
  }

  const { mean, std } = meanStd(foldScores);
  const metrics = scores(oof);
  let criterionMet: boolean | null = null;
  if (criterion) {
    const score = criterion.metric === metric ? mean : metrics[criterion.metric];
    criterionMet = checkCriterion(criterion, score);
  }
  const weights = weightsOf(ids, final.weights);
  // Ladder order, positive weights only.
  const chosen = ids.filter((id) => (weights[id] ?? 0) > 0);
  const memberSeconds = kept
    .filter((m) => (weights[m.entry.model as ModelId] ?? 0) > 0)
    .reduce((s, m) => s + m.entry.fit_seconds, 0);
  return {
    entry: {
      model: ENSEMBLE_ID,
      label: ENSEMBLE_LABEL,
      metric,
      cv_mean: mean,
      cv_std: std,
      fold_scores: foldScores,
      train_mean: Number.NaN,
      metrics,
      test_metrics: test ? scores(test) : {},
      fit_seconds: memberSeconds + (performance.now() - t0) / 1000,
      backend: null,
      params: {},
      ensemble: { members: chosen, weights: chosen.map((id) => weights[id]!), candidates: ids.length },
      criterion_met: criterionMet,
    },
    predictions: { model: ENSEMBLE_ID, task: plan.task, classes: plan.classes, oof, test },
    weights,
  };
}
