import { type Column, type Frame, missingTest } from "../data/frame.ts";
import { isNarrow } from "../data/narrowCodes.ts";
import { isScaled } from "../data/scaledFloats.ts";
import { ValidationError } from "../errors.ts";
import { detectTask } from "../framing/detectTask.ts";
import type { Task } from "../framing/task.ts";
import { takeColumnRows, takeFrameRows } from "../prep/columns.ts";
import type { FitContext, Recipe, StepConfig } from "../prep/step.ts";
import { classLabels, encodeTarget } from "../prep/targetValues.ts";
import { type LongCallOptions, makeThrottledProgress } from "../progress.ts";
import { makeRng } from "../random.ts";
import { type ByColumnFit, fitRecipeByColumn } from "./fitRecipeByColumn.ts";
import type { FittedStep, RecipeFit, StepTrace } from "./fittedRecipe.ts";
import { gatherColumns } from "./gatherColumns.ts";
import { getStep } from "./stepRegistry.ts";
import { validateRecipe } from "./validateRecipe.ts";

/** Options of `fitRecipe`. */
export interface FitRecipeOptions extends LongCallOptions {
  /** Target column; defaults to the recipe's. null: exploration only (steps that need a target fail). */
  target?: string | null;
  /** Task of the target; detected from the column when not given. */
  task?: Task | null;
  seed?: number;
  /**
   * false: the last step's output on the training rows is not built (a fold job builds the model's
   * input from `applyRecipe` a block of rows at a time); `frame` then has its columns, no rows.
   */
  finalFrame?: boolean;
  /**
   * Learn from these rows of `frame` only (a fold's training rows), as if `frame` were
   * `takeFrameRows(frame, rows)`: the same fit, but only the feature and target columns are copied,
   * into one buffer (see gatherColumns).
   */
  rows?: ArrayLike<number>;
  /**
   * With `rows` and `finalFrame: false`: fit a recipe of column-wise steps one column at a time
   * (fitRecipeByColumn; the same fit, never all the rows' columns at once). Default true; false
   * gathers every column first (tests compare the two).
   */
  byColumn?: boolean;
}

/**
 * Each step's own generator, from the run seed and the step id: switching another step off or
 * moving it does not change this step's random choices.
 */
function stepRng(seed: number, id: string) {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return makeRng(h >>> 0);
}

/** Rows with a target value; the rest cannot be learned from. */
function labelledRows(target: Column): number[] | null {
  const keep: number[] = [];
  const n = target.data.type === "float" ? target.data.values.length : target.data.codes.length;
  for (let i = 0; i < n; i++) {
    const missing =
      target.data.type === "float" ? Number.isNaN(target.data.values[i]) : target.data.codes[i] < 0;
    if (!missing) keep.push(i);
  }
  return keep.length === n ? null : keep;
}

/** The positions of `rows` with a target value (all of them without a target), as frame rows. */
function labelledOf(rows: ArrayLike<number>, target: Column | null): Int32Array {
  const missing = target ? missingTest(target.data) : () => false;
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (!missing(rows[i])) n++;
  const out = new Int32Array(n);
  for (let i = 0, j = 0; i < rows.length; i++) if (!missing(rows[i])) out[j++] = rows[i];
  return out;
}

function traceOf(config: StepConfig, before: Frame, after: Frame, ms: number): StepTrace {
  const was = new Set(before.columns.map((c) => c.name));
  const now = new Set(after.columns.map((c) => c.name));
  return {
    id: config.id,
    type: config.type,
    ms,
    rowsBefore: before.rows,
    rowsAfter: after.rows,
    columnsBefore: before.columns.length,
    columnsAfter: after.columns.length,
    added: [...now].filter((n) => !was.has(n)),
    removed: [...was].filter((n) => !now.has(n)),
  };
}

/**
 * Fits the enabled steps of a recipe, in order, on training rows. The features are the columns
 * with role "feature" other than the target (identifier and ignored columns are left out); rows
 * without a target value are dropped first. Each step learns from the rows as the steps before
 * it left them, and may change rows (resampling, dropping) together with the target. Checks the
 * signal between steps and reports progress in phase "recipe", one step at a time.
 */
export function fitRecipe(recipe: Recipe, frame: Frame, opts: FitRecipeOptions = {}): RecipeFit {
  const { signal } = opts;
  signal?.throwIfAborted();
  validateRecipe(recipe);
  const seed = opts.seed ?? 0;
  const targetName = opts.target !== undefined ? opts.target : recipe.target;
  let targetColumn: Column | null = null;
  let task: Task | null = null;
  let droppedMissingTarget = 0;
  if (targetName !== null) {
    const col = frame.columns.find((c) => c.name === targetName);
    if (!col) throw new ValidationError(`no target column "${targetName}"`);
    task = opts.task ?? detectTask(frame, targetName).task;
    targetColumn = col;
  }
  let features: Frame = {
    rows: frame.rows,
    columns: frame.columns.filter((c) => c.role === "feature" && c.name !== targetName),
  };
  const enabled = recipe.steps.filter((s) => s.enabled);
  const inputs = features.columns.map((c) => ({ name: c.name, kind: c.kind }));
  let byColumn: ByColumnFit | null = null;
  // A table of compact columns (the command line's shared one) is read by gathering even for every
  // row: the steps would decode each whole column, and keep a few alive at a time for the fit.
  const rows =
    opts.rows ??
    (features.columns.some((c) => isScaled(c.data) || isNarrow(c.data))
      ? Int32Array.from({ length: frame.rows }, (_, i) => i)
      : null);
  if (rows) {
    const keep = labelledOf(rows, targetColumn);
    droppedMissingTarget = rows.length - keep.length;
    // The target in a buffer of its own: the fit returns it, and as a view into the features'
    // buffer it would keep all of them alive.
    if (targetColumn) targetColumn = gatherColumns([targetColumn], keep)[0];
    if (opts.finalFrame === false && opts.byColumn !== false) {
      byColumn = fitRecipeByColumn(enabled, features.columns, keep, {
        target: targetColumn ?? undefined,
        task,
        rng: (config) => stepRng(seed, config.id),
        signal,
        allNames: frame.columns.map((c) => c.name),
      });
    }
    if (!byColumn) features = { rows: keep.length, columns: gatherColumns(features.columns, keep) };
  } else if (targetColumn) {
    const keep = labelledRows(targetColumn);
    if (keep) {
      droppedMissingTarget = frame.rows - keep.length;
      features = takeFrameRows(features, keep);
      targetColumn = takeColumnRows(targetColumn, keep);
    }
  }
  const classes = targetColumn && task && task !== "regression" ? classLabels(targetColumn) : null;

  const progress = makeThrottledProgress(opts.onProgress);
  const steps: FittedStep[] = byColumn?.steps ?? [];
  const trace: StepTrace[] = byColumn?.trace ?? [];
  let current = byColumn?.frame ?? features;
  let target = targetColumn ?? undefined;
  // The column-by-column fit has fitted every step already.
  (byColumn ? [] : enabled).forEach((config, k) => {
    signal?.throwIfAborted();
    progress({ phase: "recipe", done: k, total: enabled.length, message: config.type });
    const def = getStep(config.type);
    const ctx: FitContext = { target, task: task ?? undefined, rng: stepRng(seed, config.id), signal };
    const t0 = performance.now();
    const before = current;
    if (def.fitTransform) {
      const res = def.fitTransform(current, config, ctx);
      steps.push({ id: config.id, type: config.type, state: res.state });
      current = res.frame;
      if (res.target) target = res.target;
    } else {
      const state = def.fit(current, config, ctx);
      steps.push({ id: config.id, type: config.type, state });
      const last = opts.finalFrame === false && k === enabled.length - 1;
      current = def.transform(last ? takeFrameRows(current, []) : current, state, config);
    }
    trace.push(traceOf(config, before, current, performance.now() - t0));
  });
  signal?.throwIfAborted();
  progress({ phase: "recipe", done: enabled.length, total: enabled.length, message: "done" });

  const weightCol = [...current.columns]
    .reverse()
    .find((c) => c.role === "weight" && c.data.type === "float");
  return {
    fitted: {
      recipe,
      target: targetName,
      task,
      classes,
      inputs,
      steps,
      features: current.columns.filter((c) => c.role === "feature").map((c) => c.name),
      seed,
    },
    frame: current,
    y: target && task ? encodeTarget(target, task, classes ?? undefined) : null,
    targetColumn: target ?? null,
    weights: weightCol ? (weightCol.data as { values: Float64Array }).values : null,
    trace,
    droppedMissingTarget,
  };
}
