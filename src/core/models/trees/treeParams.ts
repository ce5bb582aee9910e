import { ValidationError } from "../../errors.ts";
import type { MaxFeatures } from "./treeParamTypes.ts";

export type { MaxFeatures } from "./treeParamTypes.ts";

/**
 * Parameter normalisation shared by the tree families: each check throws a terse
 * ValidationError (`invalid max_depth: -3`) and returns the value in the form the grower uses.
 */

/** Features drawn per node, after scikit-learn's `max_features` rules (at least 1). */
export function resolveMaxFeatures(spec: MaxFeatures, cols: number): number {
  if (spec === null) return cols;
  if (spec === "sqrt") return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (spec === "log2") return Math.max(1, Math.floor(Math.log2(cols)));
  if (typeof spec !== "number" || !(spec > 0))
    throw new ValidationError(`invalid max_features: ${String(spec)}`);
  if (spec <= 1) return Math.max(1, Math.floor(spec * cols));
  if (!Number.isInteger(spec)) throw new ValidationError(`invalid max_features: ${spec}`);
  return Math.min(cols, spec);
}

/**
 * The work of 100 trees that "auto" trees spend at most, in rows times features tried per node (a
 * tree's work per level of depth): a forest whose trees are cheaper grows more of them, up to
 * AUTO_TREES_MAX, so that its average varies less from seed to seed (a forest's error only falls
 * with more trees; scikit-learn's 100 leave a 178-row table's accuracy ~0.5 rows apart by seed).
 */
export const AUTO_TREES_WORK = 1_000_000;
export const AUTO_TREES_MIN = 100;
export const AUTO_TREES_MAX = 300;

/**
 * The trees of a forest: `n_estimators` when a number, for "auto" AUTO_TREES_WORK / (rows x
 * features tried per node), between AUTO_TREES_MIN and AUTO_TREES_MAX.
 */
export function resolveTrees(spec: unknown, rows: number, maxFeatures: number): number {
  if (spec !== "auto") return intParam("n_estimators", spec, 1);
  const trees = Math.round(AUTO_TREES_WORK / Math.max(1, rows * maxFeatures));
  return Math.min(AUTO_TREES_MAX, Math.max(AUTO_TREES_MIN, trees));
}

/** An integer >= min. */
export function intParam(name: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new ValidationError(`invalid ${name}: ${String(value)}`);
  }
  return value;
}

/** A limit that may be off: null is no limit (Infinity), else an integer >= min. */
export function limitParam(name: string, value: unknown, min: number): number {
  return value === null || value === undefined ? Number.POSITIVE_INFINITY : intParam(name, value, min);
}

/** A finite number in [min, max] (max inclusive unless `openMax`). */
export function numberParam(
  name: string,
  value: unknown,
  min: number,
  max = Number.POSITIVE_INFINITY,
  openMax = false,
) {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (openMax && value === max)
  ) {
    throw new ValidationError(`invalid ${name}: ${String(value)}`);
  }
  return value;
}

/** One of the allowed strings. */
export function choiceParam<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T)) throw new ValidationError(`invalid ${name}: ${String(value)}`);
  return value as T;
}

/** Divides by the total so that importances sum to 1 (all zeros stay zeros). */
export function normalise(values: Float64Array): Float64Array {
  let total = 0;
  for (const v of values) total += v;
  const out = new Float64Array(values.length);
  if (total > 0) for (let i = 0; i < values.length; i++) out[i] = values[i] / total;
  return out;
}
