import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { type Fold, holdout, kFold, stratifiedKFold, timeSeriesSplit } from "../../eval/kFold.ts";
import { chooseMetric } from "../../framing/chooseMetric.ts";
import { detectTask, positiveLast } from "../../framing/detectTask.ts";
import { getMetric, type MetricId } from "../../framing/metrics.ts";
import type { Task } from "../../models/estimator.ts";
import { proposeRecipe } from "../../pipeline/proposeRecipe.ts";
import { takeFrameRows } from "../../prep/columns.ts";
import { makeSplit, type SplitConfig } from "../../prep/splits.ts";
import type { Recipe } from "../../prep/step.ts";
import { encodeTarget } from "../../prep/targetValues.ts";
import { columnStats } from "../../profile/columnStats.ts";
import { RUN_LIMITS } from "../run/runSettings.ts";
import { deriveSeed } from "./deriveSeed.ts";

/** What `planLadder` needs; the ladder's own options extend it. */
export interface PlanOptions {
  target: string;
  /** Steps in front of every model; default `proposeRecipe` for the frame and target. */
  recipe?: Recipe;
  /** Cross-validation folds on the training part (default 5). */
  folds?: number;
  /** Share of rows held back as the test part (default 0.2); 0 keeps none and cross-validates all rows. */
  testSize?: number;
  /**
   * How rows are split when shuffling would be wrong: "temporal" and "time_series" hold back the
   * latest rows and cross-validate in time order; "group" keeps each group on one side of every
   * split. "holdout" may name a column to stratify on; "kfold" asks for unstratified folds.
   */
  split?: SplitConfig;
  seed?: number;
  /** Metric that ranks the models; default from `chooseMetric`. */
  metric?: MetricId;
  /**
   * Binary targets: the class the metrics, curves and threshold treat as positive (class index 1);
   * default the one `detectTask` proposes. Ignored for other tasks.
   */
  positiveClass?: string | null;
}

/** The shape of the rows behind the folds. */
export type PlanKind = "stratified" | "kfold" | "temporal" | "time_series" | "group";

/**
 * Everything fixed before the first model trains, as plain data (row indices are rows of the
 * frame given to `planLadder`; rows without a target value appear nowhere). Pass it to the
 * on-demand evaluation calls to reproduce the ladder's splits.
 */
export interface LadderPlan {
  target: string;
  task: Task;
  /** Classification: class labels, in the order of the class indices everywhere (binary: the positive class last). */
  classes: string[] | null;
  metric: MetricId;
  seed: number;
  recipe: Recipe;
  kind: PlanKind;
  /** Rows the models learn from: in time order for time-ordered plans, else ascending. */
  train: Int32Array;
  /** Rows held back for the final check (empty when testSize is 0). */
  test: Int32Array;
  /** Cross-validation folds over `train`, as frame row indices. */
  folds: Fold[];
  /** True when folds follow time (validation rows always come after their training rows). */
  timeOrdered: boolean;
}

// Typed-array loops, not `from` with a map function: at a million rows that went through the
// iterator protocol (a temporary list of every value on the JS heap) and took seconds per call.
const mapRows = (rows: Int32Array, positions: ArrayLike<number>) => {
  const out = new Int32Array(positions.length);
  for (let i = 0; i < out.length; i++) out[i] = rows[positions[i]];
  return out;
};

const mapStrata = (strata: Float64Array, positions: Int32Array) => {
  const out = new Float64Array(positions.length);
  for (let i = 0; i < out.length; i++) out[i] = strata[positions[i]];
  return out;
};

/** Frame rows with a value in `column` (or all `rows` in file order without one), ascending by it. */
function timeOrder(frame: Frame, column: string | null | undefined, rows: Int32Array): Int32Array {
  if (!column) return rows;
  const col = frame.columns.find((c) => c.name === column);
  if (!col) throw new ValidationError(`split: no column "${column}"`);
  if (col.data.type !== "float")
    throw new ValidationError(`split: column "${column}" is ${col.kind}, expected a date`);
  const v = col.data.values;
  const kept = Array.from(rows).filter((i) => !Number.isNaN(v[i]));
  return Int32Array.from(kept.sort((a, b) => v[a] - v[b] || a - b));
}

/** The latest `fraction` of time-ordered rows as the test part; rows sharing the boundary time all go to test. */
function tailSplit(frame: Frame, column: string | null | undefined, ordered: Int32Array, fraction: number) {
  const m = ordered.length;
  if (fraction <= 0) return { train: ordered, test: new Int32Array(0) };
  const nTest = Math.min(m - 1, Math.max(1, Math.round(m * fraction)));
  let first = m - nTest;
  const col = column ? frame.columns.find((c) => c.name === column) : undefined;
  if (col && col.data.type === "float") {
    const v = col.data.values;
    const cut = v[ordered[first]];
    while (first > 0 && v[ordered[first - 1]] === cut) first--;
  }
  if (first < 2)
    throw new ValidationError(`split: too few distinct times in "${column}" to hold back a test part`);
  return { train: ordered.subarray(0, first), test: Int32Array.from(ordered.subarray(first)).sort() };
}

/** The test share within the run limits (the same as every run setting's, see runSettings.ts). */
function checkFraction(testSize: number): void {
  const { min, max } = RUN_LIMITS.testFraction;
  if (!(testSize >= min && testSize <= max))
    throw new ValidationError(`The test share must be a number from ${min} to ${max} (got ${testSize}).`);
}

function checkFolds(k: number): void {
  const { min, max } = RUN_LIMITS.folds;
  if (!(Number.isInteger(k) && k >= min && k <= max))
    throw new ValidationError(`Folds must be a whole number from ${min} to ${max} (got ${k}).`);
}

/**
 * Frames the problem (task, classes, metric), proposes the recipe when none is given, and fixes the
 * test part and the cross-validation folds: a stratified holdout and stratified folds for classes,
 * shuffled ones for values, and the split override's rules when given. Same frame, options and
 * seed give the same plan. ValidationError for a bad target (see `detectTask`) or bad settings.
 */
export function planLadder(frame: Frame, opts: PlanOptions): LadderPlan {
  const detection = detectTask(frame, opts.target);
  const task = detection.task;
  const targetCol = frame.columns.find((c) => c.name === opts.target)!;
  // Strata and folds use the classes in natural order, so choosing another positive class
  // changes which class is "1", never which rows go where.
  const y = encodeTarget(targetCol, task);
  const classes =
    task === "binary" && y.classes
      ? positiveLast(y.classes, opts.positiveClass ?? detection.positiveClass)
      : (y.classes ?? null);
  const seed = opts.seed ?? 0;
  const k = opts.folds ?? 5;
  const testSize = opts.testSize ?? 0.2;
  checkFraction(testSize);
  checkFolds(k);

  let metric: MetricId;
  if (opts.metric) {
    const m = getMetric(opts.metric);
    if (!m.tasks.includes(task)) throw new ValidationError(`metric ${m.id} does not apply to ${task}`);
    metric = m.id;
  } else
    metric = chooseMetric(
      detection,
      task === "regression" ? (columnStats(targetCol).numeric ?? null) : null,
    ).metric;

  let labelled = 0;
  for (let i = 0; i < frame.rows; i++) if (!Number.isNaN(y.values[i])) labelled++;
  const rows = new Int32Array(labelled);
  for (let i = 0, j = 0; i < frame.rows; i++) if (!Number.isNaN(y.values[i])) rows[j++] = i;
  const labels = (idx: Int32Array) => {
    const out = new Float64Array(idx.length);
    for (let i = 0; i < out.length; i++) out[i] = y.values[idx[i]];
    return out;
  };
  const classification = task !== "regression";
  const base = {
    target: detection.target,
    task,
    classes,
    metric,
    seed,
    recipe: opts.recipe ?? proposeRecipe(frame, { target: opts.target, task }),
  };

  const split = opts.split;
  if (split?.type === "temporal" || split?.type === "time_series") {
    const ordered = timeOrder(frame, split.column, rows);
    const fraction = split.type === "temporal" ? (split.testFraction ?? testSize) : testSize;
    checkFraction(fraction);
    const { train, test } = tailSplit(frame, split.column, ordered, fraction);
    const folds = split.type === "time_series" ? (split.folds ?? k) : k;
    const gap = split.type === "time_series" ? split.gap : undefined;
    const ts = timeSeriesSplit(train.length, folds, { gap });
    return {
      ...base,
      kind: split.type,
      train: Int32Array.from(train),
      test,
      folds: ts.map((f) => ({ train: mapRows(train, f.train), test: mapRows(train, f.test) })),
      timeOrdered: true,
    };
  }
  if (split?.type === "group") {
    let train = rows;
    let test = new Int32Array(0);
    if (testSize > 0) {
      // Group k-fold with about 1 / testSize folds; its first fold is a group-respecting test part.
      const parts = Math.max(2, Math.round(1 / testSize));
      const outer = makeSplit(takeFrameRows(frame, rows), {
        type: "group",
        column: split.column,
        folds: parts,
        seed: deriveSeed(seed, "holdout"),
      });
      train = mapRows(rows, outer.folds[0].train);
      test = mapRows(rows, outer.folds[0].test);
    }
    const inner = makeSplit(takeFrameRows(frame, train), {
      type: "group",
      column: split.column,
      folds: split.folds ?? k,
      seed: deriveSeed(seed, "folds"),
    });
    const folds = inner.folds.map((f) => ({ train: mapRows(train, f.train), test: mapRows(train, f.test) }));
    return { ...base, kind: "group", train, test, folds, timeOrdered: false };
  }

  // Shuffled splits: stratified by the target's classes (or a named column), unless asked otherwise.
  let strata: Float64Array | null = classification && split?.type !== "kfold" ? labels(rows) : null;
  const stratifyBy =
    split?.type === "holdout" ? split.stratify : split?.type === "stratified_kfold" ? split.column : null;
  if (stratifyBy) {
    const col = frame.columns.find((c) => c.name === stratifyBy);
    if (!col) throw new ValidationError(`split: no column "${stratifyBy}"`);
    const codes = col.data.type === "dict" ? col.data.codes : col.data.values;
    const ids = new Map<number, number>();
    strata = Float64Array.from(rows, (i) => {
      const key = Number.isNaN(codes[i]) ? -1 : codes[i];
      if (!ids.has(key)) ids.set(key, ids.size);
      return ids.get(key)!;
    });
  }
  const fraction = split?.type === "holdout" ? (split.testFraction ?? testSize) : testSize;
  checkFraction(fraction);
  let trainPos: Int32Array = new Int32Array(rows.length);
  for (let i = 0; i < trainPos.length; i++) trainPos[i] = i;
  let test = new Int32Array(0);
  if (fraction > 0) {
    const h = holdout(rows.length, {
      testFraction: fraction,
      seed: deriveSeed(seed, "holdout"),
      stratify: strata ?? undefined,
    });
    trainPos = h.train;
    test = mapRows(rows, h.test);
  }
  const train = mapRows(rows, trainPos);
  const foldSeed = deriveSeed(seed, "folds");
  const shuffle = split?.type === "kfold" ? split.shuffle : undefined;
  // scikit-learn's KFold(k, shuffle=True, random_state=S): S is the split's own seed (as Prepare
  // draws it), else the run's seed itself, not a derived one.
  const sklearn = split?.type === "kfold" && split.sklearn === true;
  const randomState = split?.type === "kfold" ? (split.seed ?? seed) : seed;
  const folds = strata
    ? stratifiedKFold(mapStrata(strata, trainPos), k, { seed: foldSeed })
    : kFold(train.length, k, sklearn ? { seed: randomState, numpy: true } : { seed: foldSeed, shuffle });
  return {
    ...base,
    kind: strata ? "stratified" : "kfold",
    train,
    test,
    folds: folds.map((f) => ({ train: mapRows(train, f.train), test: mapRows(train, f.test) })),
    timeOrdered: false,
  };
}
