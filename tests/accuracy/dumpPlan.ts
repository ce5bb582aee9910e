/**
 * Reading a `tests/accuracy/run.ts --dump` file back into typed arrays, for the offline studies
 * (blendStudy.ts, marginStudy.ts, skipStudy.ts). Not part of any test.
 */
import type { EnsembleMember } from "../../src/core/automl/ensemble/ensembleEntry.ts";
import type { LadderPlan } from "../../src/core/automl/ladder/ladderPlan.ts";
import type { LeaderboardEntry } from "../../src/core/automl/ladder/leaderboard.ts";

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

/** A dumped model's entry and out-of-fold predictions as an ensemble member (no test part). */
export function memberOfDump(
  entry: LeaderboardEntry,
  // biome-ignore lint/suspicious/noExplicitAny: a dump's JSON, typed by the lines below
  pred: any,
): EnsembleMember {
  entry.cv_mean ??= Number.NaN;
  const o = pred.oof;
  return {
    entry,
    predictions: {
      ...pred,
      oof: {
        rows: ints(o.rows),
        yTrue: floats(o.yTrue)!,
        predicted: floats(o.predicted)!,
        proba: floats(o.proba),
      },
      test: null,
    },
  };
}
