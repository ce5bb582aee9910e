/**
 * The target column as numbers: regression values, or class indices into class labels ordered
 * as the framing step lists them (numbers by value, booleans false then true, text in natural
 * order), so models, metrics and the recipe agree on what class 0 is.
 */

import type { Column } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { naturalCompare } from "../framing/naturalCompare.ts";
import type { Task } from "../framing/task.ts";
import type { Target } from "../models/estimator.ts";

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));

/** Text of each present value of a float column, for class labels. */
function floatLabel(col: Column, v: number): string {
  if (col.kind === "boolean") return (col.labels ?? ["false", "true"])[v === 0 ? 0 : 1];
  return fmt(v);
}

/** Class labels present in `col`, in the framing order. */
export function classLabels(col: Column): string[] {
  if (col.data.type === "dict") {
    const used = new Uint8Array(col.data.levels.length);
    for (const c of col.data.codes) if (c >= 0) used[c] = 1;
    return col.data.levels.filter((_, i) => used[i]).sort(naturalCompare);
  }
  const seen = new Set<number>();
  for (const v of col.data.values) if (!Number.isNaN(v)) seen.add(v === 0 ? 0 : v);
  return [...seen].sort((a, b) => a - b).map((v) => floatLabel(col, v));
}

/**
 * Encodes a target column. Classification: index into `classes` (taken from the column when not
 * given), NaN for missing values and for labels not in `classes`. Regression: the float values.
 */
export function encodeTarget(col: Column, task: Task, classes?: readonly string[]): Target {
  if (task === "regression") {
    if (col.data.type !== "float") {
      throw new ValidationError(`target "${col.name}" is ${col.kind}: regression needs a numeric target`);
    }
    return { values: col.data.values };
  }
  const labels = classes ? [...classes] : classLabels(col);
  const index = new Map<string, number>();
  for (const [i, l] of labels.entries()) index.set(l, i);
  if (col.data.type === "dict") {
    const map = col.data.levels.map((l) => index.get(l) ?? Number.NaN);
    const codes = col.data.codes;
    const values = new Float64Array(codes.length);
    for (let i = 0; i < codes.length; i++) values[i] = codes[i] < 0 ? Number.NaN : map[codes[i]];
    return { values, classes: labels };
  }
  const src = col.data.values;
  const cache = new Map<number, number>();
  const values = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (Number.isNaN(v)) {
      values[i] = Number.NaN;
      continue;
    }
    let k = cache.get(v);
    if (k === undefined) {
      k = index.get(floatLabel(col, v)) ?? Number.NaN;
      cache.set(v, k);
    }
    values[i] = k;
  }
  return { values, classes: labels };
}

/** The encoded target a step needs, or a ValidationError saying the step needs one. */
export function requireTarget(target: Column | undefined, task: Task | undefined, step: string): Target {
  if (!target || !task) throw new ValidationError(`${step}: needs a target column`);
  return encodeTarget(target, task);
}

/** Same, for steps that only make sense for classes (resampling, class weights). */
export function requireClasses(
  target: Column | undefined,
  task: Task | undefined,
  step: string,
): Required<Target> {
  const y = requireTarget(target, task, step);
  if (!y.classes) throw new ValidationError(`${step}: needs a classification target, not regression`);
  return y as Required<Target>;
}
