import {
  ENSEMBLE_ID,
  ENSEMBLE_LABEL,
  type LeaderboardEntry,
  sortLeaderboard,
} from "../../core/automl/ladder/leaderboard.ts";
import { bestTrialScore, foldsKeepingDefaults } from "../../core/automl/tune/bestTrial.ts";
import { formatCriterion, parseCriterion } from "../../core/framing/criterion.ts";
import { METRICS, type MetricId } from "../../core/framing/metrics.ts";
import type { RunRecord } from "../../persist/types.ts";
import { formatNumber, formatScore } from "../charts/formatNumber.ts";
import type { LiveTrials } from "./trainState.ts";

/** One finished model as the leaderboard shows it. */
export interface LeaderboardRow {
  /** 1 for the best; null for a model that failed. */
  rank: number | null;
  model: string;
  label: string;
  cv: string;
  train: string;
  test: string;
  /** The training score is much better than the cross-validated one: the model overfits. */
  overfits: boolean;
  /** Train minus CV in the metric's better direction, for the tooltip. */
  gap: number;
  seconds: string;
  backend: string | null;
  error: string | null;
  /** The ensemble's members with their weights, heaviest first; null for a single model. */
  members: { model: string; weight: number }[] | null;
  /** A tuned model's search: its best trial beside the defaults (inner scores); null when untuned. */
  tuning: TuningCell | null;
}

/** What the leaderboard's tuning cell says of a model's search (finished, or live). */
export interface TuningCell {
  /** "0.9874" */
  best: string;
  /** "0.9803" */
  defaults: string;
  /** "9 candidates, 45 trials" or, live, "trial 12 of ~45". */
  detail: string;
}

/**
 * The tuning cell of a finished entry: mean over the folds of the best trial's and the defaults'
 * inner scores, and in the detail how many folds kept their defaults by the search's margin rule.
 */
export function tuningCell(e: LeaderboardEntry): TuningCell | null {
  const t = e.tuning;
  if (!t) return null;
  const kept = foldsKeepingDefaults(t, e.metric);
  const keptText =
    kept > 0
      ? `; ${kept} of ${t.chosen.length} folds kept the defaults (the best trial did not beat them clearly)`
      : "";
  return {
    best: scoreText(bestTrialScore(t, e.metric)),
    defaults: scoreText(t.default_score),
    detail: `${t.candidates.length} candidates, ${t.trials.length} trials${keptText}`,
  };
}

/** The tuning cell of a model being tuned, from its latest trial report. */
export function liveTuningCell(t: LiveTrials): TuningCell {
  return {
    best: scoreText(t.best),
    defaults: scoreText(t.defaults),
    detail: `trial ${t.done} of ~${t.total}, rung ${t.rung + 1} of ${t.rungs}`,
  };
}

/** Models of a run that have no entry yet, with what is happening to them. */
export interface PendingRow {
  model: string;
  label: string;
  status: "training" | "waiting" | "not trained";
}

/** "0.9533", "1.000", "–" for a missing score. */
export const scoreText = (x: number | undefined) => formatScore(x ?? Number.NaN);

/** "1.2 s", "14 s". */
export function secondsText(s: number): string {
  if (!Number.isFinite(s)) return "–";
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

/** The overfitting rule in words, shown under the leaderboard. */
export const OVERFIT_RULE =
  "“overfits”: the training score beats the cross-validated one by more than 0.05 (by more than 10% of the score for RMSE, MAE and R²), and the test score, when there is one, is below the training score too.";

/**
 * How much better the model scores on its own training rows than on held-out ones (positive:
 * better on training), and whether that is a lot: more than 0.05 on a 0..1 score, more than 10%
 * of the score on an unbounded one (RMSE, MAE) or R². A test score at or above the training score
 * contradicts the gap (the folds were just harder), so it is not called overfitting then.
 */
export function overfitGap(
  metric: MetricId,
  cv: number,
  train: number,
  test?: number,
): { gap: number; large: boolean } {
  if (!Number.isFinite(cv) || !Number.isFinite(train)) return { gap: Number.NaN, large: false };
  const higher = METRICS[metric].direction === "higher";
  const gap = higher ? train - cv : cv - train;
  const bounded = higher && metric !== "r2";
  const limit = bounded ? 0.05 : Math.max(0.05, 0.1 * Math.abs(cv));
  const testReachesTrain =
    test !== undefined && Number.isFinite(test) && (higher ? test >= train : test <= train);
  return { gap, large: gap > limit && !testReachesTrain };
}

/** Finished entries best first, formatted; failed ones last, without a rank. */
export function leaderboardRows(entries: readonly LeaderboardEntry[]): LeaderboardRow[] {
  const metric = entries[0]?.metric;
  if (!metric) return [];
  let rank = 0;
  return sortLeaderboard(entries, metric).map((e) => {
    const ok = Number.isFinite(e.cv_mean);
    const { gap, large } = overfitGap(metric, e.cv_mean, e.train_mean, e.test_metrics[metric]);
    return {
      rank: ok ? ++rank : null,
      model: e.model,
      label: e.label,
      cv: ok ? `${scoreText(e.cv_mean)} ± ${formatNumber(e.cv_std)}` : "–",
      train: scoreText(e.train_mean),
      test: scoreText(e.test_metrics[metric]),
      overfits: large,
      gap,
      seconds: secondsText(e.fit_seconds),
      backend: e.backend,
      error: e.error ?? null,
      members: ensembleMembers(e),
      tuning: tuningCell(e),
    };
  });
}

/** An ensemble entry's members and weights, heaviest first (ties in ladder order); null for others. */
export function ensembleMembers(e: LeaderboardEntry): { model: string; weight: number }[] | null {
  const blend = e.ensemble;
  if (!blend) return null;
  return blend.members
    .map((model, i) => ({ model: model as string, weight: blend.weights[i] }))
    .filter((m) => m.weight > 0)
    .sort((a, b) => b.weight - a.weight);
}

/** Whether a run will end with the ensemble rung (two models or more, folds not in time order). */
export function plansEnsemble(run: RunRecord): boolean {
  const split = run.settings.split.type;
  return (
    run.settings.ensemble !== false &&
    run.settings.models.length >= 2 &&
    split !== "temporal" &&
    split !== "time_series"
  );
}

/** The models of `run` still to finish: the first is training while the run is live. */
export function pendingRows(
  run: RunRecord,
  labels: ReadonlyMap<string, string>,
  live: boolean,
): PendingRow[] {
  const done = new Set<string>(run.entries.map((e) => e.model));
  const rungs = plansEnsemble(run) ? [...run.settings.models, ENSEMBLE_ID] : run.settings.models;
  return rungs
    .filter((m) => !done.has(m))
    .map((model, i) => ({
      model,
      label: labels.get(model) ?? (model === ENSEMBLE_ID ? ENSEMBLE_LABEL : model),
      status: live ? (i === 0 ? "training" : "waiting") : "not trained",
    }));
}

/** The run's best finished model (a live run's record may not have `best` set yet). */
export function bestEntry(run: RunRecord): LeaderboardEntry | null {
  const metric = run.entries[0]?.metric;
  if (!metric) return null;
  return sortLeaderboard(run.entries, metric).find((e) => Number.isFinite(e.cv_mean)) ?? null;
}

/** The success criterion against the run's best model: met, not met, or nothing to judge yet. */
export function criterionStatus(run: RunRecord): { text: string; met: boolean | null } | null {
  const text = run.settings.criterion;
  if (!text) return null;
  let label = text;
  try {
    label = formatCriterion(parseCriterion(text, run.settings.task));
  } catch {
    // Shown as typed.
  }
  const best = bestEntry(run);
  if (!best) return { text: `${label}: no model has finished yet.`, met: null };
  const met = best.criterion_met === true;
  return {
    text: `${label}: ${met ? "met" : "not met"} by the best model, ${best.label} (cross-validated ${METRICS[best.metric].label} ${scoreText(best.cv_mean)}).`,
    met,
  };
}

/** "3 of 5 models", "6 of 6 models and the ensemble", "best Random forest 0.9533". */
export function runSummary(run: RunRecord): string {
  const best = bestEntry(run);
  const models = run.entries.filter((e) => e.model !== ENSEMBLE_ID);
  const failed = models.filter((e) => e.error !== undefined || !Number.isFinite(e.cv_mean));
  const ensemble = run.entries.find((e) => e.model === ENSEMBLE_ID);
  const blended = !ensemble
    ? ""
    : Number.isFinite(ensemble.cv_mean)
      ? " and the ensemble"
      : ", the ensemble failed";
  const trained = `${models.length - failed.length} of ${run.settings.models.length} models trained`;
  const lost = failed.length ? `, ${failed.length} failed (${failed.map((e) => e.label).join(", ")})` : "";
  const done = `${trained}${lost}${blended}`;
  return best ? `${done} · best ${best.label} ${scoreText(best.cv_mean)}` : done;
}
