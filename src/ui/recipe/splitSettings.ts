/**
 * The split form's rules as pure functions: the default split, switching between kinds while
 * keeping what carries over (test share, folds, seed), and what a split still lacks. The split
 * set in Prepare is the one every training run uses (see `runSplitOf`): its test share, its folds
 * and its seed, whatever its kind.
 */
import {
  DEFAULT_FOLDS,
  DEFAULT_TEST_FRACTION,
  type RunSplit,
  runSplitOf,
} from "../../core/automl/run/runSettings.ts";
import type { SplitConfig } from "../../core/prep/splits.ts";

export type SplitType = SplitConfig["type"];

/** The columns a split may use, read from the table. */
export interface SplitColumns {
  target: string | null;
  /** Whether the target holds classes, so stratifying by it makes sense. */
  targetIsClass: boolean;
  /** Columns that order rows in time: dates first, then numbers. */
  dates: string[];
  /** Columns that can group rows (every column but the target). */
  keys: string[];
}

export const SPLIT_TYPES: readonly { type: SplitType; label: string; hint: string }[] = [
  { type: "holdout", label: "Holdout", hint: "One shuffled train / test split." },
  { type: "temporal", label: "By time", hint: "The latest rows by a date column are the test part." },
  { type: "group", label: "Group folds", hint: "Rows sharing a key never land on both sides of a fold." },
  { type: "kfold", label: "K-fold", hint: "Every row is tested once, in one of k folds." },
  { type: "stratified_kfold", label: "Stratified k-fold", hint: "K folds that keep each class's share." },
  {
    type: "time_series",
    label: "Time-series folds",
    hint: "Each fold trains on the past and tests on what follows.",
  },
];

export { DEFAULT_FOLDS, DEFAULT_TEST_FRACTION };

/** A holdout of 20%, stratified by a class target, seed 0. */
export function defaultSplit(cols: SplitColumns): SplitConfig {
  return {
    type: "holdout",
    testFraction: DEFAULT_TEST_FRACTION,
    stratify: cols.targetIsClass ? cols.target : null,
    seed: 0,
  };
}

// Every kind carries a test share, folds and a seed for training (see RunSplit), whether or not
// the kind itself uses them to split.
const testFractionOf = (s: SplitConfig) => runSplitOf(s).testFraction;
const foldsOf = (s: SplitConfig) => runSplitOf(s).folds;
const seedOf = (s: SplitConfig) => runSplitOf(s).seed;
const columnOf = (s: SplitConfig) => ("column" in s ? (s.column ?? null) : null);

/** The split of `type` closest to `current`: test share, folds, seed and a fitting column carry over. */
export function changeSplitType(current: SplitConfig, type: SplitType, cols: SplitColumns): SplitConfig {
  const testFraction = testFractionOf(current);
  const folds = foldsOf(current);
  const seed = seedOf(current);
  const column = columnOf(current);
  const date = column && cols.dates.includes(column) ? column : (cols.dates[0] ?? "");
  const numbers = { testFraction, folds, seed };
  switch (type) {
    case "holdout":
      return { type, ...numbers, stratify: cols.targetIsClass ? cols.target : null };
    case "temporal":
      return { type, column: date, ...numbers } as SplitConfig;
    case "group":
      return {
        type,
        column: column && cols.keys.includes(column) ? column : (cols.keys[0] ?? ""),
        ...numbers,
      };
    case "kfold":
      return { type, ...numbers, shuffle: true } as SplitConfig;
    case "stratified_kfold":
      return { type, column: cols.target ?? column ?? cols.keys[0] ?? "", ...numbers } as SplitConfig;
    case "time_series":
      return { type, column: date || null, ...numbers } as SplitConfig;
  }
}

/** What the split still needs before rows can be split, in words; null when it is complete. */
export function splitProblem(split: SplitConfig): string | null {
  if (
    (split.type === "temporal" || split.type === "group" || split.type === "stratified_kfold") &&
    !split.column
  ) {
    return split.type === "temporal"
      ? "Pick the date column that orders the rows."
      : split.type === "group"
        ? "Pick the column whose values group the rows."
        : "Pick the column whose classes the folds keep.";
  }
  return null;
}

const pct = (f: number) => `${Math.round(f * 1000) / 10}%`;

/** "Holdout: 20% test, stratified by species, seed 0". */
export function splitSummary(split: SplitConfig): string {
  switch (split.type) {
    case "holdout":
      return `Holdout: ${pct(testFractionOf(split))} test${split.stratify ? `, stratified by ${split.stratify}` : ""}, seed ${seedOf(split)}`;
    case "temporal":
      return `By time: the latest ${pct(testFractionOf(split))} by ${split.column || "?"} is the test part`;
    case "group":
      return `Group folds: ${foldsOf(split)} folds by ${split.column || "?"}, seed ${seedOf(split)}`;
    case "kfold":
      if (split.shuffle !== false && split.sklearn)
        return `K-fold: ${foldsOf(split)} folds as scikit-learn's KFold(shuffle=True, random_state=${seedOf(split)})`;
      return `K-fold: ${foldsOf(split)} folds${split.shuffle === false ? " in file order" : `, shuffled with seed ${seedOf(split)}`}`;
    case "stratified_kfold":
      return `Stratified k-fold: ${foldsOf(split)} folds by ${split.column || "?"}, seed ${seedOf(split)}`;
    case "time_series":
      return `Time-series folds: ${foldsOf(split)} folds in ${split.column ? `${split.column} order` : "file order"}`;
  }
}

/** The split columns of a table for a target: class targets stratify, dates order, the rest group. */
export function splitColumnsOf(
  columns: readonly { name: string; kind: string }[],
  target: string | null,
): SplitColumns {
  const others = columns.filter((c) => c.name !== target);
  const kindOfTarget = columns.find((c) => c.name === target)?.kind;
  return {
    target,
    targetIsClass: kindOfTarget === "categorical" || kindOfTarget === "boolean",
    dates: [
      ...others.filter((c) => c.kind === "datetime"),
      ...others.filter((c) => c.kind === "numeric"),
    ].map((c) => c.name),
    keys: others.map((c) => c.name),
  };
}

/**
 * What a training run does with this split, in words: "Training holds back 20% of the rows as the
 * test part (shuffled, stratified by species), cross-validates the rest in 5 folds, seed 0."
 * `classTarget` names a class target: shuffled splits other than plain k-fold keep its shares.
 */
export function trainingSummary(
  split: SplitConfig | null | undefined,
  classTarget: string | null = null,
): string {
  const s: RunSplit = runSplitOf(split);
  const column = "column" in s && s.column ? s.column : null;
  const strata =
    s.type === "holdout" ? (s.stratify ?? classTarget) : s.type === "stratified_kfold" ? column : null;
  const how: Record<SplitConfig["type"], string> = {
    holdout: strata ? `shuffled, stratified by ${strata}` : "shuffled",
    temporal: `the latest by ${column ?? "?"}`,
    group: `whole groups of ${column ?? "?"}`,
    kfold: "shuffled",
    stratified_kfold: `shuffled, stratified by ${strata ?? "?"}`,
    time_series: `the latest${column ? ` by ${column}` : " in file order"}`,
  };
  const test =
    s.testFraction > 0
      ? `holds back ${pct(s.testFraction)} of the rows as the test part (${how[s.type]}), cross-validates the rest`
      : "keeps no test part and cross-validates every row";
  const folds = s.type === "time_series" || s.type === "temporal" ? "time-ordered folds" : "folds";
  return `Training ${test} in ${s.folds} ${folds}, seed ${s.seed} (the seed of the split and of every model).`;
}
