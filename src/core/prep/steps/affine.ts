import type { Column, ColumnKind, Frame } from "../../data/frame.ts";
import { floatColumn, getColumn, replaceColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, num, obj, str } from "../stateShape.ts";
import type { StepDef, StepInfo } from "../step.ts";
import { SCALE_KINDS } from "../stepKinds.ts";

/** Per column: output = a * x + b, learned on the training rows. */
export interface AffineState {
  columns: { name: string; a: number; b: number }[];
}

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
 * A scaler from its catalogue part and a per-column fit of (a, b). The columns are the chosen
 * numeric and datetime features ("auto": all of them; 0/1 indicator columns are left alone).
 */
export function makeAffineStep<P>(
  info: StepInfo,
  fitColumn: (values: Float64Array, p: P) => { a: number; b: number },
): StepDef<AffineState> {
  return {
    ...info,
    state: obj({ columns: list(obj({ name: str, a: num, b: num })) }),
    fit(frame, config) {
      const p = readParams<P>(info, config);
      return {
        columns: selectColumns(frame, config, SCALE_KINDS).map((col) => ({
          name: col.name,
          ...fitColumn((col.data as { values: Float64Array }).values, p),
        })),
      };
    },
    transform: (frame, state) => applyAffine(frame, state, info.type),
  };
}
