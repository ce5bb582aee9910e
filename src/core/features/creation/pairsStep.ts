import type { Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { list, obj, oneOf, str } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import {
  findColumn,
  floatColumn,
  floatValues,
  isNumeric,
  namesOf,
  resolveColumns,
  uniqueName,
} from "../shared/columns.ts";
import { applyPair, PAIR_OPS, type PairOp, pairName } from "./pairOps.ts";
import { pairsInfo, readParams } from "./pairsInfo.ts";

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

/** The frame with each pair feature appended (shared with `auto_pairs`). */
export function appendPairs(frame: Frame, features: PairFeature[], step: string): Frame {
  const cols = features.map((f) => {
    const a = floatValues(findColumn(frame, f.a, step), step);
    const b = floatValues(findColumn(frame, f.b, step), step);
    return floatColumn(f.name, applyPair(f.op, a, b));
  });
  return { rows: frame.rows, columns: [...frame.columns, ...cols] };
}

/**
 * Ratio, difference and product (`a/b`, `a-b`, `a*b`) of chosen pairs of numeric columns: the
 * `left` / `right` params, or, when they are empty, every pair of the chosen columns (at most
 * `MAX_PAIR_COLUMNS` of them). Division by zero gives NaN. Nothing is learned but the names.
 */
export const pairsStep: StepDef<PairsState> = {
  ...pairsInfo,
  state: obj({ features: list(obj({ a: str, b: str, op: oneOf(PAIR_OPS), name: str })) }),
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
