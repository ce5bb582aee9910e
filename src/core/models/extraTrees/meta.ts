import type { ModelMeta } from "../modelMeta.ts";
import type { ForestParams } from "../trees/treeParamTypes.ts";

export type ExtraTreesParams = ForestParams;

export const EXTRA_TREES_META: ModelMeta<ExtraTreesParams> = {
  id: "extra_trees",
  label: "Extra trees",
  tasks: ["regression", "binary", "multiclass"],
  needsScaling: false,
  capabilities: { featureImportances: "impurity", treeEnsemble: true },
  defaults: {
    n_estimators: "auto",
    criterion: "gini",
    max_depth: null,
    min_samples_split: 2,
    min_samples_leaf: 1,
    max_features: "auto",
    max_leaf_nodes: null,
    bootstrap: false,
    oob_score: false,
    max_bins: 255,
  },
  paramSpace: {
    n_estimators: { type: "int", range: [50, 400] },
    max_depth: { type: "int", range: [3, 30] },
    min_samples_leaf: { type: "int", range: [1, 20] },
    max_features: { type: "choice", choices: ["sqrt", "log2", 0.33, 0.5, 1] },
  },
};
