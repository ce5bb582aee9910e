import type { Column } from "../../data/frame.ts";
import {
  floatColumn,
  freeName,
  getColumn,
  indicatorColumn,
  replaceColumns,
  takeColumnRows,
  takeFrameRows,
} from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, nullable, num, obj, oneOf, str } from "../stateShape.ts";
import { meanStd, quantiles } from "../stats.ts";
import type { StepConfig, StepDef } from "../step.ts";
import { outliersInfo, type Params } from "./outliersInfo.ts";

interface Bounds {
  name: string;
  lo: number;
  hi: number;
  /** Name of the `<col>_outlier` column under "flag". */
  flag: string | null;
}

/** Fences per column, learned on the training rows. */
export interface OutliersState {
  action: Params["action"];
  columns: Bounds[];
  /** Training rows dropped under "drop". */
  dropped: number;
}

const valuesOf = (col: Column) => (col.data as { values: Float64Array }).values;

/** Fences of one column from the training rows; an all-missing column gets (-inf, inf). */
function fences(values: Float64Array, p: Params): { lo: number; hi: number } {
  let lo: number;
  let hi: number;
  if (p.method === "iqr") {
    const [q1, q3] = quantiles(values, [0.25, 0.75]);
    lo = q1 - p.factor * (q3 - q1);
    hi = q3 + p.factor * (q3 - q1);
  } else {
    const { mean, std } = meanStd(values);
    lo = mean - p.threshold * std;
    hi = mean + p.threshold * std;
  }
  return Number.isNaN(lo) ? { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY } : { lo, hi };
}

function fitBounds(frame: Parameters<StepDef["fit"]>[0], config: StepConfig): OutliersState {
  const p = readParams<Params>(outliersStep, config);
  const taken = new Set(frame.columns.map((c) => c.name));
  const columns = selectColumns(frame, config, ["numeric"]).map((col) => ({
    name: col.name,
    ...fences(valuesOf(col), p),
    flag: p.action === "flag" ? freeName(`${col.name}_outlier`, taken) : null,
  }));
  return { action: p.action, columns, dropped: 0 };
}

/**
 * Finds values outside fences fitted on the training rows (IQR or z-score) and flags them (a 0/1
 * `<col>_outlier` column after each), clips them to the fences, or drops the training rows that
 * hold them. "drop" is training only: new rows keep their values and are all scored. Missing
 * values are never outliers.
 */
export const outliersStep: StepDef<OutliersState> = {
  ...outliersInfo,
  state: obj({
    action: oneOf(["flag", "clip", "drop"]),
    columns: list(obj({ name: str, lo: num, hi: num, flag: nullable(str) })),
    dropped: num,
  }),
  fit: (frame, config) => fitBounds(frame, config),
  transform(frame, state) {
    if (state.action === "drop") return frame;
    const replace = new Map<string, Column[]>();
    for (const b of state.columns) {
      const col = getColumn(frame, b.name, "outliers");
      const src = valuesOf(col);
      if (state.action === "clip") {
        const values = src.map((v) => Math.min(Math.max(v, b.lo), b.hi));
        replace.set(b.name, [
          floatColumn(b.name, values, { kind: col.kind, role: col.role, missing: col.missing }),
        ]);
      } else {
        const flags = new Float64Array(src.length);
        for (let i = 0; i < src.length; i++) flags[i] = src[i] < b.lo || src[i] > b.hi ? 1 : 0;
        replace.set(b.name, [col, indicatorColumn(b.flag!, flags)]);
      }
    }
    return replaceColumns(frame, replace);
  },
  fitTransform(frame, config, ctx) {
    const state = fitBounds(frame, config);
    if (state.action !== "drop")
      return { state, frame: outliersStep.transform(frame, state, config), target: ctx.target };
    const cols = state.columns.map((b) => valuesOf(getColumn(frame, b.name, "outliers")));
    const keep: number[] = [];
    for (let i = 0; i < frame.rows; i++) {
      let out = false;
      for (let j = 0; j < cols.length && !out; j++)
        out = cols[j][i] < state.columns[j].lo || cols[j][i] > state.columns[j].hi;
      if (!out) keep.push(i);
    }
    state.dropped = frame.rows - keep.length;
    if (state.dropped === 0) return { state, frame, target: ctx.target };
    return {
      state,
      frame: takeFrameRows(frame, keep),
      target: ctx.target && takeColumnRows(ctx.target, keep),
    };
  },
};
