import { NarrowCodes } from "./narrowCodes.ts";
import { ScaledFloats } from "./scaledFloats.ts";

/**
 * The columnar table every layer shares (see DESIGN.md, "Data").
 *
 * Storage is one of two layouts, chosen by kind:
 * - `float`: a Float64Array with NaN for missing. Numeric columns, datetimes (epoch ms, UTC),
 *   booleans (0 / 1) and numeric ids.
 * - `dict`: Int32Array codes (-1 = missing) into a `levels` array. Categorical, text and string ids.
 *   Text is dictionary-encoded too: the codes transfer between threads without a copy and repeated
 *   strings are stored once.
 *
 * The command line's table shared with its fold threads (shareFrame) keeps the same values in
 * compact stores behind these same types: exact decimals as scaled integers (scaledFloats.ts) and
 * codes in 1-2 bytes (narrowCodes.ts). Their `values` / `codes` decode the whole column (read them,
 * never write into them); `takeColumnRows` and `gatherColumns` decode only the rows they take.
 */
export type ColumnKind = "numeric" | "categorical" | "boolean" | "datetime" | "text" | "id";
export const COLUMN_KINDS: readonly ColumnKind[] = [
  "numeric",
  "categorical",
  "boolean",
  "datetime",
  "text",
  "id",
];

/** "weight": per-row training weights added by a recipe step (class weights); never a model input. */
export type ColumnRole = "feature" | "target" | "id" | "ignored" | "weight";

export type ColumnData =
  | { type: "float"; values: Float64Array }
  | { type: "dict"; codes: Int32Array; levels: string[] };

export interface Column {
  name: string;
  kind: ColumnKind;
  role: ColumnRole;
  data: ColumnData;
  /** Count of missing cells. */
  missing: number;
  /** Count of distinct non-missing values. */
  unique: number;
  /** For booleans: the file's own spellings of false and true, e.g. ["no", "yes"]. */
  labels?: [string, string];
  /**
   * For numbers read with a unit: the currency symbol ("$", "€", ...) or "%", for display. The
   * values are the numbers as written ("$2,023.00" is 2023, "74%" is 74).
   */
  unit?: string;
}

export interface Frame {
  rows: number;
  columns: Column[];
}

/** Layout used by a kind when it is built from scratch. */
export function storageOf(kind: ColumnKind): ColumnData["type"] {
  return kind === "numeric" || kind === "datetime" || kind === "boolean" ? "float" : "dict";
}

export function isMissing(col: Column, row: number): boolean {
  return missingTest(col.data)(row);
}

/**
 * Whether a row of `data` is missing, as a function: a compact column (the command line's shared
 * table) answers from its store, without decoding the whole column (a fold's target: else its
 * decoded copy lived through the fit that follows in the same synchronous run).
 */
export function missingTest(data: ColumnData): (row: number) => boolean {
  if (data instanceof ScaledFloats || data instanceof NarrowCodes) return (row) => data.missingAt(row);
  if (data.type === "float") {
    const values = data.values;
    return (row) => Number.isNaN(values[row]);
  }
  const codes = data.codes;
  return (row) => codes[row] < 0;
}

/**
 * `out[r]` = the value of row `idx[r]` of a float column, for every r; a compact column (the
 * command line's shared table) decodes only those rows.
 */
export function gatherFloatRows(
  data: Extract<ColumnData, { type: "float" }>,
  idx: ArrayLike<number>,
  out: Float64Array,
): void {
  if (data instanceof ScaledFloats) {
    data.gather(idx, out);
    return;
  }
  const src = data.values;
  for (let r = 0; r < idx.length; r++) out[r] = src[idx[r]];
}

/** `out[r]` = the code of row `idx[r]` of a dictionary column (as `gatherFloatRows`). */
export function gatherCodeRows(
  data: Extract<ColumnData, { type: "dict" }>,
  idx: ArrayLike<number>,
  out: Int32Array,
): void {
  if (data instanceof NarrowCodes) {
    data.gather(idx, out);
    return;
  }
  const src = data.codes;
  for (let r = 0; r < idx.length; r++) out[r] = src[idx[r]];
}

/** Buffers to transfer (not copy) when a frame crosses a thread boundary. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  return frame.columns.map(
    (c) => (c.data.type === "float" ? c.data.values.buffer : c.data.codes.buffer) as ArrayBuffer,
  );
}
