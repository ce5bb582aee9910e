import type { Column, ColumnKind, Frame } from "../../data/frame.ts";
import { floatColumn, getColumn, replaceColumns } from "../columns.ts";
import { columnsPhrase, SCALE_KINDS, selectColumns } from "../selectColumns.ts";
import type { ParamSpec, StepConfig, StepDef } from "../step.ts";

/** Per column: output = a * x + b, learned on the training rows. */
export interface AffineState {
  columns: { name: string; a: number; b: number }[];
}

/** `for_models: "scaling"` marks a step only models that need scaled inputs (linear, kNN, MLP) use. */
export const FOR_MODELS: ParamSpec = {
  type: "enum",
  values: ["all", "scaling"],
  doc: '"scaling": only for models that need scaled inputs (linear, kNN, MLP); trees skip it',
};

/** A zero, missing or infinite spread would blow values up: scale by 1 instead, as scikit-learn does. */
export const safeScale = (s: number) => (Number.isFinite(s) && s !== 0 ? s : 1);

/** Applies the per-column `a * x + b`; missing stays missing. */
export function applyAffine(frame: Frame, state: AffineState, step: string): Frame {
  const replace = new Map<string, Column[]>();
  for (const { name, a, b } of state.columns) {
    const col = getColumn(frame, name, step);
    const src = (col.data as { values: Float64Array }).values;
    const values = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) values[i] = a * src[i] + b;
    // Datetimes stop being dates once scaled; a non-zero affine map keeps distinct values distinct.
    const kind: ColumnKind = "numeric";
    replace.set(name, [
      floatColumn(name, values, {
        kind,
        role: col.role,
        missing: col.missing,
        unique: a !== 0 ? col.unique : 1,
      }),
    ]);
  }
  return replaceColumns(frame, replace);
}

/**
 * A scaler StepDef from a per-column fit of (a, b). The columns are the chosen numeric and
 * datetime features ("auto": all of them; 0/1 indicator columns are left alone).
 */
export function makeAffineStep<P>(spec: {
  type: string;
  label: string;
  defaults: Record<string, unknown>;
  params: Record<string, ParamSpec>;
  sentence: (columns: string, p: P) => string;
  fitColumn: (values: Float64Array, p: P) => { a: number; b: number };
  validate?: (p: P) => string | null;
}): StepDef<AffineState> {
  const read = (config: StepConfig) => ({ ...spec.defaults, ...config.params }) as P;
  const def: StepDef<AffineState> = {
    type: spec.type,
    label: spec.label,
    category: "scaling",
    defaults: spec.defaults,
    params: spec.params,
    accepts: SCALE_KINDS,
    describe: (config) => spec.sentence(columnsPhrase(config, "every numeric column"), read(config)),
    fit(frame, config) {
      const p = read(config);
      return {
        columns: selectColumns(frame, config, SCALE_KINDS).map((col) => ({
          name: col.name,
          ...spec.fitColumn((col.data as { values: Float64Array }).values, p),
        })),
      };
    },
    transform: (frame, state) => applyAffine(frame, state, spec.type),
  };
  return def;
}
