/**
 * The rows a challenger is trained on: the project's training table with labelled batch rows
 * appended, each batch column read as the training column's kind, so the run sees one table of
 * the same columns, kinds and roles. And the seeded half of the newest labelled batch held out
 * from that training, so champion and challenger are compared on rows neither has seen.
 */
import { convertColumn } from "../data/convertColumn.ts";
import type { Column, ColumnData, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { takeFrameRows as takeRows } from "../prep/columns.ts";
import { makeRng } from "../random.ts";

function recount(data: ColumnData): { missing: number; unique: number } {
  const seen = new Set<number>();
  let missing = 0;
  if (data.type === "float") {
    for (const v of data.values) {
      if (Number.isNaN(v)) missing++;
      else seen.add(v);
    }
  } else {
    for (const c of data.codes) {
      if (c < 0) missing++;
      else seen.add(c);
    }
  }
  return { missing, unique: seen.size };
}

/** `base`'s column with `extra` columns (same name, any kind, or absent: missing) appended. */
function appendColumn(base: Column, extras: { col: Column | undefined; rows: number }[]): Column {
  const total = extras.reduce(
    (n, e) => n + e.rows,
    base.data.type === "float" ? base.data.values.length : base.data.codes.length,
  );
  if (base.data.type === "float") {
    const values = new Float64Array(total).fill(Number.NaN);
    values.set(base.data.values);
    let at = base.data.values.length;
    for (const e of extras) {
      if (e.col) {
        const typed = e.col.kind === base.kind ? e.col : convertColumn(e.col, base.kind);
        if (typed.data.type !== "float")
          throw new ValidationError(`column "${base.name}" could not be read as ${base.kind}`);
        values.set(typed.data.values, at);
      }
      at += e.rows;
    }
    const data: ColumnData = { type: "float", values };
    return { ...base, data, ...recount(data) };
  }
  const levels = [...base.data.levels];
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = new Int32Array(total).fill(-1);
  codes.set(base.data.codes);
  let at = base.data.codes.length;
  for (const e of extras) {
    if (e.col) {
      const typed = e.col.data.type === "dict" ? e.col : convertColumn(e.col, base.kind);
      if (typed.data.type !== "dict")
        throw new ValidationError(`column "${base.name}" could not be read as ${base.kind}`);
      const map = typed.data.levels.map((l) => {
        let i = index.get(l);
        if (i === undefined) {
          i = levels.length;
          levels.push(l);
          index.set(l, i);
        }
        return i;
      });
      const src = typed.data.codes;
      for (let r = 0; r < src.length; r++) codes[at + r] = src[r] < 0 ? -1 : map[src[r]];
    }
    at += e.rows;
  }
  const data: ColumnData = { type: "dict", codes, levels };
  return { ...base, data, ...recount(data) };
}

/** The training table with the batches' rows after its own (columns matched by name). */
export function appendRows(base: Frame, batches: readonly Frame[]): Frame {
  const rows = base.rows + batches.reduce((n, b) => n + b.rows, 0);
  const columns = base.columns.map((col) =>
    appendColumn(
      col,
      batches.map((b) => ({ col: b.columns.find((c) => c.name === col.name), rows: b.rows })),
    ),
  );
  return { rows, columns };
}

/**
 * A seeded split of `n` rows into halves: `train` joins the challenger's training rows, `held`
 * is where champion and challenger are compared (both sorted; `held` gets the odd row).
 */
export function holdOutHalf(n: number, seed: number): { train: Int32Array; held: Int32Array } {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = makeRng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const cut = Math.floor(n / 2);
  return { train: order.slice(0, cut).sort(), held: order.slice(cut).sort() };
}

/** A kept labelled batch: its id, number and rows. */
export interface LabelledBatch {
  id: string;
  number: number;
  rows: Frame;
}

/** The challenger's table and where its rows came from (the retrain decision's evidence). */
export interface RetrainTable {
  frame: Frame;
  /** Rows of the training table in it (0 for a recent window). */
  trainingRows: number;
  batches: { batchId: string; number: number; rows: number }[];
  /** The newest batch's rows held out of training, for the comparison. */
  heldOut: { batchId: string; number: number; rows: number[] } | null;
}

/**
 * The table a challenger trains on: `"all"`: the training table and every labelled batch (oldest
 * first); `"window"`: only the newest `window` batches. The newest batch gives only its seeded
 * training half; the other half is held out.
 */
export function retrainTable(
  base: Frame,
  labelled: readonly LabelledBatch[],
  mode: "all" | "window",
  window: number,
  seed: number,
): RetrainTable {
  if (labelled.length === 0) throw new ValidationError("no labelled batch to retrain on");
  const used = mode === "window" ? labelled.slice(-Math.max(1, Math.floor(window))) : labelled;
  const newest = labelled[labelled.length - 1];
  const parts: Frame[] = [];
  const batches: RetrainTable["batches"] = [];
  let heldOut: RetrainTable["heldOut"] = null;
  for (const b of used) {
    let part = b.rows;
    if (b.id === newest.id) {
      const split = holdOutHalf(b.rows.rows, seed);
      part = takeRows(b.rows, split.train);
      heldOut = { batchId: b.id, number: b.number, rows: Array.from(split.held) };
    }
    parts.push(part);
    batches.push({ batchId: b.id, number: b.number, rows: part.rows });
  }
  const start = mode === "window" ? takeRows(base, new Int32Array(0)) : base;
  return { frame: appendRows(start, parts), trainingRows: start.rows, batches, heldOut };
}
