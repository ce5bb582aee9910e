import type { Column, Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { list, nullable, num, obj, oneOf, str, strs } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import {
  findColumn,
  floatColumn,
  floatValues,
  isNumeric,
  namesOf,
  resolveColumns,
  uniqueName,
} from "../shared/columns.ts";
import { GROUP_STATS, type GroupStat, groupAggregatesInfo, readParams } from "./groupAggregatesInfo.ts";

/** Statistics of one value column (null for `count`) within the levels of one key column. */
export interface GroupTable {
  key: string;
  value: string | null;
  /** Key levels seen in the training rows, and per level the statistics in `stats` order (null: none). */
  levels: string[];
  table: (number | null)[][];
  /** The same statistics over all training rows: the fallback for unseen keys. */
  global: (number | null)[];
  stats: GroupStat[];
  outputs: string[];
}

/** Fitted state: one lookup table per key and value column. */
export interface GroupAggregatesState {
  unseen: "global" | "nan";
  tables: GroupTable[];
}

/** count, sum, min, max over the rows where `value` is present (count: all rows when there is no value column). */
function summarise(rows: number[], value: Float64Array | null): number[] {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const i of rows) {
    const v = value ? value[i] : 0;
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [count, sum, min, max];
}

function pick(stat: GroupStat, [count, sum, min, max]: number[], rows: number): number | null {
  if (stat === "count") return rows;
  if (stat === "sum") return sum;
  if (count === 0) return null;
  return stat === "mean" ? sum / count : stat === "min" ? min : max;
}

function keyColumn(frame: Frame, name: string, step: string): Column & { data: { type: "dict" } } {
  const col = findColumn(frame, name, step);
  if (col.kind !== "categorical" || col.data.type !== "dict") {
    throw new ValidationError(`${step}: key column "${name}" is not categorical`);
  }
  return col as Column & { data: { type: "dict" } };
}

/** Learns one table: the statistics of `value` per level of `key` over the training rows. */
function fitTable(
  frame: Frame,
  key: string,
  value: string | null,
  stats: GroupStat[],
  outputs: string[],
  step: string,
): GroupTable {
  const k = keyColumn(frame, key, step);
  const x = value === null ? null : floatValues(findColumn(frame, value, step), step);
  const groups = k.data.levels.map(() => [] as number[]);
  const all: number[] = [];
  k.data.codes.forEach((c, i) => {
    all.push(i);
    if (c >= 0) groups[c].push(i);
  });
  const seen = groups.map((g, c) => [g, c] as const).filter(([g]) => g.length > 0);
  return {
    key,
    value,
    levels: seen.map(([, c]) => k.data.levels[c]),
    table: seen.map(([g]) => stats.map((s) => pick(s, summarise(g, x), g.length))),
    global: stats.map((s) => pick(s, summarise(all, x), all.length)),
    stats,
    outputs,
  };
}

/**
 * Per key column (categorical; `keys`, or every categorical feature column when it is empty):
 * count, mean, sum, min, max of numeric value columns within each
 * key level, learned from the training rows and looked up by level on any rows: `mean(x by k)`,
 * `count(k)`. A key level the training rows lack (or a missing key) gets, with `unseen` "global",
 * count 0, sum 0 and the training rows' overall mean / min / max; with "nan", NaN throughout.
 */
export const groupAggregatesStep: StepDef<GroupAggregatesState> = {
  ...groupAggregatesInfo,
  state: obj({
    unseen: oneOf(["global", "nan"]),
    tables: list(
      obj({
        key: str,
        value: nullable(str),
        levels: strs,
        table: list(list(nullable(num))),
        global: list(nullable(num)),
        stats: list(oneOf(GROUP_STATS)),
        outputs: strs,
      }),
    ),
  }),
  fit(frame, config) {
    const { keys: named, stats, unseen } = readParams(config);
    const keys =
      named.length > 0
        ? named
        : frame.columns.filter((c) => c.role === "feature" && c.kind === "categorical").map((c) => c.name);
    const values = resolveColumns(frame, config, isNumeric, "numeric").map((c) => c.name);
    const taken = namesOf(frame);
    const tables: GroupTable[] = [];
    const valueStats = stats.filter((s) => s !== "count");
    for (const key of keys) {
      if (stats.includes("count")) {
        tables.push(fitTable(frame, key, null, ["count"], [uniqueName(taken, `count(${key})`)], config.type));
      }
      if (valueStats.length === 0) continue;
      for (const v of values) {
        const outputs = valueStats.map((s) => uniqueName(taken, `${s}(${v} by ${key})`));
        tables.push(fitTable(frame, key, v, valueStats, outputs, config.type));
      }
    }
    return { unseen, tables };
  },
  transform(frame, state, config) {
    const cols: Column[] = [];
    for (const t of state.tables) {
      const k = keyColumn(frame, t.key, config.type);
      const row = new Map(t.levels.map((level, j) => [level, t.table[j]]));
      // Codes index this frame's own levels, which may differ from the training frame's.
      const byCode = k.data.levels.map((level) => row.get(level));
      const fallback = t.stats.map((s, j) =>
        state.unseen === "nan" ? Number.NaN : s === "count" || s === "sum" ? 0 : (t.global[j] ?? Number.NaN),
      );
      t.stats.forEach((_, j) => {
        const out = new Float64Array(frame.rows);
        for (let i = 0; i < frame.rows; i++) {
          const code = k.data.codes[i];
          const hit = code >= 0 ? byCode[code] : undefined;
          out[i] = hit ? (hit[j] ?? Number.NaN) : fallback[j];
        }
        cols.push(floatColumn(t.outputs[j], out));
      });
    }
    return { rows: frame.rows, columns: [...frame.columns, ...cols] };
  },
};
