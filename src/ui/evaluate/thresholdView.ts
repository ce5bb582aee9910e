import type { ThresholdSweep } from "../../core/automl/evaluation/thresholdSweep.ts";

/** A binary classifier at one probability threshold: its confusion counts and rates. */
export interface ThresholdPoint {
  threshold: number;
  /** Row-major 2 x 2, actual by row: [tn, fp, fn, tp]. */
  counts: [number, number, number, number];
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** The sweep's step nearest to `t` (thresholds run 0..1 evenly). */
export function sweepIndex(sweep: ThresholdSweep, t: number): number {
  const n = sweep.thresholds.length;
  if (n === 0) return -1;
  const steps = n - 1;
  return Math.min(steps, Math.max(0, Math.round((Number.isFinite(t) ? t : 0.5) * steps)));
}

/** The sweep read at the threshold nearest `t`; null for an empty sweep. */
export function atThreshold(sweep: ThresholdSweep, t: number): ThresholdPoint | null {
  const i = sweepIndex(sweep, t);
  if (i < 0) return null;
  return {
    threshold: sweep.thresholds[i],
    counts: [sweep.tn[i], sweep.fp[i], sweep.fn[i], sweep.tp[i]],
    precision: sweep.precision[i],
    recall: sweep.recall[i],
    f1: sweep.f1[i],
    accuracy: sweep.accuracy[i],
  };
}
