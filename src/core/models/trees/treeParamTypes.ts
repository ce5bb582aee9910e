/**
 * Parameter types of the tree families, apart from any code, so that the families' meta.ts files
 * (the catalogue part) import types only.
 */

/** "sqrt" / "log2" of the feature count, a fraction (<= 1) or a count (> 1) of features, or null for all. */
export type MaxFeatures = "sqrt" | "log2" | number | null;

/** Parameters of RandomForest and ExtraTrees (names and meanings as scikit-learn's). */
export interface ForestParams {
  /** Trees; "auto": 100, or up to 300 where a tree's work is small (`resolveTrees`). */
  n_estimators: number | "auto";
  criterion: "gini" | "entropy";
  max_depth: number | null;
  min_samples_split: number;
  min_samples_leaf: number;
  /** null or "auto": sqrt of the features for classification, all for regression (scikit-learn's defaults). */
  max_features: MaxFeatures | "auto";
  max_leaf_nodes: number | null;
  bootstrap: boolean;
  /** Score each row with the trees that did not see it (bootstrap only). */
  oob_score: boolean;
  max_bins: number;
}
