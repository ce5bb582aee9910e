import type { Column, Frame } from "../../data/frame.ts";

/**
 * A frame whose row i takes column j's value from row `sources[j][i]` of `frame` (-1: missing).
 * Columns keep their kind and levels, so the result goes through a fitted recipe like the original
 * rows; this is how explainers build rows that mix one row's values with a background row's.
 */
export function pickRows(frame: Frame, sources: readonly Int32Array[], rows: number): Frame {
  const columns = frame.columns.map((col, j): Column => {
    const from = sources[j];
    let missing = 0;
    if (col.data.type === "float") {
      const src = col.data.values;
      const values = new Float64Array(rows);
      for (let i = 0; i < rows; i++) {
        const s = from[i];
        values[i] = s < 0 ? Number.NaN : src[s];
        if (Number.isNaN(values[i])) missing++;
      }
      return { ...col, data: { type: "float", values }, missing };
    }
    const src = col.data.codes;
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const s = from[i];
      codes[i] = s < 0 ? -1 : src[s];
      if (codes[i] < 0) missing++;
    }
    return { ...col, data: { type: "dict", codes, levels: col.data.levels }, missing };
  });
  return { rows, columns };
}

/** The same source rows for every column. */
export function sameRows(frame: Frame, rows: readonly number[]): Int32Array[] {
  const from = Int32Array.from(rows);
  return frame.columns.map(() => from);
}
