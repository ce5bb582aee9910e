import { isBetter, type MetricId } from "../../framing/metrics.ts";
import type { ModelId, ModelParams } from "../../models/registry.ts";
import type { MetricScores } from "../evaluation/scoreMetrics.ts";
import type { ModelTuning } from "../tune/tuning.ts";

/** Id of the ensemble rung: a weighted blend of the other models, not a model family. */
export const ENSEMBLE_ID = "ensemble";
export const ENSEMBLE_LABEL = "Weighted ensemble";

/** What a leaderboard row is: a model family, or the ensemble of them. */
export type EntryId = ModelId | typeof ENSEMBLE_ID;

/** What the ensemble rung blends: its members in ladder order and their weights (> 0, summing to 1). */
export interface EnsembleBlend {
  members: ModelId[];
  /** `weights[i]` is the weight of `members[i]`. */
  weights: number[];
  /** How many finished models it could choose from. */
  candidates: number;
}

/** One finished rung of the ladder: plain JSON-friendly data (NaN where a score is undefined). */
export interface LeaderboardEntry {
  model: EntryId;
  label: string;
  /** The metric the scores below are in. */
  metric: MetricId;
  /** Mean and (population) standard deviation of the per-fold validation scores. */
  cv_mean: number;
  cv_std: number;
  fold_scores: number[];
  /** Mean score of each fold's model on its own training rows (a sample of at most 2,000); far above cv_mean means overfitting. */
  train_mean: number;
  /** Every metric valid for the task over all out-of-fold predictions together. */
  metrics: MetricScores;
  /** Every metric on the test part after refitting on the whole training part; {} without a test part. */
  test_metrics: MetricScores;
  /** Seconds of work over the model's jobs (recipe, fit, predict), summed even when they ran in parallel. */
  fit_seconds: number;
  /** The tfjs backend that trained a tfjs model (e.g. "cpu", "wasm", "webgl"); null for others. */
  backend: string | null;
  /** The full params the model trained with ({} for the ensemble). */
  params: ModelParams;
  /** The ensemble rung's blend; absent for a single model. */
  ensemble?: EnsembleBlend;
  /** Whether the success criterion is met (null when none was given). */
  criterion_met: boolean | null;
  /** Why the model could not be trained, when it failed (its scores are NaN then). */
  error?: string;
  /** The model's hyperparameter search, when the run tuned it (see src/core/automl/tune). */
  tuning?: ModelTuning;
}

/**
 * Entries best first by `cv_mean` under the metric's direction; entries without a finite score go
 * last; ties keep the given order (the ladder's, simplest first).
 */
export function sortLeaderboard(entries: readonly LeaderboardEntry[], metric: MetricId): LeaderboardEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const fa = Number.isFinite(a.e.cv_mean);
      const fb = Number.isFinite(b.e.cv_mean);
      if (fa !== fb) return fa ? -1 : 1;
      if (fa && isBetter(metric, a.e.cv_mean, b.e.cv_mean)) return -1;
      if (fa && isBetter(metric, b.e.cv_mean, a.e.cv_mean)) return 1;
      return a.i - b.i;
    })
    .map(({ e }) => e);
}

/** Mean and population standard deviation of the finite values (NaN for none). */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { mean: Number.NaN, std: Number.NaN };
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  const variance = finite.reduce((a, b) => a + (b - mean) ** 2, 0) / finite.length;
  return { mean, std: Math.sqrt(variance) };
}

/** An ensemble entry's weights by member id ({} for a single model). */
export function blendWeights(entry: LeaderboardEntry): Partial<Record<ModelId, number>> {
  const blend = entry.ensemble;
  if (!blend) return {};
  return Object.fromEntries(blend.members.map((m, i) => [m, blend.weights[i]]));
}

/** The model id of the best entry: the top of the leaderboard with a finite score, or null. */
export function bestModel(entries: readonly LeaderboardEntry[]): EntryId | null {
  const metric = entries[0]?.metric;
  if (!metric) return null;
  return sortLeaderboard(entries, metric).find((e) => Number.isFinite(e.cv_mean))?.model ?? null;
}
