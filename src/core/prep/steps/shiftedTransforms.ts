/**
 * log1p and square root for skewed, non-negative-ish columns. When the training minimum is below
 * zero a shift is fitted (shift = -min) so the smallest training value maps to 0; new values still
 * below -shift are clamped there rather than becoming NaN.
 */
import type { Column } from "../../data/frame.ts";
import { floatColumn, getColumn, replaceColumns } from "../columns.ts";
import { checkParams } from "../params.ts";
import { columnsPhrase, selectColumns } from "../selectColumns.ts";
import { minMax } from "../stats.ts";
import type { StepDef } from "../step.ts";

/** Per column: the shift added before the transform (0 unless the training minimum is negative). */
export interface ShiftState {
  columns: { name: string; shift: number }[];
}

function makeShiftStep(
  type: string,
  label: string,
  f: (x: number) => number,
  verb: string,
): StepDef<ShiftState> {
  const def: StepDef<ShiftState> = {
    type,
    label,
    category: "scaling",
    defaults: {},
    params: {},
    accepts: ["numeric"],
    describe: (config) =>
      `${verb} ${columnsPhrase(config, "every numeric column")}, shifted first when the training values go below zero.`,
    validate: (config) => checkParams(def, config),
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
export const logStep = makeShiftStep("log", "Log transform", Math.log1p, "Takes log(1 + x) of");

/** sqrt(x + shift). */
export const sqrtStep = makeShiftStep("sqrt", "Square root", Math.sqrt, "Takes the square root of");
