/**
 * Building and reshaping columns and frames for recipe steps. Steps never mutate their input:
 * every helper returns new columns / frames that share untouched buffers with the old ones.
 */
import { distinctStats } from "../data/distinct.ts";
import {
  type Column,
  type ColumnKind,
  type ColumnRole,
  type Frame,
  gatherCodeRows,
  gatherFloatRows,
} from "../data/frame.ts";
import { isNarrow } from "../data/narrowCodes.ts";
import { isScaled } from "../data/scaledFloats.ts";
import { ValidationError } from "../errors.ts";

/** Optional metadata for a new column; counts are computed when not given. */
export interface ColumnOptions {
  kind?: ColumnKind;
  role?: ColumnRole;
  missing?: number;
  unique?: number;
  labels?: [string, string];
}

/** A float-storage column (numeric by default); NaN = missing. */
export function floatColumn(name: string, values: Float64Array, opts: ColumnOptions = {}): Column {
  let missing = opts.missing;
  if (missing === undefined) {
    missing = 0;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
  }
  const col: Column = {
    name,
    kind: opts.kind ?? "numeric",
    role: opts.role ?? "feature",
    data: { type: "float", values },
    missing,
    unique: opts.unique ?? distinctStats(values).unique,
  };
  if (opts.labels) col.labels = opts.labels;
  return col;
}

/** A 0/1 indicator column (kind boolean, labels "0" / "1"). */
export function indicatorColumn(name: string, values: Float64Array): Column {
  let ones = 0;
  for (let i = 0; i < values.length; i++) ones += values[i];
  const unique = (ones > 0 ? 1 : 0) + (ones < values.length ? 1 : 0);
  return floatColumn(name, values, { kind: "boolean", missing: 0, unique, labels: ["0", "1"] });
}

/** A dictionary-storage column (categorical by default); code -1 = missing. */
export function dictColumn(
  name: string,
  codes: Int32Array,
  levels: string[],
  opts: ColumnOptions = {},
): Column {
  let missing = opts.missing;
  let unique = opts.unique;
  if (missing === undefined || unique === undefined) {
    const used = new Uint8Array(levels.length);
    let m = 0;
    let u = 0;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c < 0) m++;
      else if (!used[c]) {
        used[c] = 1;
        u++;
      }
    }
    missing ??= m;
    unique ??= u;
  }
  return {
    name,
    kind: opts.kind ?? "categorical",
    role: opts.role ?? "feature",
    data: { type: "dict", codes, levels },
    missing,
    unique,
  };
}

/** Row count of a column. */
export function columnLength(col: Column): number {
  if (isScaled(col.data) || isNarrow(col.data)) return col.data.length;
  return col.data.type === "float" ? col.data.values.length : col.data.codes.length;
}

/** The rows `idx` of a column (indices may repeat), counts recomputed. */
export function takeColumnRows(col: Column, idx: ArrayLike<number>): Column {
  const opts: ColumnOptions = { kind: col.kind, role: col.role, labels: col.labels };
  if (col.data.type === "float") {
    const values = new Float64Array(idx.length);
    gatherFloatRows(col.data, idx, values);
    return floatColumn(col.name, values, opts);
  }
  const codes = new Int32Array(idx.length);
  gatherCodeRows(col.data, idx, codes);
  return dictColumn(col.name, codes, col.data.levels, opts);
}

/** The rows `idx` of every column of a frame. */
export function takeFrameRows(frame: Frame, idx: ArrayLike<number>): Frame {
  return { rows: idx.length, columns: frame.columns.map((c) => takeColumnRows(c, idx)) };
}

/** The column called `name`, or a ValidationError naming the step that wanted it. */
export function getColumn(frame: Frame, name: string, step: string): Column {
  const col = frame.columns.find((c) => c.name === name);
  if (!col) throw new ValidationError(`${step}: no column "${name}"`);
  return col;
}

/**
 * A frame where each column named in `replace` gives way, at its own position, to the listed
 * columns (an empty list drops it). Columns not named stay as they are.
 */
export function replaceColumns(frame: Frame, replace: Map<string, Column[]>): Frame {
  const columns: Column[] = [];
  for (const col of frame.columns) {
    const repl = replace.get(col.name);
    if (repl) columns.push(...repl);
    else columns.push(col);
  }
  return { rows: frame.rows, columns };
}

/** A frame without the named columns. */
export function dropColumns(frame: Frame, names: Iterable<string>): Frame {
  const drop = new Set(names);
  return { rows: frame.rows, columns: frame.columns.filter((c) => !drop.has(c.name)) };
}

/** `base`, or `base_2`, `base_3`, ... whichever is not yet a column name of `taken`. */
export function freeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
  taken.add(name);
  return name;
}

/** Per-row codes of `col` mapped onto `levels` by text: -1 missing, -2 a level not in `levels`. */
export function codesOnto(col: Column, levels: readonly string[]): Int32Array {
  if (col.data.type !== "dict") throw new ValidationError(`column "${col.name}" is not categorical`);
  const index = new Map<string, number>();
  for (const [i, l] of levels.entries()) index.set(l, i);
  const map = col.data.levels.map((l) => index.get(l) ?? -2);
  const src = col.data.codes;
  const out = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i] < 0 ? -1 : map[src[i]];
  return out;
}

/** Row counts per level code. */
export function countLevels(codes: Int32Array, levels: number): Float64Array {
  const counts = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  return counts;
}

/** Missing cells counted from the data (a column's `missing` field is not trusted for decisions). */
export function countMissing(col: Column): number {
  let m = 0;
  if (col.data.type === "float") {
    const v = col.data.values;
    for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i])) m++;
  } else {
    const c = col.data.codes;
    for (let i = 0; i < c.length; i++) if (c[i] < 0) m++;
  }
  return m;
}
