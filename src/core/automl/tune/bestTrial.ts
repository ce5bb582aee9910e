/**
 * What a finished search says in one line: the best trial beside the defaults, and how many outer
 * folds kept their defaults by the margin rule (`clearlyBetter`), for the leaderboard, the tuning
 * panel and the command line alike.
 */
import { METRICS, type MetricId } from "../../framing/metrics.ts";
import type { ModelTuning } from "./tuning.ts";

/**
 * Mean over the outer folds of each fold's best last-rung inner score. It can beat `best_score`
 * (the chosen candidates' mean): a fold keeps its defaults unless the best trial clearly beats them.
 */
export function bestTrialScore(t: ModelTuning, metric: MetricId): number {
  const higher = METRICS[metric].direction === "higher";
  const lastRung = new Map<number, number>();
  for (const trial of t.trials) lastRung.set(trial.fold, Math.max(lastRung.get(trial.fold) ?? 0, trial.rung));
  const best = new Map<number, number>();
  for (const trial of t.trials) {
    if (trial.rung !== lastRung.get(trial.fold) || !Number.isFinite(trial.score)) continue;
    const b = best.get(trial.fold);
    if (b === undefined || (higher ? trial.score > b : trial.score < b)) best.set(trial.fold, trial.score);
  }
  if (best.size === 0) return Number.NaN;
  let sum = 0;
  for (const s of best.values()) sum += s;
  return sum / best.size;
}

/** How many outer folds kept the defaults although another trial scored better on their last rung. */
export function foldsKeepingDefaults(t: ModelTuning, metric: MetricId): number {
  const higher = METRICS[metric].direction === "higher";
  let kept = 0;
  for (const [fold, chosen] of t.chosen.entries()) {
    if (chosen !== 0) continue;
    const last = t.trials.filter((x) => x.fold === fold);
    const rung = Math.max(...last.map((x) => x.rung));
    const atLast = last.filter((x) => x.rung === rung && Number.isFinite(x.score));
    const defaults = atLast.find((x) => x.candidate === 0)?.score;
    if (defaults !== undefined && atLast.some((x) => (higher ? x.score > defaults : x.score < defaults)))
      kept++;
  }
  return kept;
}
