/**
 * Reading a `tests/accuracy/run.ts --dump` file back into typed arrays, for the offline studies
 * (blendStudy.ts, marginStudy.ts, skipStudy.ts). Not part of any test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EnsembleMember } from "../../src/core/automl/ensemble/ensembleEntry.ts";
import type { LadderPlan } from "../../src/core/automl/ladder/ladderPlan.ts";
import type { LeaderboardEntry } from "../../src/core/automl/ladder/leaderboard.ts";

/** A `--dump` file: the plan, the leaderboard's entries and each model's predictions by name. */
export interface Dump {
  plan: DumpedPlan;
  entries: LeaderboardEntry[];
  // biome-ignore lint/suspicious/noExplicitAny: a dump's JSON, read by memberOfDump
  predictions: Record<string, any>;
}

/**
 * The dump files of a folder (`NAME.json`), parsed, in the folder's order; only the datasets named
 * in `wanted` when it is not empty. Each as its dataset name and the file's JSON.
 */
export function readDumps(dir: string, wanted: string[]): { name: string; dump: Dump }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .map((name) => ({ name, dump: JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) }));
}

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
