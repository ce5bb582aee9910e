/**
 * log1p and square root for skewed, non-negative-ish columns. When the training minimum is below
 * zero a shift is fitted (shift = -min) so the smallest training value maps to 0; new values still
 * below -shift are clamped there rather than becoming NaN.
 */
import type { Column } from "../../data/frame.ts";
import { floatColumn, getColumn, replaceColumns } from "../columns.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, num, obj, str } from "../stateShape.ts";
import { minMax } from "../stats.ts";
import type { StepDef, StepInfo } from "../step.ts";
import { logInfo, sqrtInfo } from "./shiftedTransformsInfo.ts";

/** Per column: the shift added before the transform (0 unless the training minimum is negative). */
export interface ShiftState {
  columns: { name: string; shift: number }[];
}

function makeShiftStep(info: StepInfo, f: (x: number) => number): StepDef<ShiftState> {
  const type = info.type;
  const def: StepDef<ShiftState> = {
    ...info,
    state: obj({ columns: list(obj({ name: str, shift: num })) }),
    fit(frame, config) {
      return {
        columns: selectColumns(frame, config, ["numeric"]).map((col) => {
          const { min } = minMax((col.data as { values: Float64Array }).values);
          return { name: col.name, shift: min < 0 ? -min : 0 };
        }),
      };
    },
    transform(frame, state) {
      const replace = new Map<string, Column[]>();
      for (const { name, shift } of state.columns) {
        const col = getColumn(frame, name, type);
        const src = (col.data as { values: Float64Array }).values;
        const values = new Float64Array(src.length);
        for (let i = 0; i < src.length; i++) {
          const x = src[i] + shift;
          values[i] = x < 0 ? 0 : f(x);
        }
        replace.set(name, [
          floatColumn(name, values, { role: col.role, missing: col.missing, unique: col.unique }),
        ]);
      }
      return replaceColumns(frame, replace);
    },
  };
  return def;
}

/** log1p(x + shift). */
export const logStep = makeShiftStep(logInfo, Math.log1p);

/** sqrt(x + shift). */
export const sqrtStep = makeShiftStep(sqrtInfo, Math.sqrt);
