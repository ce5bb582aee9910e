import type { ModelMeta } from "../modelMeta.ts";

export interface GbdtParams {
  /** Shrinkage applied to every tree's leaf values. */
  learning_rate: number;
  /** Boosting iterations (for multiclass, one tree per class each). */
  max_iter: number;
  /** Most leaves per tree, grown best-first; null: no cap (then set max_depth). */
  max_leaf_nodes: number | null;
  /** Deepest node level (root = 0); null: no limit. */
  max_depth: number | null;
  /** Fewest training rows in a leaf. */
  min_samples_leaf: number;
  /** L2 penalty on leaf values (lambda of sum(g) / (sum(h) + lambda)). */
  l2_regularization: number;
  /** Value bins per feature (2..255), plus one for missing values. */
  max_bins: number;
  /** Stop when the held-out loss stalls; "auto": on when there are more than 10,000 rows. */
  early_stopping: "auto" | boolean;
  /** Share of rows held out for early stopping (stratified for classes). */
  validation_fraction: number;
  /** Stop after this many iterations without an improvement larger than `tol`. */
  n_iter_no_change: number;
  tol: number;
}

export const GBDT_META: ModelMeta<GbdtParams> = {
  id: "gbdt",
  label: "Gradient boosted trees",
  tasks: ["regression", "binary", "multiclass"],
  needsScaling: false,
  capabilities: { featureImportances: "gain", staged: true, treeEnsemble: true },
  defaults: {
    learning_rate: 0.1,
    max_iter: 100,
    max_leaf_nodes: 31,
    max_depth: null,
    min_samples_leaf: 20,
    l2_regularization: 0,
    max_bins: 255,
    early_stopping: "auto",
    validation_fraction: 0.1,
    n_iter_no_change: 10,
    tol: 1e-7,
  },
  // Tuning budgets gbdt's rungs in boosting rounds (max_iter), not rows.
  tuneRounds: { param: "max_iter", min: 10, max: 300 },
  // Leaf sizes and leaf counts on log-like grids (small tables such as concrete's 1,030 rows want
  // leaves of a few rows, as XGBoost's min_child_weight 1; 20 is the default), rates from 0.02:
  // slower ones do not converge within the rungs' 300 rounds. The start is XGBoost-like: small
  // leaves with its L2 penalty of 1.
  tuneStarts: [{ min_samples_leaf: 5, l2_regularization: 1 }],
  paramSpace: {
    learning_rate: { type: "log", range: [0.02, 0.3] },
    max_iter: { type: "int", range: [50, 500] },
    max_leaf_nodes: { type: "choice", choices: [7, 15, 31, 63] },
    min_samples_leaf: { type: "choice", choices: [1, 3, 5, 10, 20, 40] },
    l2_regularization: { type: "log", range: [1e-3, 10] },
  },
};
