import type { Column } from "../../data/frame.ts";
import { naturalCompare } from "../../framing/naturalCompare.ts";
import { codesOnto, countLevels, freeName, getColumn, indicatorColumn, replaceColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, nullable, obj, oneOf, str, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";
import { oneHotInfo, type Params } from "./oneHotInfo.ts";

interface Encoded {
  name: string;
  /** Levels with their own column, in output order, and those columns' names. */
  levels: string[];
  names: string[];
  /** Training levels pooled into the other column. */
  pooled: string[];
  other: string | null;
  missing: string | null;
}

/** Per column: the levels with their own column, the pooled ones and the output names. */
export interface OneHotState {
  unseen: Params["unseen"];
  columns: Encoded[];
}

/** Label of the column that pools rare (and optionally unseen) levels. */
export const OTHER_LEVEL = "(other)";

/** Label of the column that flags missing values. */
export const MISSING_LEVEL = "(missing)";

function fitColumn(col: Column, p: Params, taken: Set<string>): Encoded {
  const { codes, levels } = col.data as { codes: Int32Array; levels: string[] };
  const counts = countLevels(codes, levels.length);
  const present = levels.map((_, i) => i).filter((i) => counts[i] > 0);
  // Most frequent first (ties in natural order), then the kept ones shown in natural order.
  const ranked = [...present].sort((a, b) => counts[b] - counts[a] || naturalCompare(levels[a], levels[b]));
  const kept = ranked
    .slice(0, p.max_levels)
    .map((i) => levels[i])
    .sort(naturalCompare);
  const pooled = ranked.slice(p.max_levels).map((i) => levels[i]);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) missing++;
  taken.delete(col.name);
  return {
    name: col.name,
    levels: kept,
    names: kept.map((l) => freeName(`${col.name}=${l}`, taken)),
    pooled,
    other: pooled.length > 0 || p.unseen === "other" ? freeName(`${col.name}=${OTHER_LEVEL}`, taken) : null,
    missing:
      p.missing === "indicator" && missing > 0 ? freeName(`${col.name}=${MISSING_LEVEL}`, taken) : null,
  };
}

function encodeColumn(col: Column, e: Encoded, unseen: Params["unseen"]): Column[] {
  const n = col.data.type === "dict" ? col.data.codes.length : 0;
  const codes = codesOnto(col, e.levels);
  const outs = e.levels.map(() => new Float64Array(n));
  const other = e.other ? new Float64Array(n) : null;
  const miss = e.missing ? new Float64Array(n) : null;
  let toOther: Int32Array | null = null;
  if (other && unseen === "zeros") {
    // Only pooled training levels go to "other"; unseen ones stay all zeros.
    const pooled = codesOnto(col, e.pooled);
    toOther = pooled;
  }
  fillIndicators(codes, outs, miss, other, toOther);
  const cols = outs.map((v, j) => indicatorColumn(e.names[j], v));
  if (other) cols.push(indicatorColumn(e.other!, other));
  if (miss) cols.push(indicatorColumn(e.missing!, miss));
  return cols;
}

/**
 * The 0/1 values of `encodeColumn`: a function of typed arrays only, so that the engine's optimised
 * code for this loop holds for every column (inside encodeColumn it was compiled against one
 * column's object shapes and thrown away at the next column: ~130 deoptimisations and recompiles
 * in one ladder run on wa_churn-like).
 */
function fillIndicators(
  codes: Int32Array,
  outs: Float64Array[],
  miss: Float64Array | null,
  other: Float64Array | null,
  toOther: Int32Array | null,
): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) outs[c][i] = 1;
    else if (c === -1) {
      if (miss) miss[i] = 1;
    } else if (other && (!toOther || toOther[i] >= 0)) other[i] = 1;
  }
}

/**
 * One 0/1 column `<col>=<level>` per training level, in place of the column. At most
 * `max_levels` levels (the most frequent) get a column; the rest pool into `<col>=(other)`.
 * Levels unseen in training give all zeros (or the other column with `unseen: "other"`). Missing
 * values get their own `<col>=(missing)` column when the training rows had any, all zeros
 * otherwise (and always with `missing: "zeros"`).
 */
export const oneHotStep: StepDef<OneHotState> = {
  ...oneHotInfo,
  state: obj({
    unseen: oneOf(["zeros", "other"]),
    columns: list(
      obj({
        name: str,
        levels: strs,
        names: strs,
        pooled: strs,
        other: nullable(str),
        missing: nullable(str),
      }),
    ),
  }),
  fit(frame, config) {
    const p = readParams<Params>(oneHotStep, config);
    const taken = new Set(frame.columns.map((c) => c.name));
    const cols = selectColumns(frame, config, CATEGORY_KINDS, ["categorical"]);
    return { unseen: p.unseen, columns: cols.map((c) => fitColumn(c, p, taken)) };
  },
  transform(frame, state) {
    const replace = new Map<string, Column[]>();
    for (const e of state.columns)
      replace.set(e.name, encodeColumn(getColumn(frame, e.name, "one_hot"), e, state.unseen));
    return replaceColumns(frame, replace);
  },
};
