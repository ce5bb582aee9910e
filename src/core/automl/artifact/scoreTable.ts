/**
 * Batch scoring of a table with a loaded pipeline, a chunk of rows at a time, as CSV text: the
 * input columns as read, then `prediction` and one `proba_<class>` per class, the columns and
 * rounding of the command line's `predict`. Rows that cannot be scored are counted with their row
 * numbers, and categories the model never saw are counted per column, never thrown one by one.
 */
import { convertColumn } from "../../data/convertColumn.ts";
import type { Column, ColumnKind, Frame } from "../../data/frame.ts";
import { formatCell } from "../../data/preview.ts";
import { type CsvCell, csvField, csvText } from "../../data/writeCsv.ts";
import { ValidationError } from "../../errors.ts";
import { takeFrameRows } from "../../prep/columns.ts";
import type { LoadedPipeline } from "./loadPipeline.ts";
import { predictRows, type RowPredictions } from "./predictRows.ts";

/** Probabilities and values to 8 significant digits, as `predict` writes them. */
export const roundPrediction = (x: number): number | null =>
  Number.isFinite(x) ? Number(x.toPrecision(8)) : null;

/** The columns a prediction adds: `prediction`, then `proba_<class>` per class in the model's order. */
export function predictionColumns(pipeline: LoadedPipeline): string[] {
  const { task, classes } = pipeline.artifact;
  const proba = task === "regression" || !classes ? [] : classes.map((c) => `proba_${c}`);
  return ["prediction", ...proba];
}

/** The cells `predict` writes for row `i` of a prediction: the answer, then each class's probability. */
export function predictionCells(out: RowPredictions, i: number): CsvCell[] {
  const p = out.predictions[i];
  const cells: CsvCell[] = [typeof p === "number" ? roundPrediction(p) : p];
  if (out.proba) for (const values of out.proba.values()) cells.push(roundPrediction(values[i]));
  return cells;
}

/** How the columns of a table line up with what the model reads. */
export interface ColumnMatch {
  /** Columns the model ignores. */
  extra: string[];
  /** True when the model's inputs come in another order than the table's (harmless). */
  reordered: boolean;
}

/** Matches a table's columns to the model's inputs; a ValidationError names any the table lacks. */
export function matchColumns(pipeline: LoadedPipeline, frame: Frame): ColumnMatch {
  const inputs = pipeline.artifact.inputs.map((i) => i.name);
  const have = frame.columns.map((c) => c.name);
  const lacking = inputs.filter((n) => !have.includes(n));
  if (lacking.length > 0) {
    const names = lacking.map((n) => `"${n}"`).join(", ");
    throw new ValidationError(
      `The file lacks the column${lacking.length > 1 ? "s" : ""} ${names}, which the model needs.`,
    );
  }
  const wanted = new Set(inputs);
  const order = have.filter((n) => wanted.has(n));
  return { extra: have.filter((n) => !wanted.has(n)), reordered: order.some((n, i) => n !== inputs[i]) };
}

/** An input column as training saw it: its kind and, for categories, the levels seen. */
export interface KnownInput {
  name: string;
  kind: ColumnKind;
  levels?: string[];
}

/** Categories of one column the model never saw in training. */
export interface UnseenCategories {
  column: string;
  /** Rows holding an unseen category. */
  rows: number;
  /** A few of the unseen values, most frequent first. */
  examples: string[];
}

/**
 * Counts, per categorical input, the rows whose value training never saw. A column whose known
 * levels were cut at `levelCap` (a card lists at most that many) is not judged: a value past the
 * cut may well have been seen.
 */
export function countUnseen(
  inputs: readonly KnownInput[],
  frame: Frame,
  levelCap: number,
): UnseenCategories[] {
  const out: UnseenCategories[] = [];
  for (const input of inputs) {
    if (input.kind !== "categorical" || !input.levels || input.levels.length >= levelCap) continue;
    const col = frame.columns.find((c) => c.name === input.name);
    if (!col) continue;
    const typed: Column = col.kind === "categorical" ? col : convertColumn(col, "categorical");
    if (typed.data.type !== "dict") continue;
    const { codes, levels } = typed.data;
    const known = new Set(input.levels);
    const counts = new Float64Array(levels.length);
    for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
    const unseen = [...levels.keys()].filter((c) => counts[c] > 0 && !known.has(levels[c]));
    if (unseen.length === 0) continue;
    unseen.sort((a, b) => counts[b] - counts[a] || a - b);
    out.push({
      column: input.name,
      rows: unseen.reduce((s, c) => s + counts[c], 0),
      examples: unseen.slice(0, 5).map((c) => levels[c]),
    });
  }
  return out;
}

/** One scored chunk: CSV lines (no header) for rows [from, to) and the rows it could not score. */
export interface ScoredChunk {
  from: number;
  to: number;
  csv: string;
  /** 0-based rows of the frame that got no prediction, with why. */
  failed: { row: number; reason: string }[];
  /** The first `keep` rows' cells as text (null = empty), for a preview. */
  preview: (string | null)[][];
}

const unscorable = (out: RowPredictions, i: number): boolean => {
  const p = out.predictions[i];
  if (typeof p === "number") return !Number.isFinite(p);
  if (p === undefined || p === null) return true;
  if (out.proba) for (const values of out.proba.values()) if (Number.isNaN(values[i])) return true;
  return false;
};

/** The header of the scored file: the table's columns, then the prediction's. */
export function scoredHeader(pipeline: LoadedPipeline, frame: Frame): string {
  return [...frame.columns.map((c) => c.name), ...predictionColumns(pipeline)].map(csvText).join(",");
}

/**
 * Rows [from, to) of a frame as views on its buffers (no copy, no recount of distinct values: a
 * chunk keeps its table's `unique`, which only statistics read). Missing counts are the chunk's.
 */
function sliceFrame(frame: Frame, from: number, to: number): Frame {
  const columns = frame.columns.map((col): Column => {
    let missing = 0;
    if (col.data.type === "float") {
      const values = col.data.values.subarray(from, to);
      for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
      return { ...col, data: { type: "float", values }, missing };
    }
    const codes = col.data.codes.subarray(from, to);
    for (let i = 0; i < codes.length; i++) if (codes[i] < 0) missing++;
    return { ...col, data: { ...col.data, codes }, missing };
  });
  return { rows: to - from, columns };
}

/**
 * A column's CSV field per row, the same text as `csvField(formatCell(col, r))` but with each
 * level, label and date written once rather than once per row (a million-row file repeats them).
 */
export function fieldWriter(col: Column): (r: number) => string {
  if (col.data.type === "dict") {
    const { codes } = col.data;
    const texts = col.data.levels.map(csvText);
    return (r) => (codes[r] < 0 ? "" : texts[codes[r]]);
  }
  const { values } = col.data;
  if (col.kind === "numeric") {
    return (r) => {
      const v = values[r];
      if (Number.isNaN(v)) return "";
      return Number.isFinite(v) ? String(v) : csvText(String(v));
    };
  }
  const seen = new Map<number, string>();
  return (r) => {
    const v = values[r];
    if (Number.isNaN(v)) return "";
    let text = seen.get(v);
    if (text === undefined) {
      text = csvField(formatCell(col, r));
      if (seen.size < 100_000) seen.set(v, text);
    }
    return text;
  };
}

/**
 * Scores rows [from, to) of `frame`. Should the whole chunk fail to predict (a value no step can
 * read), each row is scored alone so that only the bad rows are lost, each with the reason.
 */
export function scoreChunk(
  pipeline: LoadedPipeline,
  frame: Frame,
  from: number,
  to: number,
  keep = 0,
): ScoredChunk {
  const part = sliceFrame(frame, from, to);
  const writers = part.columns.map(fieldWriter);
  const lines: string[] = [];
  const failed: ScoredChunk["failed"] = [];
  const preview: (string | null)[][] = [];
  const width = predictionColumns(pipeline).length;
  const emit = (r: number, out: RowPredictions | null, i: number, reason: string) => {
    const ok = out !== null && !unscorable(out, i);
    if (!ok) failed.push({ row: from + r, reason });
    const answer: CsvCell[] = ok ? predictionCells(out, i) : new Array<CsvCell>(width).fill(null);
    let line = "";
    for (let c = 0; c < writers.length; c++) line += `${writers[c](r)},`;
    for (let c = 0; c < answer.length; c++) line += c === 0 ? csvField(answer[c]) : `,${csvField(answer[c])}`;
    lines.push(line);
    if (preview.length < keep) {
      const inputs = part.columns.map((col) => formatCell(col, r));
      preview.push([...inputs, ...answer.map((c) => (c === null || c === undefined ? null : String(c)))]);
    }
  };
  let whole: RowPredictions | null = null;
  try {
    whole = predictRows(pipeline, part);
  } catch (err) {
    if ((err as Error | null)?.name === "AbortError") throw err;
  }
  if (whole) {
    for (let r = 0; r < part.rows; r++) emit(r, whole, r, "the model gave no answer for this row");
  } else {
    for (let r = 0; r < part.rows; r++) {
      let one: RowPredictions | null = null;
      let reason = "the model gave no answer for this row";
      try {
        one = predictRows(pipeline, takeFrameRows(part, [r]));
      } catch (err) {
        reason = (err as Error).message;
      }
      emit(r, one, 0, reason);
    }
  }
  return { from, to, csv: lines.length > 0 ? `${lines.join("\n")}\n` : "", failed, preview };
}
