import type { ModelId } from "../../models/registry.ts";

/** The ladder's rungs, simplest first: each one is worth its extra cost only if it beats those below. */
export const LADDER_ORDER: readonly ModelId[] = [
  "baseline",
  "linear",
  "logistic",
  "naive_bayes",
  "knn",
  "decision_tree",
  "random_forest",
  "extra_trees",
  "gbdt",
  "mlp",
];
