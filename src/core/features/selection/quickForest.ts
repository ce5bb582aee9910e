import type { Matrix, Target } from "../../models/estimator.ts";
import {
  averageLeaves,
  cartRules,
  cartStats,
  positiveRows,
  prepareCart,
} from "../../models/trees/cartData.ts";
import { TreeGrower } from "../../models/trees/grower.ts";
import type { Tree } from "../../models/trees/tree.ts";
import { normalise, resolveMaxFeatures } from "../../models/trees/treeParams.ts";
import { makeRng } from "../../random.ts";

/**
 * A small forest grown synchronously from the tree models' own parts (binning, grower), for
 * feature scoring: "random_forest" draws bootstrap rows and takes the best split over sqrt(p)
 * features (a third for values) per node, "extra_trees" takes all rows and random thresholds.
 * Importances are the mean decrease in impurity, normalised to sum to 1 (as scikit-learn's
 * `feature_importances_`).
 */
export interface ForestFit {
  importances: Float64Array;
  /** Values, or class probabilities (rows x classes). */
  predictRaw(X: Matrix): Float64Array;
}

/** Forest kind and size (defaults: 30 trees, depth 10, 3 rows a leaf). */
export interface QuickForestOptions {
  kind: "random_forest" | "extra_trees";
  trees?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  seed?: number;
}

/** Grows the forest and sums its trees' impurity importances. */
export function fitQuickForest(X: Matrix, y: Target, opts: QuickForestOptions): ForestFit {
  const nTrees = opts.trees ?? 30;
  const random = opts.kind === "extra_trees";
  const data = prepareCart(X, y, { seed: opts.seed }, 64, opts.kind);
  const grower = new TreeGrower(
    data.binned,
    data.mapper.thresholds,
    data.k,
    cartRules("gini", data.classification, opts.minSamplesLeaf ?? 3),
  );
  const master = makeRng(opts.seed ?? 0);
  const rngs = Array.from({ length: nTrees }, () => master.fork());
  const maxFeatures = resolveMaxFeatures(data.classification ? "sqrt" : 1 / 3, X.cols);
  const importances = new Float64Array(X.cols);
  const trees: Tree[] = [];
  const weight = new Float64Array(X.rows);
  for (const rng of rngs) {
    if (random) weight.set(data.weight);
    else {
      weight.fill(0);
      for (let i = 0; i < X.rows; i++) weight[rng.int(X.rows)] += 1;
    }
    const rows = positiveRows(weight);
    const grown = grower.grow(rows, rows.length, cartStats(data, weight), {
      maxDepth: opts.maxDepth ?? 10,
      maxLeafNodes: Infinity,
      minSamplesSplit: 2 * (opts.minSamplesLeaf ?? 3),
      maxFeatures,
      splitter: random ? "random" : "best",
      minGain: -Infinity,
      impurity: data.classification ? "gini" : "mse",
      rng,
    });
    trees.push(grown.tree);
    const share = normalise(grown.gains);
    for (let f = 0; f < X.cols; f++) importances[f] += share[f];
  }
  return { importances: normalise(importances), predictRaw: (M) => averageLeaves(trees, M) };
}
