import { bool, list, obj, oneOf, str, strs } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import {
  findColumn,
  floatColumn,
  floatValues,
  isNumeric,
  namesOf,
  resolveColumns,
  uniqueName,
  withColumns,
} from "../shared/columns.ts";
import { MATH_OPS, type MathOp, mathInfo, readParams } from "./mathInfo.ts";

/**
 * Each op on its safe domain, NaN outside it (so a later imputer sees it as missing rather than a
 * model seeing an infinity): log1p needs x > -1, sqrt x >= 0, reciprocal x != 0; square is total.
 */
export function applyMath(op: MathOp, x: number): number {
  switch (op) {
    case "log1p":
      return x > -1 ? Math.log1p(x) : Number.NaN;
    case "sqrt":
      return x >= 0 ? Math.sqrt(x) : Number.NaN;
    case "square":
      return x * x;
    case "reciprocal":
      return x !== 0 ? 1 / x : Number.NaN;
  }
}

/** Fitted state: per source column, the ops applied and their output names. */
export interface MathState {
  columns: { source: string; ops: MathOp[]; outputs: string[] }[];
  keepSource: boolean;
}

/** New columns `log1p(x)`, `sqrt(x)`, `square(x)`, `reciprocal(x)` of numeric columns (see `applyMath`). */
export const mathStep: StepDef<MathState> = {
  ...mathInfo,
  state: obj({
    columns: list(obj({ source: str, ops: list(oneOf(MATH_OPS)), outputs: strs })),
    keepSource: bool,
  }),
  fit(frame, config) {
    const { ops, keepSource } = readParams(config);
    const taken = namesOf(frame);
    const columns = resolveColumns(frame, config, isNumeric, "numeric").map((c) => ({
      source: c.name,
      ops,
      outputs: ops.map((op) => uniqueName(taken, `${op}(${c.name})`)),
    }));
    return { columns, keepSource };
  },
  transform(frame, state, config) {
    const added = state.columns.map(({ source, ops, outputs }) => {
      const x = floatValues(findColumn(frame, source, config.type), config.type);
      const cols = ops.map((op, j) =>
        floatColumn(
          outputs[j],
          x.map((v) => applyMath(op, v)),
        ),
      );
      return [source, cols] as [string, typeof cols];
    });
    return withColumns(frame, added, state.keepSource ? [] : state.columns.map((c) => c.source));
  },
};
