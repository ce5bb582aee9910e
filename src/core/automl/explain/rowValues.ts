import type { Column, Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { pickRows } from "./pickRows.ts";

/**
 * One row as plain data, per column name: a number for float columns (numeric, datetime as epoch
 * ms, boolean as 0 / 1), a level name for the others, null when missing. This is what the what-if
 * editor edits and what crosses the thread boundary.
 */
export type RowValues = Record<string, number | string | null>;

/** Row `row` of `frame` as values of the named columns. */
export function rowValues(frame: Frame, row: number, columns: readonly string[]): RowValues {
  if (!(Number.isInteger(row) && row >= 0 && row < frame.rows))
    throw new ValidationError(`row ${row} is out of range: the data has ${frame.rows} rows`);
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  // A null-prototype object: a column called "__proto__" stays an ordinary key.
  const out: RowValues = Object.create(null);
  for (const name of columns) {
    const col = byName.get(name);
    if (!col) throw new ValidationError(`no column "${name}"`);
    out[name] = cellOf(col, row);
  }
  return out;
}

function cellOf(col: Column, row: number): number | string | null {
  if (col.data.type === "float") {
    const v = col.data.values[row];
    return Number.isNaN(v) ? null : v;
  }
  const c = col.data.codes[row];
  return c < 0 ? null : col.data.levels[c];
}

/**
 * A frame of 1 + rows.length rows: first the row `values` gives (columns it does not name are
 * missing), then `rows` of `frame` as they are. Columns keep their kind and levels; a level the
 * column lacks is added, so the recipe treats it as any unseen category. This is how a typed-in
 * or edited row is explained against background rows of the data.
 */
export function frameWithRow(frame: Frame, values: RowValues, rows: readonly number[]): Frame {
  const n = 1 + rows.length;
  const sources = frame.columns.map(() => Int32Array.from([-1, ...rows]));
  const out = pickRows(frame, sources, n);
  out.columns = out.columns.map((col) => {
    const has = Object.hasOwn(values, col.name);
    const v = has ? values[col.name] : null;
    if (v === null || v === undefined) return col;
    if (col.data.type === "float") {
      const x = typeof v === "number" ? v : Number(v);
      if (!Number.isFinite(x))
        throw new ValidationError(`"${col.name}" needs a number (got ${JSON.stringify(v)})`);
      const data = col.data.values.slice();
      data[0] = x;
      return { ...col, data: { type: "float", values: data }, missing: col.missing - 1 };
    }
    const levels = [...col.data.levels];
    let code = levels.indexOf(String(v));
    if (code < 0) code = levels.push(String(v)) - 1;
    const codes = col.data.codes.slice();
    codes[0] = code;
    return { ...col, data: { type: "dict", codes, levels }, missing: col.missing - 1 };
  });
  return out;
}
