import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { boolParam, checkConfig, listParam } from "../shared/params.ts";

/** Unary transforms of a numeric column. */
export type MathOp = "log1p" | "sqrt" | "square" | "reciprocal";

/** Every math op, in menu order. */
export const MATH_OPS: readonly MathOp[] = ["log1p", "sqrt", "square", "reciprocal"];

export function readParams(config: StepConfig) {
  return {
    ops: listParam(config, "ops", MATH_OPS, ["log1p"]),
    keepSource: boolParam(config, "keep_source", true),
  };
}

/** New columns `log1p(x)`, `sqrt(x)`, `square(x)`, `reciprocal(x)` of numeric columns (see `applyMath`). */
export const mathInfo: StepInfo = {
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
  validate: (config) => checkConfig(mathInfo, config, readParams),
};
