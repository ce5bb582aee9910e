import type { ModelMeta } from "../modelMeta.ts";
import type { ForestParams } from "../trees/treeParamTypes.ts";

export type RandomForestParams = ForestParams;

export const RANDOM_FOREST_META: ModelMeta<RandomForestParams> = {
  id: "random_forest",
  label: "Random forest",
  tasks: ["regression", "binary", "multiclass"],
  needsScaling: false,
  capabilities: { featureImportances: "impurity", treeEnsemble: true },
  defaults: {
    n_estimators: 100,
    criterion: "gini",
    max_depth: null,
    min_samples_split: 2,
    min_samples_leaf: 1,
    max_features: "auto",
    max_leaf_nodes: null,
    bootstrap: true,
    oob_score: true,
    max_bins: 255,
  },
  // More trees only cost time (they steady the vote: on wine's 178 rows 100 trees err on 2 to 4
  // rows by seed, 300 on 2), so the search starts there and draws at least 200. Leaf size, not
  // max_depth, regularises (shallow draws of 3-7 lost wherever they were drawn), on a log-like grid.
  tuneStarts: [{ n_estimators: 300 }],
  paramSpace: {
    n_estimators: { type: "int", range: [200, 400] },
    min_samples_leaf: { type: "choice", choices: [1, 2, 3, 5, 10] },
    max_features: { type: "choice", choices: ["sqrt", "log2", 0.33, 0.5, 0.75, 1] },
  },
};
