/**
 * A model card read back from an untrusted file, field by field: every field present with its
 * type, numbers finite, kinds and metrics known, no key outside the card's. A refusal is a
 * ValidationError naming the field: `model card: inputs[2].kind: expected one of ...`.
 */
import { COLUMN_KINDS, type ColumnKind } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { isMetricId, type MetricId } from "../framing/metrics.ts";
import type { Task } from "../framing/task.ts";
import type { ModelCard, ModelCardInput } from "./modelCard.ts";

const TASKS: readonly Task[] = ["regression", "binary", "multiclass"];

function fail(part: string, problem: string): never {
  throw new ValidationError(`model card: ${part}: ${problem}`);
}

/** A short description of an unexpected value (never its whole content). */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return v.length > 24 ? `a string ("${v.slice(0, 21)}...")` : `"${v}"`;
  if (typeof v === "number") return String(v);
  if (typeof v === "object") return "an object";
  return typeof v;
}

function object(
  v: unknown,
  part: string,
  required: string[],
  optional: string[] = [],
): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v))
    fail(part, `expected an object, got ${describeValue(v)}`);
  for (const key of Object.keys(v)) {
    if (!required.includes(key) && !optional.includes(key)) fail(part, `unexpected field "${key}"`);
  }
  for (const key of required) if (!Object.hasOwn(v, key)) fail(part, `missing "${key}"`);
  return v as Record<string, unknown>;
}

function string(v: unknown, part: string): string {
  if (typeof v !== "string") fail(part, `expected text, got ${describeValue(v)}`);
  return v;
}

function finite(v: unknown, part: string): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    fail(part, `expected a finite number, got ${describeValue(v)}`);
  return v;
}

const finiteOrNull = (v: unknown, part: string) => (v === null ? null : finite(v, part));

function strings(v: unknown, part: string): string[] {
  if (!Array.isArray(v)) fail(part, `expected a list of text, got ${describeValue(v)}`);
  return v.map((x, i) => string(x, `${part}[${i}]`));
}

function readInput(v: unknown, part: string): ModelCardInput {
  const o = object(
    v,
    part,
    ["name", "kind", "missing_share"],
    ["min", "max", "median", "levels", "most_frequent"],
  );
  const kind = o.kind as ColumnKind;
  if (!COLUMN_KINDS.includes(kind))
    fail(`${part}.kind`, `expected one of ${COLUMN_KINDS.join(", ")}, got ${describeValue(o.kind)}`);
  const share = finite(o.missing_share, `${part}.missing_share`);
  if (share < 0 || share > 1) fail(`${part}.missing_share`, `${share} is not a share between 0 and 1`);
  const out: ModelCardInput = { name: string(o.name, `${part}.name`), kind, missing_share: share };
  for (const key of ["min", "max", "median"] as const)
    if (o[key] !== undefined) out[key] = finite(o[key], `${part}.${key}`);
  if (out.min !== undefined && out.max !== undefined && out.min > out.max)
    fail(part, `min ${out.min} is above max ${out.max}`);
  if (o.levels !== undefined) out.levels = strings(o.levels, `${part}.levels`);
  if (o.most_frequent !== undefined) out.most_frequent = string(o.most_frequent, `${part}.most_frequent`);
  return out;
}

/** The card, checked; throws a ValidationError naming the first field that is wrong. */
export function readModelCard(raw: unknown): ModelCard {
  const o = object(
    raw,
    "the card",
    [
      "task",
      "target",
      "metric",
      "scores",
      "classes",
      "inputs",
      "training_rows",
      "model",
      "created",
      "app_version",
      "data_fingerprint",
    ],
    ["positive_class"],
  );
  if (!TASKS.includes(o.task as Task))
    fail("task", `expected ${TASKS.join(", ")}, got ${describeValue(o.task)}`);
  if (!isMetricId(o.metric)) fail("metric", `unknown metric ${describeValue(o.metric)}`);
  const s = object(o.scores, "scores", ["cv_mean", "cv_std", "test", "protocol"]);
  const classes = o.classes === null ? null : strings(o.classes, "classes");
  if (!Array.isArray(o.inputs)) fail("inputs", `expected a list, got ${describeValue(o.inputs)}`);
  const rows = finite(o.training_rows, "training_rows");
  if (!Number.isInteger(rows) || rows < 0) fail("training_rows", `expected a whole number, got ${rows}`);
  const m = object(o.model, "model", ["id", "label"], ["params"]);
  const fingerprint = o.data_fingerprint === null ? null : string(o.data_fingerprint, "data_fingerprint");
  if (fingerprint !== null && !/^[0-9a-f]{64}$/.test(fingerprint))
    fail("data_fingerprint", "expected 64 hexadecimal digits (a SHA-256)");
  const positive = o.positive_class;
  if (positive !== undefined && positive !== null) string(positive, "positive_class");
  return {
    task: o.task as Task,
    target: string(o.target, "target"),
    metric: o.metric as MetricId,
    positive_class: (positive as string | null | undefined) ?? null,
    scores: {
      cv_mean: finiteOrNull(s.cv_mean, "scores.cv_mean"),
      cv_std: finiteOrNull(s.cv_std, "scores.cv_std"),
      test: finiteOrNull(s.test, "scores.test"),
      protocol: string(s.protocol, "scores.protocol"),
    },
    classes,
    inputs: o.inputs.map((x, i) => readInput(x, `inputs[${i}]`)),
    training_rows: rows,
    model: { id: string(m.id, "model.id"), label: string(m.label, "model.label"), params: m.params },
    created: string(o.created, "created"),
    app_version: string(o.app_version, "app_version"),
    data_fingerprint: fingerprint,
  };
}
