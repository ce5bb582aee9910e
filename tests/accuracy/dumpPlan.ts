/**
 * Reading a `tests/accuracy/run.ts --dump` file back into typed arrays, for the offline studies
 * (blendStudy.ts, marginStudy.ts). Not part of any test.
 */
import type { LadderPlan } from "../../src/core/automl/ladder/ladderPlan.ts";

/** A dumped list of row indices as the Int32Array the ladder uses. */
export const ints = (a: number[]) => Int32Array.from(a);

/** A dumped list of numbers (null for NaN, as JSON writes it) as a Float64Array; null stays null. */
export const floats = (a: (number | null)[] | null) =>
  a ? Float64Array.from(a, (x) => x ?? Number.NaN) : null;

/** A dump's `plan` (JSON) with its row lists (train, test, each fold's) as Int32Arrays. */
export interface DumpedPlan {
  train: number[];
  test: number[];
  folds: { train: number[]; test: number[] }[];
}

export function planOfDump(p: DumpedPlan): LadderPlan {
  return {
    ...p,
    train: ints(p.train),
    test: ints(p.test),
    folds: p.folds.map((f) => ({ ...f, train: ints(f.train), test: ints(f.test) })),
  } as unknown as LadderPlan;
}
