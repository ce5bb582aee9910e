import type { ModelMeta } from "../modelMeta.ts";
import type { MaxFeatures } from "../trees/treeParamTypes.ts";

export interface DecisionTreeParams {
  /** Classification split quality; regression trees always use squared error. */
  criterion: "gini" | "entropy";
  /** Deepest node level (root = 0); null grows until the leaves are pure or too small. */
  max_depth: number | null;
  /** Fewest rows a node needs to be split. */
  min_samples_split: number;
  /** Fewest rows in each child of a split. */
  min_samples_leaf: number;
  /** Features looked at per split ("sqrt", "log2", a fraction <= 1, a count > 1); null: all. */
  max_features: MaxFeatures;
  /** Most leaves, grown best-first; null: no cap (depth-first). */
  max_leaf_nodes: number | null;
  /** Value bins per feature (2..255); splits are exact when a feature has no more distinct values. */
  max_bins: number;
}

export const DECISION_TREE_META: ModelMeta<DecisionTreeParams> = {
  id: "decision_tree",
  label: "Decision tree",
  tasks: ["regression", "binary", "multiclass"],
  needsScaling: false,
  capabilities: { featureImportances: "impurity", treeStructure: true, treeEnsemble: true },
  defaults: {
    criterion: "gini",
    max_depth: null,
    min_samples_split: 2,
    min_samples_leaf: 1,
    max_features: null,
    max_leaf_nodes: null,
    max_bins: 255,
  },
  paramSpace: {
    criterion: { type: "choice", choices: ["gini", "entropy"] },
    max_depth: { type: "int", range: [2, 20] },
    min_samples_leaf: { type: "int", range: [1, 50] },
    min_samples_split: { type: "int", range: [2, 40] },
  },
};
