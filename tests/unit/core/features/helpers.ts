import type { Column, ColumnKind, Frame } from "../../../../src/core/data/frame.ts";
import type { Task } from "../../../../src/core/models/estimator.ts";
import type { FitContext, StepConfig, StepDef } from "../../../../src/core/prep/step.ts";
import { makeRng } from "../../../../src/core/random.ts";

type Cell = number | string | null;

/**
 * A Frame from column arrays: numbers give numeric columns, strings categorical ones, unless a
 * kind is named. null (and NaN) is missing. Dict levels are in order of first appearance.
 */
export function frameOf(spec: Record<string, Cell[] | { kind: ColumnKind; values: Cell[] }>): Frame {
  const columns: Column[] = Object.entries(spec).map(([name, s]) => {
    const values = Array.isArray(s) ? s : s.values;
    const first = values.find((v) => v !== null);
    const kind: ColumnKind = Array.isArray(s)
      ? typeof first === "number"
        ? "numeric"
        : "categorical"
      : s.kind;
    const isNull = (v: Cell) => v === null || (typeof v === "number" && Number.isNaN(v));
    const missing = values.filter(isNull).length;
    if (kind === "numeric" || kind === "boolean" || kind === "datetime") {
      const out = Float64Array.from(values, (v) => (isNull(v) ? Number.NaN : Number(v)));
      const unique = new Set(Array.from(out).filter((v) => !Number.isNaN(v))).size;
      return { name, kind, role: "feature", data: { type: "float", values: out }, missing, unique };
    }
    const levels: string[] = [];
    const codes = Int32Array.from(values, (v) => {
      if (isNull(v)) return -1;
      const at = levels.indexOf(String(v));
      return at >= 0 ? at : levels.push(String(v)) - 1;
    });
    return {
      name,
      kind,
      role: "feature",
      data: { type: "dict", codes, levels },
      missing,
      unique: levels.length,
    };
  });
  const first = columns[0].data;
  return { rows: first.type === "float" ? first.values.length : first.codes.length, columns };
}

/** A step config with the step's defaults under the given params. */
export function configOf(
  step: StepDef,
  params: Record<string, unknown> = {},
  columns: string[] | "auto" = "auto",
): StepConfig {
  return {
    id: `${step.type}-1`,
    type: step.type,
    enabled: true,
    columns,
    params: { ...step.defaults, ...params },
  };
}

/** A fit context over a target column (taken from `target` as a column of its own), seeded. */
export function contextOf(target?: Column, task?: Task, seed = 7): FitContext {
  return { target, task, rng: makeRng(seed) };
}

/** Fits on `train` and transforms `train`; the state goes through JSON first, as a saved recipe's would. */
export function fitApply<S>(
  step: StepDef<S>,
  train: Frame,
  config: StepConfig,
  ctx: FitContext = contextOf(),
) {
  const state = JSON.parse(JSON.stringify(step.fit(train, config, ctx))) as S;
  return { state, out: step.transform(train, state, config) };
}

/** A column's values as numbers (NaN for missing), by name. */
export function valuesOf(frame: Frame, name: string): number[] {
  const col = frame.columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column ${name} in ${frame.columns.map((c) => c.name).join(", ")}`);
  return col.data.type === "float" ? Array.from(col.data.values) : Array.from(col.data.codes);
}

export const names = (frame: Frame) => frame.columns.map((c) => c.name);

/** Standard normal draws from a seeded generator. */
export function normals(seed: number): () => number {
  const rng = makeRng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Where the informative columns sit among the 20 of `informativeData`. */
export const INFORMATIVE = ["x3", "x7", "x11", "x15", "x18"];

/**
 * 20 standard normal columns x0..x19 of which 5 (INFORMATIVE) drive the target: a linear score
 * with weights 1, -1, 1, 1, -1, plus noise; classes are its sign (binary) or the score
 * itself is the value (regression). The target is returned as a column of its own.
 */
export function informativeData(task: "binary" | "regression", rows = 600, seed = 11) {
  const draw = normals(seed);
  const weights = [1, -1, 1, 1, -1];
  const cols: number[][] = Array.from({ length: 20 }, () => []);
  const y: (number | string)[] = [];
  for (let i = 0; i < rows; i++) {
    const row = cols.map(() => draw());
    for (const [j, v] of row.entries()) cols[j].push(v);
    const score =
      INFORMATIVE.reduce((s, name, k) => s + weights[k] * row[Number(name.slice(1))], 0) + 0.5 * draw();
    y.push(task === "binary" ? (score > 0 ? "yes" : "no") : score);
  }
  const frame = frameOf(Object.fromEntries(cols.map((c, j) => [`x${j}`, c])));
  const target = frameOf({ y: task === "binary" ? (y as string[]) : (y as number[]) }).columns[0];
  return { frame, target: { ...target, role: "target" as const } };
}
