/**
 * Stored runs of schema version 2 in today's shape: settings with the split complete (test share,
 * folds and seed inside it, as the run service reads them) and the ensemble's blend in its typed
 * `ensemble` field instead of `params.weights`. Pure, so the migration is tested without a browser.
 */
import type { ModelId } from "../core/models/registry.ts";
import type { RunRecord } from "./types.ts";

type Loose = Record<string, unknown>;

/**
 * Version 2 settings kept `folds`, `testSize` and `seed` beside the split, and the ladder read them
 * as: the test share always the run's, the folds the split's own only for group and time-series
 * folds, the seed the run's. Moving them into the split keeps those numbers. (A scikit-learn KFold
 * split used its own seed as random_state; one seed now drives the run, the run's.)
 */
export function upgradeSettings(s: Loose): Loose {
  const split = s.split as Loose | undefined;
  if (
    split &&
    typeof split.testFraction === "number" &&
    typeof split.folds === "number" &&
    !("testSize" in s)
  )
    return s;
  const { folds, testSize, seed, ...rest } = s;
  const base: Loose = split ?? { type: "holdout", stratify: null };
  const ownFolds =
    base.type === "group" || base.type === "time_series" ? (base.folds as number | undefined) : undefined;
  return {
    ...rest,
    split: { ...base, testFraction: testSize ?? 0.2, folds: ownFolds ?? folds ?? 5, seed: seed ?? 0 },
    ensemble: s.ensemble !== false,
  };
}

/** An entry with `params.weights` (the ensemble's, version 2) gets its typed `ensemble` field. */
export function upgradeEntry(e: Loose): Loose {
  const params = (e.params ?? {}) as Loose;
  const weights = params.weights as Record<string, number> | undefined;
  if (e.ensemble || !weights || typeof weights !== "object") return e;
  const members = Object.keys(weights).filter((m) => weights[m] > 0) as ModelId[];
  const { weights: _, candidates, ...restParams } = params;
  return {
    ...e,
    params: restParams,
    ensemble: {
      members,
      weights: members.map((m) => weights[m]),
      candidates: typeof candidates === "number" ? candidates : members.length,
    },
  };
}

/** A stored run record of schema version 2 in today's shape (records already in it are kept). */
export function upgradeRunRecord(run: Loose): RunRecord {
  return {
    ...run,
    settings: upgradeSettings((run.settings ?? {}) as Loose),
    entries: ((run.entries ?? []) as Loose[]).map(upgradeEntry),
  } as unknown as RunRecord;
}
