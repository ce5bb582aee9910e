import type { Column, Frame } from "../data/frame.ts";
import { formatDate } from "../data/parseDate.ts";
import type { Progress } from "../progress.ts";

/** Rows written between two progress reports. */
const PROGRESS_ROWS = 20_000;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** RFC 4180 quoting, and nothing else: unlike `writeCsv` no formula guard, which would change values. */
function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** How one column writes its cell `row`: the text the CSV reader turns back into the same value. */
function cellWriter(col: Column): (row: number) => string {
  if (col.data.type === "dict") {
    const { codes, levels } = col.data;
    const quoted = levels.map(field);
    return (row) => (codes[row] < 0 ? "" : quoted[codes[row]]);
  }
  const values = col.data.values;
  if (col.kind === "datetime") return (row) => formatDate(values[row]);
  if (col.kind === "boolean") {
    const [no, yes] = (col.labels ?? ["false", "true"]).map(field);
    return (row) => (Number.isNaN(values[row]) ? "" : values[row] ? yes : no);
  }
  // String() is the shortest text that reads back to the same double.
  return (row) => (Number.isNaN(values[row]) ? "" : String(values[row]));
}

/**
 * A frame as CSV text that the app's reader turns back into the same values in the same order:
 * numbers in full precision, dates as ISO text, booleans in the file's own spellings, categories
 * as they were written. Kinds the reader would infer otherwise are the caller's to set back.
 * `onProgress` hears the rows written every few thousand rows (phase "csv").
 */
export function frameToCsv(frame: Frame, onProgress?: (p: Progress) => void): string {
  const writers = frame.columns.map(cellWriter);
  const lines: string[] = [frame.columns.map((c) => field(c.name)).join(",")];
  for (let r = 0; r < frame.rows; r++) {
    let line = writers[0](r);
    for (let c = 1; c < writers.length; c++) line += `,${writers[c](r)}`;
    lines.push(line);
    if (onProgress && (r + 1) % PROGRESS_ROWS === 0)
      onProgress({ phase: "csv", done: r + 1, total: frame.rows, message: "Writing the table" });
  }
  onProgress?.({ phase: "csv", done: frame.rows, total: frame.rows, message: "Writing the table" });
  return `${lines.join("\n")}\n`;
}
