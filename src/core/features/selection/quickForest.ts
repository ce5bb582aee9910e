import type { Matrix, Target } from "../../models/estimator.ts";
import { capability, fitNow, getSyncModel as getModel } from "../../models/syncModels.ts";

/**
 * A small forest from the registry's own forest models, for feature scoring: "random_forest"
 * draws bootstrap rows and takes the best split over sqrt(p) features (a third for values) per
 * node, "extra_trees" takes all rows and random thresholds. Importances are the mean decrease in
 * impurity, normalised to sum to 1 (as scikit-learn's `feature_importances_`).
 */
export interface ForestFit {
  importances: Float64Array;
  /** Values, or class probabilities (rows x classes). */
  predictRaw(X: Matrix): Float64Array;
}

/** Forest kind and size (defaults: 30 trees, depth 10, 3 rows a leaf, 64 bins). */
export interface QuickForestOptions {
  kind: "random_forest" | "extra_trees";
  trees?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  seed?: number;
}

/** Grows the forest and reads its impurity importances. */
export function fitQuickForest(X: Matrix, y: Target, opts: QuickForestOptions): ForestFit {
  const classes = y.classes !== undefined;
  const minSamplesLeaf = opts.minSamplesLeaf ?? 3;
  const model = getModel(opts.kind).create({
    n_estimators: opts.trees ?? 30,
    criterion: "gini",
    max_depth: opts.maxDepth ?? 10,
    min_samples_split: 2 * minSamplesLeaf,
    min_samples_leaf: minSamplesLeaf,
    max_features: classes ? "sqrt" : 1 / 3,
    max_leaf_nodes: null,
    bootstrap: opts.kind === "random_forest",
    oob_score: false,
    max_bins: 64,
  });
  fitNow(model, X, y, { seed: opts.seed });
  const importances = capability(model, "featureImportances")!.featureImportances().values;
  return {
    importances,
    predictRaw: (M) => (classes ? model.predictProba!(M) : model.predict(M)),
  };
}
