import type { StepConfig, StepDef } from "../../prep/step.ts";
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
import { boolParam, checkConfig, listParam } from "../shared/params.ts";

/** Unary transforms of a numeric column. */
export type MathOp = "log1p" | "sqrt" | "square" | "reciprocal";
/** Every math op, in menu order. */
export const MATH_OPS: readonly MathOp[] = ["log1p", "sqrt", "square", "reciprocal"];

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

function readParams(config: StepConfig) {
  return {
    ops: listParam(config, "ops", MATH_OPS, ["log1p"]),
    keepSource: boolParam(config, "keep_source", true),
  };
}

/** New columns `log1p(x)`, `sqrt(x)`, `square(x)`, `reciprocal(x)` of numeric columns (see `applyMath`). */
export const mathStep: StepDef<MathState> = {
  type: "math",
  label: "Math transforms",
  category: "features",
  defaults: { ops: ["log1p"], keep_source: true },
  params: {
    ops: { type: "strings", doc: "Any of log1p, sqrt, square, reciprocal." },
    keep_source: { type: "boolean", doc: "Keep the source columns." },
  },
  accepts: ["numeric"],
  describe(config) {
    const { ops, keepSource } = readParams(config);
    return `Adds ${ops.join(", ")} of numeric columns${keepSource ? "" : " in place of them"}.`;
  },
  validate: (config) => checkConfig(mathStep, config, readParams),
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
