import type { Column, Frame } from "../data/frame.ts";
import type { Task } from "../framing/task.ts";
import { takeFrameRows } from "../prep/columns.ts";
import { readParams } from "../prep/params.ts";
import type { FitContext, StepConfig } from "../prep/step.ts";
import type { Rng } from "../random.ts";
import type { FittedStep, StepTrace } from "./fittedRecipe.ts";
import { gatherColumns } from "./gatherColumns.ts";
import { getStep } from "./stepRegistry.ts";

/**
 * Steps whose fit on a frame is the fits on each of its columns alone, put together: each
 * column's state entry depends only on that column (and the row count), the transform replaces
 * each column in place, and no random draw is made. Their states are `{columns: entry[], ...}`
 * with `name` the input column's name and the other fields the same for every column.
 */
const COLUMNWISE: Record<string, (config: StepConfig) => boolean> = {
  // kNN filling looks across columns (and draws its reference rows).
  impute: (config) => readParams<{ strategy: string }>(getStep("impute"), config).strategy !== "knn",
  one_hot: () => true,
};

/** A step's state as the column-wise steps make it. */
interface ColumnsState {
  columns: { name: string }[];
}

/** What the column-by-column fit gives `fitRecipe` (the rest it makes as it always does). */
export interface ByColumnFit {
  steps: FittedStep[];
  /** The last step's output columns, with no rows (as `finalFrame: false` leaves them). */
  frame: Frame;
  trace: StepTrace[];
}

/**
 * Fits the enabled steps on the `keep` rows of the feature columns one column at a time: each
 * column is gathered, put through every step's fit and transform, and dropped before the next, so
 * that a fold of a big table never holds all its columns' rows at once (at 1M x 20 a fold thread
 * gathered ~107 MB, plus the imputer's copies). Only for a recipe fitted without its training
 * output (`finalFrame: false`) whose every enabled step is column-wise (COLUMNWISE); returns null
 * when it cannot give exactly what fitting the whole gathered frame gives (then fitRecipe does
 * that): a listed column that is not a feature, or an output name that meets another name (a step
 * would then have picked another free name on the whole frame).
 */
export function fitRecipeByColumn(
  enabled: StepConfig[],
  features: Column[],
  keep: Int32Array,
  ctx: {
    target: Column | undefined;
    task: Task | null;
    rng: (config: StepConfig) => Rng;
    signal?: AbortSignal;
    allNames: string[];
  },
): ByColumnFit | null {
  if (enabled.length === 0) return null;
  if (!enabled.every((s) => COLUMNWISE[s.type]?.(s))) return null;
  const featureNames = new Set(features.map((c) => c.name));
  for (const s of enabled) {
    if (s.columns === "auto") continue;
    if (!s.columns.every((name) => featureNames.has(name)) || new Set(s.columns).size !== s.columns.length)
      return null;
  }
  const n = keep.length;
  const states: ColumnsState[][] = enabled.map(() => []);
  const before: string[][] = enabled.map(() => []);
  const after: string[][] = enabled.map(() => []);
  const ms = enabled.map(() => 0);
  const out: Column[] = [];
  /** Names each column's steps made, in order. */
  const made: string[] = [];
  for (const col of features) {
    ctx.signal?.throwIfAborted();
    let current: Frame = { rows: n, columns: gatherColumns([col], keep) };
    enabled.forEach((config, k) => {
      const def = getStep(config.type);
      // A listed step sees only its columns that this frame holds (the rest are other columns').
      const own: StepConfig =
        config.columns === "auto"
          ? config
          : {
              ...config,
              columns: config.columns.filter((name) => current.columns.some((c) => c.name === name)),
            };
      const stepCtx: FitContext = {
        target: ctx.target,
        task: ctx.task ?? undefined,
        rng: ctx.rng(config),
        signal: ctx.signal,
      };
      const t0 = performance.now();
      const state = def.fit(current, own, stepCtx) as ColumnsState;
      states[k].push(state);
      const had = new Set<string>();
      for (const c of current.columns) {
        before[k].push(c.name);
        had.add(c.name);
      }
      const last = k === enabled.length - 1;
      current = def.transform(last ? takeFrameRows(current, []) : current, state, own);
      for (const c of current.columns) {
        after[k].push(c.name);
        if (!had.has(c.name)) made.push(c.name);
      }
      ms[k] += performance.now() - t0;
    });
    out.push(...current.columns);
  }
  // Every name a step made must be new and unique, as on the whole frame (else another free name).
  const seen = new Set(ctx.allNames);
  for (const name of made) {
    if (seen.has(name)) return null;
    seen.add(name);
  }
  const steps = enabled.map((config, k) => ({
    id: config.id,
    type: config.type,
    state: mergeStates(states[k], config),
  }));
  const trace = enabled.map((config, k) => {
    const was = new Set(before[k]);
    const now = new Set(after[k]);
    return {
      id: config.id,
      type: config.type,
      ms: ms[k],
      rowsBefore: n,
      rowsAfter: k === enabled.length - 1 ? 0 : n,
      columnsBefore: before[k].length,
      columnsAfter: after[k].length,
      added: after[k].filter((name) => !was.has(name)),
      removed: before[k].filter((name) => !now.has(name)),
    };
  });
  return { steps, frame: { rows: 0, columns: out }, trace };
}

/**
 * One step's state from its per-column states: their entries in frame order, or for a listed
 * step in the list's order (as `selectColumns` gives them), the other fields as any column's.
 */
function mergeStates(states: ColumnsState[], config: StepConfig): ColumnsState {
  const columns = states.flatMap((s) => s.columns);
  if (config.columns !== "auto") {
    const list = config.columns;
    const order = new Map<string, number>();
    list.forEach((name, i) => {
      if (!order.has(name)) order.set(name, i);
    });
    columns.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  }
  return { ...states[0], columns };
}
