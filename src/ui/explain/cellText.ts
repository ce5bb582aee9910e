import type { EditorColumn } from "../../../workers/computeApi.ts";
import type { RowValues } from "../../core/automl/explain/rowValues.ts";
import { formatNumber } from "../charts/formatNumber.ts";

/** A cell for people: numbers formatted, dates as yyyy-mm-dd, booleans by the file's own words. */
export function cellText(col: EditorColumn, v: number | string | null | undefined): string {
  if (v === null || v === undefined) return "missing";
  if (typeof v === "string") return v;
  if (col.kind === "datetime") return dateInput(v);
  if (col.kind === "boolean") return col.labels?.[v ? 1 : 0] ?? (v ? "true" : "false");
  // Whole numbers as written (a year reads 2007, not 2,007); others to 4 significant digits.
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : formatNumber(v);
}

/** Every column's value as text, for the waterfall's labels. */
export function rowText(columns: readonly EditorColumn[], values: RowValues): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const c of columns) out[c.name] = cellText(c, values[c.name]);
  return out;
}

/** Epoch ms as a date input's value (UTC). */
export function dateInput(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : "";
}

/**
 * An input's text read back as a cell of the column: a number (empty is missing; text that is no
 * number gives undefined, meaning "keep the old value"), a date's epoch ms, or the text itself.
 */
export function parseCell(col: EditorColumn, text: string): number | string | null | undefined {
  if (text === "") return null;
  if (col.kind === "datetime") {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (col.kind === "numeric" || col.kind === "boolean") {
    const x = Number(text);
    return Number.isFinite(x) ? x : undefined;
  }
  return text;
}
