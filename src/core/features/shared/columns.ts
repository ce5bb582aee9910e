import type { Column, ColumnKind, Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import type { StepConfig } from "../../prep/step.ts";

/** Column look-ups and column building shared by the feature steps. */

/**
 * The columns a step applies to: its own rule over the feature columns for "auto" (`accepts`),
 * else the named ones, each of which must exist and be accepted (`what` names the kind wanted).
 */
export function resolveColumns(
  frame: Frame,
  config: StepConfig,
  accepts: (c: Column) => boolean,
  what: string,
): Column[] {
  if (config.columns === "auto") return frame.columns.filter((c) => c.role === "feature" && accepts(c));
  if (!Array.isArray(config.columns)) throw new ValidationError(`${config.type}: invalid columns`);
  return config.columns.map((name) => {
    const col = findColumn(frame, name, config.type);
    if (!accepts(col)) throw new ValidationError(`${config.type}: column "${name}" is not ${what}`);
    return col;
  });
}

/** The column called `name`; ValidationError naming the step when the frame lacks it. */
export function findColumn(frame: Frame, name: string, step: string): Column {
  const col = frame.columns.find((c) => c.name === name);
  if (!col) throw new ValidationError(`${step}: unknown column "${name}"`);
  return col;
}

/** The float values of a float-stored column (numeric, boolean, datetime). */
export function floatValues(col: Column, step: string): Float64Array {
  if (col.data.type !== "float") throw new ValidationError(`${step}: column "${col.name}" is not numeric`);
  return col.data.values;
}

/** Numeric, not boolean: what the math, pair and binning steps transform. */
export const isNumeric = (c: Column) => c.kind === "numeric" && c.data.type === "float";

/** A new feature column over float values, with its missing and distinct counts. */
export function floatColumn(name: string, values: Float64Array, kind: ColumnKind = "numeric"): Column {
  let missing = 0;
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) missing++;
    else seen.add(v);
  }
  return { name, kind, role: "feature", data: { type: "float", values }, missing, unique: seen.size };
}

/**
 * `name`, or `name_2`, `name_3`, ... when a column of the frame (or an earlier new one) already
 * has it; the chosen name joins `taken`. Steps keep the names they chose in their state, so
 * `transform` makes the same columns on any rows.
 */
export function uniqueName(taken: Set<string>, name: string): string {
  let out = name;
  for (let i = 2; taken.has(out); i++) out = `${name}_${i}`;
  taken.add(out);
  return out;
}

/** The names of a frame's columns, for `uniqueName`. */
export function namesOf(frame: Frame): Set<string> {
  return new Set(frame.columns.map((c) => c.name));
}

/**
 * A frame with new columns placed right after their anchor column (or at the end when the anchor
 * is absent) and the `drop` columns removed. Unchanged columns are shared, not copied.
 */
export function withColumns(
  frame: Frame,
  added: [anchor: string, cols: Column[]][],
  drop: Iterable<string> = [],
): Frame {
  const dropped = new Set(drop);
  const byAnchor = new Map<string, Column[]>();
  for (const [anchor, cols] of added) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), ...cols]);
  const columns: Column[] = [];
  for (const c of frame.columns) {
    if (!dropped.has(c.name)) columns.push(c);
    const extra = byAnchor.get(c.name);
    if (extra) columns.push(...extra);
    byAnchor.delete(c.name);
  }
  for (const cols of byAnchor.values()) columns.push(...cols);
  return { rows: frame.rows, columns };
}
