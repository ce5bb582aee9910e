import type { ColumnKind, Frame } from "../../data/frame.ts";
import { bool, list, obj, oneOf, str, strs } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import {
  findColumn,
  floatColumn,
  floatValues,
  namesOf,
  resolveColumns,
  uniqueName,
  withColumns,
} from "../shared/columns.ts";
import { DATE_PARTS, type DatePart, datePartsInfo, readParams } from "./datePartsInfo.ts";

/** Fitted state: per source column, the parts made and the names they were given. */
export interface DatePartsState {
  columns: { source: string; parts: DatePart[]; outputs: string[] }[];
  keepSource: boolean;
}

const DAY_MS = 86_400_000;

/** One part of an epoch-ms time, read in UTC (datetimes are stored as UTC epoch ms). */
function partOf(part: DatePart, ms: number): number {
  const d = new Date(ms);
  switch (part) {
    case "year":
      return d.getUTCFullYear();
    case "month":
      return d.getUTCMonth() + 1;
    case "day":
      return d.getUTCDate();
    case "day_of_week":
      return (d.getUTCDay() + 6) % 7;
    case "is_weekend":
      return d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 1 : 0;
    case "quarter":
      return Math.floor(d.getUTCMonth() / 3) + 1;
    case "hour":
      return d.getUTCHours();
    case "day_of_year":
      return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
  }
}

/** Whether the time of day differs between the present values: only then is an hour column useful. */
function timesVary(values: Float64Array): boolean {
  let first = Number.NaN;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    const t = ((v % DAY_MS) + DAY_MS) % DAY_MS;
    if (Number.isNaN(first)) first = t;
    else if (t !== first) return true;
  }
  return false;
}

const isDate = (c: { kind: ColumnKind }) => c.kind === "datetime";

/**
 * Splits datetime columns into calendar parts (`year(d)`, `month(d)`, ...; UTC). The hour is made
 * only when the training rows' times of day vary; the source column is dropped unless
 * `keep_source`. Missing dates give missing parts.
 */
export const datePartsStep: StepDef<DatePartsState> = {
  ...datePartsInfo,
  state: obj({
    columns: list(obj({ source: str, parts: list(oneOf(DATE_PARTS)), outputs: strs })),
    keepSource: bool,
  }),
  fit(frame, config) {
    const { parts, keepSource } = readParams(config);
    const taken = namesOf(frame);
    const columns = resolveColumns(frame, config, isDate, "a date").map((col) => {
      const values = floatValues(col, config.type);
      const made = parts.filter((p) => p !== "hour" || timesVary(values));
      return {
        source: col.name,
        parts: made,
        outputs: made.map((p) => uniqueName(taken, `${p}(${col.name})`)),
      };
    });
    return { columns, keepSource };
  },
  transform(frame, state, config): Frame {
    const added = state.columns.map(({ source, parts, outputs }) => {
      const values = floatValues(findColumn(frame, source, config.type), config.type);
      const cols = parts.map((part, j) => {
        const out = new Float64Array(frame.rows);
        for (let i = 0; i < frame.rows; i++)
          out[i] = Number.isNaN(values[i]) ? Number.NaN : partOf(part, values[i]);
        return floatColumn(outputs[j], out, part === "is_weekend" ? "boolean" : "numeric");
      });
      return [source, cols] as [string, typeof cols];
    });
    return withColumns(frame, added, state.keepSource ? [] : state.columns.map((c) => c.source));
  },
};
