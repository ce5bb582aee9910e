/** Shared pieces of the class-balancing steps (training rows only; new data passes unchanged). */
import { nums, obj, strs } from "../stateShape.ts";

/** The shape of `ResampleState`, checked when a fitted recipe is loaded. */
export const RESAMPLE_STATE = obj({ classes: strs, before: nums, after: nums });

/** Class counts before and after resampling, for the preview and the run log. */
export interface ResampleState {
  classes: string[];
  before: number[];
  after: number[];
}

/** Training row indices per class index; rows with a missing target are in none. */
export function rowsByClass(y: Float64Array, classes: number): number[][] {
  const out: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!Number.isNaN(c)) out[c].push(i);
  }
  return out;
}

/** Per class: how many rows oversampling should end with. */
export function oversampleTargets(counts: number[], strategy: number): number[] {
  const max = Math.max(...counts);
  return counts.map((n) => (n === 0 ? 0 : Math.max(n, Math.round(strategy * max))));
}

/** Per class: how many rows undersampling should keep. */
export function undersampleTargets(counts: number[], strategy: number): number[] {
  const min = Math.min(...counts.filter((n) => n > 0));
  return counts.map((n) => Math.min(n, Math.round(min / strategy)));
}
