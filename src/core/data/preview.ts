/** Display strings for cells, as the data table shows them. */
import type { Column, Frame } from "./frame.ts";
import { formatDate } from "./parseDate.ts";
import { withUnit } from "./unitNumbers.ts";

/**
 * The text of one cell, or null when it is missing: numbers in shortest round-trip form,
 * datetimes as "2012-01-01" (midnight UTC) or "2012-01-01 13:45:00", booleans with the file's labels,
 * numbers with a unit as written ("$2023", "74%").
 */
export function formatCell(col: Column, row: number): string | null {
  if (col.data.type === "dict") {
    const code = col.data.codes[row];
    return code === undefined || code < 0 ? null : col.data.levels[code];
  }
  const v = col.data.values[row];
  if (v === undefined || Number.isNaN(v)) return null;
  if (col.kind === "datetime") return formatDate(v);
  if (col.kind === "boolean") return col.labels ? col.labels[v ? 1 : 0] : v ? "true" : "false";
  return withUnit(String(v), col.unit);
}

/** Rows `start .. start + count` (clipped to the frame) as display strings, one array per row. */
export function previewRows(frame: Frame, start: number, count: number): (string | null)[][] {
  const from = Math.max(0, Math.min(Math.floor(start), frame.rows));
  const to = Math.max(from, Math.min(from + Math.floor(count), frame.rows));
  const out: (string | null)[][] = [];
  for (let r = from; r < to; r++) out.push(frame.columns.map((c) => formatCell(c, r)));
  return out;
}
