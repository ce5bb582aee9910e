import type { Column, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { sortFloat64 } from "../util/radixSort.ts";
import { naturalCompare } from "./naturalCompare.ts";
import { TASK_LABELS, type Task } from "./task.ts";

/** What the target column asks for, and why, in plain sentences. */
export interface TaskDetection {
  target: string;
  task: Task;
  reasons: string[];
  /** Classification only: the class labels (as text), in natural order, with their row counts. */
  classes?: string[];
  classCounts?: number[];
  /** Binary only: the class treated as "positive" (a yes / true / 1 spelling, else the rarer class). */
  positiveClass?: string;
  /** Binary only: why that class: "named" (a conventional positive label) or "rarer" (the minority). */
  positiveWhy?: PositiveWhy;
  /** Rows with a target value, and rows without one. */
  labelled: number;
  missing: number;
  /** Distinct target values. */
  distinct: number;
}

/** Why a binary target's positive class was proposed: a conventional label, or the rarer class. */
export type PositiveWhy = "named" | "rarer";

/** Most classes a categorical target may have; beyond it the column is not treated as labels. */
export const MAX_CLASSES = 50;
/** Whole-number targets with at most this many values are class labels... */
export const MAX_INTEGER_CLASSES = 10;
/** ...and up to this many when they are consecutive small numbers with plenty of rows per value. */
export const MAX_CONSECUTIVE_CLASSES = 20;
const ROWS_PER_CONSECUTIVE_CLASS = 50;

const POSITIVE = new Set([
  "1",
  "yes",
  "y",
  "true",
  "t",
  "positive",
  "pos",
  "malignant",
  "bad",
  "default",
  "churn",
  "fraud",
  "spam",
  "fail",
  "failure",
  "defaulted",
  "abnormal",
  "disease",
]);

interface Tally {
  distinct: number;
  /** Text of each distinct value (empty for float columns with more than MAX_LABELLED values). */
  labels: string[];
  counts: number[];
  /** For float columns: the distinct values, ascending. */
  values?: number[];
}

/**
 * Decides regression / binary / multiclass from the target column alone:
 * - 2 distinct values of any kind: binary;
 * - categorical (and text or string ids with few repeated values): 3..MAX_CLASSES classes: multiclass;
 * - numeric: whole numbers with <= MAX_INTEGER_CLASSES values, or <= MAX_CONSECUTIVE_CLASSES
 *   consecutive values from 0..30 with >= 50 rows per value: multiclass; anything else: regression.
 * Throws ValidationError for a target that cannot be learned: not in the frame, no values, one value,
 * dates, free text, identifiers, or too many classes.
 */
export function detectTask(frame: Frame, targetName: string): TaskDetection {
  const col = frame.columns.find((c) => c.name === targetName);
  if (!col) {
    const names = frame.columns.slice(0, 12).map((c) => `"${c.name}"`);
    const more = frame.columns.length > 12 ? ", ..." : "";
    throw new ValidationError(
      `There is no column named "${targetName}"; the columns are ${names.join(", ")}${more}.`,
    );
  }
  const name = col.name;
  if (col.kind === "datetime") {
    throw new ValidationError(
      `The target column "${name}" holds dates, which cannot be predicted here; pick a numeric or categorical column.`,
    );
  }
  const tally = tallyColumn(col);
  const labelled = tally.counts.reduce((s, c) => s + c, 0);
  const missing = frame.rows - labelled;
  const distinct = tally.distinct;
  if (distinct === 0)
    throw new ValidationError(`The target column "${name}" has no values, so there is nothing to predict.`);
  if (distinct === 1) {
    throw new ValidationError(
      `The target column "${name}" has only one value (${tally.labels[0]}), so there is nothing to predict.`,
    );
  }
  const base = { target: name, labelled, missing, distinct };
  const missingNote =
    missing > 0
      ? [`${plural(missing, "row has", "rows have")} no value in "${name}" and will be left out of training.`]
      : [];
  const classification = (task: Task, reason: string): TaskDetection => {
    const order = naturalOrder(tally);
    const classes = order.map((i) => tally.labels[i]);
    const classCounts = order.map((i) => tally.counts[i]);
    const out: TaskDetection = { ...base, task, reasons: [reason, ...missingNote], classes, classCounts };
    if (task === "binary") {
      const { positive, why } = positiveOf(col, classes, classCounts);
      out.positiveClass = positive;
      out.positiveWhy = why;
    }
    return out;
  };
  const listed = (labels: string[]) => listOf(naturalOrder({ labels }).map((i) => labels[i]));

  if (distinct === 2) {
    const what = col.kind === "boolean" ? "is a yes/no column with the values" : "has 2 distinct values,";
    return classification(
      "binary",
      `"${name}" ${what} ${listed(tally.labels)}, so this is ${TASK_LABELS.binary}.`,
    );
  }

  if (col.data.type === "dict") {
    if (col.kind === "id" && (distinct > MAX_CLASSES || distinct > 0.5 * labelled)) {
      throw new ValidationError(
        `The target column "${name}" is an identifier (${distinct} distinct values in ${labelled} rows), so there is nothing general to learn.`,
      );
    }
    if (col.kind === "text" && (distinct > MAX_CLASSES || distinct > 0.5 * labelled)) {
      throw new ValidationError(
        `The target column "${name}" is free text (${distinct} distinct values in ${labelled} rows); pick a column of categories or numbers.`,
      );
    }
    if (distinct > MAX_CLASSES) {
      throw new ValidationError(
        `The target column "${name}" has ${distinct} distinct values, too many to treat as classes (at most ${MAX_CLASSES}); if it holds numbers, set its kind to numeric.`,
      );
    }
    return classification(
      "multiclass",
      `"${name}" has ${distinct} distinct text values (${listed(tally.labels)}), so this is ${TASK_LABELS.multiclass}.`,
    );
  }

  const values = tally.values ?? [];
  const integer = values.every((v) => Number.isInteger(v));
  const lo = values[0];
  const hi = values[values.length - 1];
  if (col.kind === "id" && distinct > 0.5 * labelled) {
    throw new ValidationError(
      `The target column "${name}" is an identifier (${distinct} distinct values in ${labelled} rows), so there is nothing general to learn.`,
    );
  }
  if (integer && distinct <= MAX_INTEGER_CLASSES) {
    return classification(
      "multiclass",
      `"${name}" holds whole numbers with only ${distinct} distinct values (${listed(tally.labels)}), which read as class labels, so this is ${TASK_LABELS.multiclass}.`,
    );
  }
  const consecutive = integer && hi - lo + 1 === distinct && lo >= 0 && hi <= 30;
  if (
    consecutive &&
    distinct <= MAX_CONSECUTIVE_CLASSES &&
    labelled >= ROWS_PER_CONSECUTIVE_CLASS * distinct
  ) {
    return classification(
      "multiclass",
      `"${name}" holds the consecutive whole numbers ${lo} to ${hi} (${distinct} values, each with many rows), which read as class labels, so this is ${TASK_LABELS.multiclass}.`,
    );
  }
  const reason = integer
    ? `"${name}" holds whole numbers with ${distinct} distinct values (${fmt(lo)} to ${fmt(hi)}), too many to be class labels, so this is ${TASK_LABELS.regression}.`
    : `"${name}" is numeric with ${distinct} distinct values (${fmt(lo)} to ${fmt(hi)}), so this is ${TASK_LABELS.regression}.`;
  return { ...base, task: "regression", reasons: [reason, ...missingNote] };
}

const MAX_LABELLED = 1000;

/** Distinct values and their counts. */
function tallyColumn(col: Column): Tally {
  const data = col.data;
  if (data.type === "dict") {
    const counts = new Array<number>(data.levels.length).fill(0);
    for (let i = 0; i < data.codes.length; i++) if (data.codes[i] >= 0) counts[data.codes[i]]++;
    const keep = counts.map((c, i) => (c > 0 ? i : -1)).filter((i) => i >= 0);
    return {
      distinct: keep.length,
      labels: keep.map((i) => data.levels[i]),
      counts: keep.map((i) => counts[i]),
    };
  }
  const v = data.values;
  if (col.kind === "boolean") {
    const counts = [0, 0];
    for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) counts[v[i] === 0 ? 0 : 1]++;
    const names = col.labels ?? ["false", "true"];
    const keep = [0, 1].filter((i) => counts[i] > 0);
    return {
      distinct: keep.length,
      labels: keep.map((i) => names[i]),
      counts: keep.map((i) => counts[i]),
      values: keep,
    };
  }
  const sorted = sortFloat64(v.filter((x) => !Number.isNaN(x)));
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] === 0 ? 0 : sorted[i];
    if (values.length > 0 && values[values.length - 1] === x) counts[counts.length - 1]++;
    else {
      values.push(x);
      counts.push(1);
    }
  }
  const labels = values.length <= MAX_LABELLED ? values.map(fmt) : [];
  return { distinct: values.length, labels, counts, values };
}

/** Numbers by value, text by natural order ("2" before "10"), so classes list the same everywhere. */
function naturalOrder(t: Pick<Tally, "labels" | "values">): number[] {
  const idx = t.labels.map((_, i) => i);
  if (t.values) return idx;
  return idx.sort((a, b) => naturalCompare(t.labels[a], t.labels[b]));
}

/**
 * The class proposed as positive: 1 / true for numbers and yes/no columns, a conventional positive
 * label ("bad", "yes", "default", "churn", "fraud", ...) when exactly one class has one, else the
 * rarer class (the first in natural order on a tie), since that is usually the one to detect.
 */
function positiveOf(
  col: Column,
  classes: string[],
  counts: number[],
): { positive: string; why: PositiveWhy } {
  if (col.kind === "boolean" || col.data.type === "float")
    return { positive: classes[classes.length - 1], why: "named" };
  const known = classes.filter((c) => POSITIVE.has(c.trim().toLowerCase()));
  if (known.length === 1) return { positive: known[0], why: "named" };
  return { positive: counts[0] < counts[1] ? classes[0] : classes[1], why: "rarer" };
}

/**
 * Binary classes in the run's order: the other class first, the positive one last, so that class
 * index 1 (the convention of every binary metric, curve and threshold here) is the positive class.
 * ValidationError when `positive` is not one of the two classes.
 */
export function positiveLast(classes: readonly string[], positive: string | null | undefined): string[] {
  if (classes.length !== 2 || positive === null || positive === undefined) return [...classes];
  const at = classes.indexOf(positive);
  if (at < 0)
    throw new ValidationError(
      `The positive class "${positive}" is not one of the target's classes (${classes.join(", ")}); pick it again in Frame.`,
    );
  return at === 1 ? [...classes] : [classes[1], classes[0]];
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));

function listOf(labels: string[], max = 5): string {
  const shown = labels.slice(0, max);
  const tail = labels.length > max ? `, ... (${labels.length - max} more)` : "";
  if (labels.length === 2) return `${labels[0]} and ${labels[1]}`;
  return shown.join(", ") + tail;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
