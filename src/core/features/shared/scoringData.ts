import type { Column, Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import type { Task } from "../../framing/task.ts";
import type { Matrix, Target } from "../../models/estimator.ts";
import type { Rng } from "../../random.ts";

/** A target read from its column for scoring: class indices or values over the rows where it is present. */
export interface ScoringTarget {
  target: Target;
  task: Task;
  /** The frame rows the target values belong to (rows with a missing target are left out). */
  rows: Int32Array;
}

/**
 * Reads a target column: classes (categorical, boolean, or any column when `task` says
 * classification) become indices 0..k-1 over the classes present, in level / value order;
 * numeric columns stay values for regression.
 */
export function targetOf(col: Column, task?: Task, step = "features"): ScoringTarget {
  const classify = task ? task !== "regression" : col.data.type === "dict" || col.kind === "boolean";
  const rows: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < (col.data.type === "float" ? col.data.values.length : col.data.codes.length); i++) {
    const v = col.data.type === "float" ? col.data.values[i] : col.data.codes[i];
    if (col.data.type === "float" ? Number.isNaN(v) : v < 0) continue;
    rows.push(i);
    raw.push(v);
  }
  if (rows.length === 0) throw new ValidationError(`${step}: the target "${col.name}" has no values`);
  if (!classify) {
    if (col.data.type !== "float")
      throw new ValidationError(`${step}: the target "${col.name}" is not numeric`);
    return { target: { values: Float64Array.from(raw) }, task: "regression", rows: Int32Array.from(rows) };
  }
  const present = [...new Set(raw)].sort((a, b) => a - b);
  const index = new Map(present.map((v, c) => [v, c]));
  const data = col.data;
  const classes = present.map((v) =>
    data.type === "dict" ? data.levels[v] : col.labels && (v === 0 || v === 1) ? col.labels[v] : String(v),
  );
  return {
    target: { values: Float64Array.from(raw, (v) => index.get(v)!), classes },
    task: classes.length === 2 ? "binary" : "multiclass",
    rows: Int32Array.from(rows),
  };
}

/**
 * The given float columns over `rows` as a row-major matrix, missing values replaced by the
 * column's mean over those rows (0 when all are missing): scorers and quick models want finite
 * input, and the mean moves no feature's ranking much.
 */
export function matrixOf(cols: Column[], rows: ArrayLike<number>, step = "features"): Matrix {
  const p = cols.length;
  const n = rows.length;
  const data = new Float64Array(n * p);
  cols.forEach((col, j) => {
    if (col.data.type !== "float") throw new ValidationError(`${step}: column "${col.name}" is not numeric`);
    const v = col.data.values;
    let sum = 0;
    let count = 0;
    for (let r = 0; r < n; r++) {
      const x = v[rows[r]];
      if (Number.isFinite(x)) {
        sum += x;
        count++;
      }
    }
    const mean = count > 0 ? sum / count : 0;
    for (let r = 0; r < n; r++) {
      const x = v[rows[r]];
      data[r * p + j] = Number.isFinite(x) ? x : mean;
    }
  });
  return { data, rows: n, cols: p, names: cols.map((c) => c.name) };
}

/** At most `max` of `rows`, drawn without replacement by the seeded generator, in ascending order. */
export function sampleRows(rows: Int32Array, max: number, rng: Rng): Int32Array {
  if (rows.length <= max) return rows;
  const pool = Array.from(rows);
  for (let i = 0; i < max; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return Int32Array.from(pool.slice(0, max)).sort();
}

/** The row numbers 0..n-1. */
export function allRows(frame: Frame): Int32Array {
  return Int32Array.from({ length: frame.rows }, (_, i) => i);
}

/** A standard normal draw (Box-Muller) from the seeded generator. */
export function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}
