import type { Column, ColumnKind, Frame } from "../../../../src/core/data/frame.ts";
import type { Task } from "../../../../src/core/models/estimator.ts";
import type { FitContext, StepConfig, StepDef } from "../../../../src/core/prep/step.ts";
import { makeRng } from "../../../../src/core/random.ts";

/** Cell values as a test writes them; null / undefined / NaN are missing. */
type Cell = number | string | boolean | null | undefined;

export interface ColumnSpec {
  kind?: ColumnKind;
  role?: Column["role"];
  values: Cell[];
}

const isMissing = (v: Cell) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** One column from values: numbers numeric, booleans boolean, strings categorical, unless `kind` says. */
export function columnOf(name: string, spec: Cell[] | ColumnSpec): Column {
  const {
    values,
    kind: given,
    role,
  } = Array.isArray(spec) ? { values: spec, kind: undefined, role: undefined } : spec;
  const first = values.find((v) => !isMissing(v));
  const kind: ColumnKind =
    given ?? (typeof first === "number" ? "numeric" : typeof first === "boolean" ? "boolean" : "categorical");
  let missing = 0;
  if (kind === "numeric" || kind === "boolean" || kind === "datetime") {
    const out = Float64Array.from(values, (v) => {
      if (isMissing(v)) {
        missing++;
        return Number.NaN;
      }
      return typeof v === "string" ? Date.parse(v) : Number(v);
    });
    const unique = new Set(Array.from(out).filter((x) => !Number.isNaN(x))).size;
    return { name, kind, role: role ?? "feature", data: { type: "float", values: out }, missing, unique };
  }
  const levels: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (isMissing(v)) {
      missing++;
      return -1;
    }
    const key = String(v);
    let c = index.get(key);
    if (c === undefined) {
      c = levels.length;
      levels.push(key);
      index.set(key, c);
    }
    return c;
  });
  return {
    name,
    kind,
    role: role ?? "feature",
    data: { type: "dict", codes, levels },
    missing,
    unique: levels.length,
  };
}

/** A Frame straight from column arrays, for tests. */
export function frameOf(spec: Record<string, Cell[] | ColumnSpec>): Frame {
  const columns = Object.entries(spec).map(([name, s]) => columnOf(name, s));
  const c = columns[0];
  const rows = c ? (c.data.type === "float" ? c.data.values.length : c.data.codes.length) : 0;
  return { rows, columns };
}

/** A step config with defaults for the rest. */
export function configOf(
  type: string,
  columns: string[] | "auto" = "auto",
  params: Record<string, unknown> = {},
  id = `${type}_1`,
): StepConfig {
  return { id, type, enabled: true, columns, params };
}

export function ctxOf(target?: Column, task?: Task, seed = 1): FitContext {
  return { target, task, rng: makeRng(seed) };
}

/** Validates, fits on `train` (fitTransform when the step has it) and applies the state to `apply`. */
export function fitApply<S>(
  def: StepDef<S>,
  train: Frame,
  config: StepConfig,
  ctx: FitContext = ctxOf(),
  apply = train,
) {
  def.validate?.(config);
  const fitted = def.fitTransform ? def.fitTransform(train, config, ctx) : null;
  const state = fitted ? fitted.state : def.fit(train, config, ctx);
  return {
    state,
    trained: fitted ? fitted.frame : def.transform(train, state, config),
    out: def.transform(apply, state, config),
    target: fitted?.target,
  };
}

/** The float values of a column, as a plain array. */
export function floats(frame: Frame, name: string): number[] {
  const col = frame.columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column ${name}`);
  if (col.data.type !== "float") throw new Error(`column ${name} is not float`);
  return Array.from(col.data.values);
}

/** The text of each cell of a dict column (null = missing). */
export function texts(frame: Frame, name: string): (string | null)[] {
  const data = frame.columns.find((c) => c.name === name)?.data;
  if (data?.type !== "dict") throw new Error(`no dict column ${name}`);
  const { codes, levels } = data;
  return Array.from(codes, (c) => (c < 0 ? null : levels[c]));
}

export const names = (frame: Frame) => frame.columns.map((c) => c.name);
