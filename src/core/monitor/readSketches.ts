/**
 * Reference sketches read back from an untrusted file, field by field: every field present with
 * its type, counts whole and non-negative, numbers finite, values and quantiles sorted, lengths
 * that agree. A refusal is a ValidationError naming the part:
 * `reference: columns[2].sketch.quantiles: not sorted at 17`.
 */
import type { ColumnKind } from "../data/frame.ts";
import { COLUMN_KINDS } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { CALIBRATION_BINS } from "./calibration.ts";
import {
  type CategoricalSketch,
  type ClassCalibration,
  type ColumnSketch,
  EXACT_MAX,
  HISTOGRAM_BINS,
  LEVELS_MAX,
  type NumericSketch,
  QUANTILES,
  type ReferenceSketches,
  VALUE_COUNTS_MAX,
} from "./sketch.ts";

function fail(part: string, problem: string): never {
  throw new ValidationError(`reference: ${part}: ${problem}`);
}

function object(
  v: unknown,
  part: string,
  required: string[],
  optional: string[] = [],
): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(part, "expected an object");
  for (const key of Object.keys(v))
    if (!required.includes(key) && !optional.includes(key)) fail(part, `unexpected field "${key}"`);
  for (const key of required) if (!Object.hasOwn(v, key)) fail(part, `missing "${key}"`);
  return v as Record<string, unknown>;
}

function finite(v: unknown, part: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(part, "expected a finite number");
  return v;
}

function count(v: unknown, part: string): number {
  const x = finite(v, part);
  if (!Number.isInteger(x) || x < 0) fail(part, `${x} is not a count`);
  return x;
}

function numbers(v: unknown, part: string, sorted: boolean, length?: number): number[] {
  if (!Array.isArray(v)) fail(part, "expected a list of numbers");
  if (length !== undefined && v.length !== length) fail(part, `expected ${length} values, got ${v.length}`);
  const out = v.map((x, i) => finite(x, `${part}[${i}]`));
  if (sorted) for (let i = 1; i < out.length; i++) if (out[i] < out[i - 1]) fail(part, `not sorted at ${i}`);
  return out;
}

const counts = (v: unknown, part: string, length: number) => {
  const out = numbers(v, part, false, length);
  for (const [i, x] of out.entries()) count(x, `${part}[${i}]`);
  return out;
};

function readNumeric(o: Record<string, unknown>, part: string): NumericSketch {
  const s: NumericSketch = {
    type: "numeric",
    count: count(o.count, `${part}.count`),
    missing: count(o.missing, `${part}.missing`),
    mean: finite(o.mean, `${part}.mean`),
    std: finite(o.std, `${part}.std`),
    min: finite(o.min, `${part}.min`),
    max: finite(o.max, `${part}.max`),
    distinct: count(o.distinct, `${part}.distinct`),
    histogram: { edges: [], counts: [] },
  };
  if (s.std < 0) fail(`${part}.std`, "is negative");
  if (s.min > s.max) fail(part, `min ${s.min} is above max ${s.max}`);
  if (s.distinct > s.count) fail(`${part}.distinct`, `${s.distinct} is above the count ${s.count}`);
  const exact = s.count <= EXACT_MAX;
  if (exact !== (o.values !== undefined))
    fail(part, exact ? 'missing "values"' : 'unexpected field "values"');
  if (exact === (o.quantiles !== undefined))
    fail(part, exact ? 'unexpected field "quantiles"' : 'missing "quantiles"');
  const inRange = (xs: number[], p: string) => {
    if (xs.length > 0 && (xs[0] < s.min || xs[xs.length - 1] > s.max)) fail(p, "outside min..max");
  };
  if (exact) {
    s.values = numbers(o.values, `${part}.values`, true, s.count);
    inRange(s.values, `${part}.values`);
  } else {
    s.quantiles = numbers(o.quantiles, `${part}.quantiles`, true, QUANTILES);
    inRange(s.quantiles, `${part}.quantiles`);
  }
  if (s.distinct <= VALUE_COUNTS_MAX !== (o.value_counts !== undefined))
    fail(part, o.value_counts === undefined ? 'missing "value_counts"' : 'unexpected field "value_counts"');
  if (o.value_counts !== undefined) {
    const vc = object(o.value_counts, `${part}.value_counts`, ["values", "counts"]);
    const values = numbers(vc.values, `${part}.value_counts.values`, true, s.distinct);
    for (let i = 1; i < values.length; i++)
      if (values[i] === values[i - 1]) fail(`${part}.value_counts.values`, `repeated at ${i}`);
    const cs = counts(vc.counts, `${part}.value_counts.counts`, s.distinct);
    if (cs.reduce((a, b) => a + b, 0) !== s.count)
      fail(`${part}.value_counts.counts`, "do not add up to the count");
    s.value_counts = { values, counts: cs };
  }
  const h = object(o.histogram, `${part}.histogram`, ["edges", "counts"]);
  const bins = s.count === 0 ? 0 : HISTOGRAM_BINS;
  s.histogram = {
    edges: numbers(h.edges, `${part}.histogram.edges`, true, bins === 0 ? 0 : bins + 1),
    counts: counts(h.counts, `${part}.histogram.counts`, bins),
  };
  if (s.histogram.counts.reduce((a, b) => a + b, 0) !== s.count)
    fail(`${part}.histogram.counts`, "do not add up to the count");
  return s;
}

function readCategorical(o: Record<string, unknown>, part: string): CategoricalSketch {
  if (!Array.isArray(o.levels)) fail(`${part}.levels`, "expected a list of text");
  if (o.levels.length > LEVELS_MAX) fail(`${part}.levels`, `more than ${LEVELS_MAX} levels`);
  const levels = o.levels.map((l, i) => {
    if (typeof l !== "string") fail(`${part}.levels[${i}]`, "expected text");
    return l;
  });
  if (new Set(levels).size !== levels.length) fail(`${part}.levels`, "a level is repeated");
  const s: CategoricalSketch = {
    type: "categorical",
    count: count(o.count, `${part}.count`),
    missing: count(o.missing, `${part}.missing`),
    levels,
    counts: counts(o.counts, `${part}.counts`, levels.length),
    other: count(o.other, `${part}.other`),
    other_levels: count(o.other_levels, `${part}.other_levels`),
  };
  if (s.counts.reduce((a, b) => a + b, 0) + s.other !== s.count)
    fail(`${part}.counts`, "do not add up to the count");
  if (s.other > 0 !== s.other_levels > 0) fail(`${part}.other`, "disagrees with other_levels");
  return s;
}

/** One column's sketch. */
export function readColumnSketch(v: unknown, part: string): ColumnSketch {
  const type = (v as { type?: unknown } | null)?.type;
  if (type === "numeric")
    return readNumeric(
      object(
        v,
        part,
        ["type", "count", "missing", "mean", "std", "min", "max", "distinct", "histogram"],
        ["values", "quantiles", "value_counts"],
      ),
      part,
    );
  if (type === "categorical")
    return readCategorical(
      object(v, part, ["type", "count", "missing", "levels", "counts", "other", "other_levels"]),
      part,
    );
  fail(`${part}.type`, 'expected "numeric" or "categorical"');
}

/** Reference sketches from parsed JSON. */
export function readReferenceSketches(v: unknown): ReferenceSketches {
  const o = object(v, "reference", ["version", "rows", "columns", "prediction"], ["calibration"]);
  if (o.version !== 1) fail("version", "expected 1");
  const rows = count(o.rows, "rows");
  if (!Array.isArray(o.columns)) fail("columns", "expected a list");
  const names = new Set<string>();
  const columns = o.columns.map((c, i) => {
    const part = `columns[${i}]`;
    const col = object(c, part, ["name", "kind", "sketch"]);
    if (typeof col.name !== "string") fail(`${part}.name`, "expected text");
    if (names.has(col.name)) fail(`${part}.name`, `"${col.name}" is repeated`);
    names.add(col.name);
    if (!COLUMN_KINDS.includes(col.kind as ColumnKind))
      fail(`${part}.kind`, `expected one of ${COLUMN_KINDS.join(", ")}`);
    const sketch = readColumnSketch(col.sketch, `${part}.sketch`);
    if (sketch.count + sketch.missing !== rows)
      fail(`${part}.sketch`, `covers ${sketch.count + sketch.missing} rows, not ${rows}`);
    return { name: col.name, kind: col.kind as ColumnKind, sketch };
  });
  const prediction = readColumnSketch(o.prediction, "prediction");
  if (o.calibration === undefined) return { version: 1, rows, columns, prediction };
  return { version: 1, rows, columns, prediction, calibration: readCalibration(o.calibration) };
}

/** CBPE's calibration maps: x ascending, y non-decreasing shares, at most CALIBRATION_BINS points. */
function readCalibration(v: unknown): ClassCalibration[] {
  if (!Array.isArray(v) || v.length === 0) fail("calibration", "expected a list of maps");
  return v.map((m, i) => {
    const part = `calibration[${i}]`;
    const o = object(m, part, ["x", "y"]);
    const x = numbers(o.x, `${part}.x`, true);
    if (x.length === 0 || x.length > CALIBRATION_BINS)
      fail(`${part}.x`, `expected 1 to ${CALIBRATION_BINS} points`);
    const y = numbers(o.y, `${part}.y`, true, x.length);
    if (y[0] < 0 || y[y.length - 1] > 1) fail(`${part}.y`, "not shares between 0 and 1");
    return { x, y };
  });
}
