import type { LeaderboardEntry } from "../../../../../src/core/automl/ladder/leaderboard.ts";
import { runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { fixtureFrame } from "./helpers.ts";

/**
 * Ladders whose leaderboards are pinned in tests/fixtures/leaderboards: a refactor must leave every
 * score identical for the same seed. Regenerate only for a stated algorithm change:
 * `npx tsx tests/unit/core/automl/ladder/pinLeaderboards.ts`. Iris runs the default ladder; the other
 * model lists are written out, not derived from LADDER_ORDER, so that a new rung leaves them pinned.
 */
export const PINNED = [
  { name: "iris", file: "iris.csv", target: "target", folds: 3, seed: 0, models: undefined },
  {
    name: "penguins",
    file: "penguins.csv",
    target: "species",
    folds: 4,
    seed: 11,
    models: [
      "baseline",
      "logistic",
      "naive_bayes",
      "knn",
      "decision_tree",
      "random_forest",
      "extra_trees",
      "gbdt",
    ],
  },
  {
    name: "diabetes",
    file: "diabetes.csv",
    target: "target",
    folds: 3,
    seed: 5,
    models: ["baseline", "linear", "knn", "decision_tree", "random_forest", "extra_trees", "gbdt"],
  },
] as const;

/**
 * What is pinned of an entry: everything but its timing and the backend name. The fixtures were
 * written when the ensemble's blend sat in `params` ({weights, candidates}); its typed `ensemble`
 * field is shown in that shape, so the same numbers compare equal.
 */
export function pinnedView(e: LeaderboardEntry) {
  const { fit_seconds: _t, backend: _b, ensemble, ...entry } = e;
  const rest = ensemble
    ? {
        ...entry,
        params: {
          ...entry.params,
          weights: Object.fromEntries(ensemble.members.map((m, i) => [m, ensemble.weights[i]])),
          candidates: ensemble.candidates,
        },
      }
    : entry;
  return JSON.parse(
    JSON.stringify(rest, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)),
  );
}

export async function runPinned(c: (typeof PINNED)[number]) {
  const frame = await fixtureFrame(c.file);
  const result = await runLadder(frame, {
    target: c.target,
    folds: c.folds,
    seed: c.seed,
    models: c.models as string[] | undefined,
  });
  return result.entries.map(pinnedView);
}
