/**
 * What a model's search leaves behind, as plain JSON-friendly data kept with its leaderboard entry
 * (so a stored run can draw its tuning views and a resumed run keeps them), and the budget names.
 */
import type { ModelParams } from "../../models/registry.ts";
import type { Rung } from "./halvingSchedule.ts";

/** One trial: a candidate trained on a rung's resources and scored on the inner validation rows. */
export interface TuneTrial {
  /** Index into `ModelTuning.candidates`; 0 is the defaults. */
  candidate: number;
  /** The outer fold whose training rows it searched. */
  fold: number;
  /** 0-based rung. */
  rung: number;
  /** Rows it learned from, or boosting rounds (see `ModelTuning.resource`). */
  resources: number;
  /** The run's metric on the inner validation rows (mean over the inner folds); NaN when it failed. */
  score: number;
  /** Wall time of its jobs. */
  seconds: number;
}

/** A model's search: candidates, rungs, every trial, and what each outer fold chose. */
export interface ModelTuning {
  /** What a rung budgets: training rows, or the boosting rounds of this param. */
  resource: "rows" | { param: string };
  /** Successive halving's factor. */
  factor: number;
  /** The drawn params of each candidate (over the model's defaults); candidate 0 is `{}`. */
  candidates: ModelParams[];
  /** Inner evaluation: 1 holdout or k folds of each outer fold's training rows. */
  inner_folds: number;
  /** The rungs of each outer fold, by fold number. */
  rungs: Record<string, Rung[]>;
  /** Every trial in a fixed order (fold, rung, candidate), whatever order they ran in. */
  trials: TuneTrial[];
  /** The candidate each outer fold chose (by inner score on its last rung), in fold order. */
  chosen: number[];
  /** The candidate of the refit on the whole training part: the folds' most frequent choice. */
  final: number;
  /** Mean over the outer folds of the chosen candidates' last-rung inner scores. */
  best_score: number;
  /** Mean over the outer folds of the defaults' inner score on the last rung (they ride along). */
  default_score: number;
}

/** A tuning budget: a preset, or a number of candidates per model (0 = defaults only). */
export type TuneBudget = "off" | "quick" | "thorough" | number;

/** Candidates per model of each preset. */
export const TUNE_PRESETS = { off: 0, quick: 9, thorough: 27 } as const;

/**
 * Models the quick preset leaves on their defaults, so that a quick run stays near twice an
 * untuned one: the neural net's fits cost the most (tfjs, up to 200 epochs each), and extra
 * trees' search did (on the 10,000-row bench table, +24 of quick's +49 s CPU over an untuned run:
 * its winners were forests of every feature, ~4x a default fit, in trials and refits alike).
 */
export const QUICK_SKIPS: readonly string[] = ["mlp", "extra_trees"];

/** The most candidates per model a run may ask for. */
export const TUNE_MAX_TRIALS = 200;

/** The budget of new runs (the Train form's and the command line's default). */
export const DEFAULT_TUNE: TuneBudget = "quick";

/** Candidates per model of a budget; absent (runs stored before tuning existed) is 0. */
export function tuneTrials(budget: TuneBudget | undefined | null): number {
  if (budget === undefined || budget === null) return 0;
  return typeof budget === "number" ? budget : TUNE_PRESETS[budget];
}

/** Candidates for one model under a budget: the preset's or the number, 0 for the quick preset's skips. */
export function modelTrials(budget: TuneBudget | undefined | null, model: string): number {
  return budget === "quick" && QUICK_SKIPS.includes(model) ? 0 : tuneTrials(budget);
}
