import { ValidationError } from "../../errors.ts";
import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { checkConfig, listParam, namesParam } from "../shared/params.ts";
import { PAIR_OPS } from "./pairOps.ts";

/** Explicit pairs as two lists of the same length: `left[i]` with `right[i]` (a form holds them so). */
export function readPairs(config: StepConfig): [string, string][] {
  const left = namesParam(config, "left", []);
  const right = namesParam(config, "right", []);
  if (left.length !== right.length) {
    throw new ValidationError(
      `${config.type}: params.right: ${right.length} columns for ${left.length} in params.left`,
    );
  }
  const pairs = left.map((a, i) => [a, right[i]] as [string, string]);
  const same = pairs.find(([a, b]) => a === b);
  if (same) throw new ValidationError(`${config.type}: params.right: "${same[0]}" is paired with itself`);
  return pairs;
}

export function readParams(config: StepConfig) {
  return { ops: listParam(config, "ops", PAIR_OPS, PAIR_OPS), pairs: readPairs(config) };
}

/**
 * Ratio, difference and product (`a/b`, `a-b`, `a*b`) of chosen pairs of numeric columns: the
 * `left` / `right` params, or, when they are empty, every pair of the chosen columns (at most
 * `MAX_PAIR_COLUMNS` of them). Division by zero gives NaN. Nothing is learned but the names.
 */
export const pairsInfo: StepInfo = {
  type: "pairs",
  label: "Pair features",
  category: "features",
  defaults: { ops: [...PAIR_OPS], left: [], right: [] },
  params: {
    ops: { type: "strings", doc: "Any of ratio (a/b), difference (a-b), product (a*b)." },
    left: {
      type: "strings",
      doc: "First column of each explicit pair; empty: every pair of the chosen columns.",
    },
    right: { type: "strings", doc: "Second column of each explicit pair." },
  },
  accepts: ["numeric"],
  describe(config) {
    const { ops, pairs } = readParams(config);
    const which = pairs.length > 0 ? `${pairs.length} column pairs` : "every pair of the chosen columns";
    return `Adds the ${ops.join(", ")} of ${which}.`;
  },
  validate: (config) => checkConfig(pairsInfo, config, readParams),
};
