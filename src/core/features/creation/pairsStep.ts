import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import type { StepConfig, StepDef } from "../../prep/step.ts";
import {
  findColumn,
  floatColumn,
  floatValues,
  isNumeric,
  namesOf,
  resolveColumns,
  uniqueName,
} from "../shared/columns.ts";
import { checkConfig, listParam, namesParam } from "../shared/params.ts";
import { applyPair, PAIR_OPS, type PairOp, pairName } from "./pairOps.ts";

/** One made column: `a op b` under `name`. */
export interface PairFeature {
  a: string;
  b: string;
  op: PairOp;
  name: string;
}

/** Fitted state: the pair features made, with their names. */
export interface PairsState {
  features: PairFeature[];
}

/** Most columns whose every pair is taken when no explicit pairs are given (10 columns: 45 pairs). */
export const MAX_PAIR_COLUMNS = 10;

/** Explicit pairs as two lists of the same length: `left[i]` with `right[i]` (a form holds them so). */
function readPairs(config: StepConfig): [string, string][] {
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

function readParams(config: StepConfig) {
  return { ops: listParam(config, "ops", PAIR_OPS, PAIR_OPS), pairs: readPairs(config) };
}

/**
 * Ratio, difference and product (`a/b`, `a-b`, `a*b`) of chosen pairs of numeric columns: the
 * `left` / `right` params, or, when they are empty, every pair of the chosen columns (at most
 * `MAX_PAIR_COLUMNS` of them). Division by zero gives NaN. Nothing is learned but the names.
 */
export const pairsStep: StepDef<PairsState> = {
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
  validate: (config) => checkConfig(pairsStep, config, readParams),
  fit(frame, config) {
    const { ops, pairs: given } = readParams(config);
    let pairs = given;
    if (pairs.length === 0) {
      const cols = resolveColumns(frame, config, isNumeric, "numeric").map((c) => c.name);
      if (cols.length > MAX_PAIR_COLUMNS) {
        throw new ValidationError(
          `${config.type}: ${cols.length} columns give too many pairs; pick at most ${MAX_PAIR_COLUMNS}`,
        );
      }
      pairs = cols.flatMap((a, i) => cols.slice(i + 1).map((b) => [a, b] as [string, string]));
    }
    for (const [a, b] of pairs) {
      for (const name of [a, b]) {
        if (!isNumeric(findColumn(frame, name, config.type))) {
          throw new ValidationError(`${config.type}: column "${name}" is not numeric`);
        }
      }
    }
    const taken = namesOf(frame);
    const features = pairs.flatMap(([a, b]) =>
      ops.map((op) => ({ a, b, op, name: uniqueName(taken, pairName(op, a, b)) })),
    );
    return { features };
  },
  transform(frame, state, config) {
    return appendPairs(frame, state.features, config.type);
  },
};

/** The frame with each pair feature appended (shared with `auto_pairs`). */
export function appendPairs(frame: Frame, features: PairFeature[], step: string): Frame {
  const cols = features.map((f) => {
    const a = floatValues(findColumn(frame, f.a, step), step);
    const b = floatValues(findColumn(frame, f.b, step), step);
    return floatColumn(f.name, applyPair(f.op, a, b));
  });
  return { rows: frame.rows, columns: [...frame.columns, ...cols] };
}
