import { makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import { defineArtifact } from "../baseEstimator.ts";
import { type FitOptions, type Matrix, type Target, validateFitInput } from "../estimator.ts";
import { cartRules, cartStats, positiveRows, prepareCart } from "../trees/cartData.ts";
import { CartModel } from "../trees/cartModel.ts";
import { type CartHeader, readCartHeader } from "../trees/cartState.ts";
import { TreeGrower } from "../trees/grower.ts";
import { readTree, type Tree, type TreeJSON, treeToJSON } from "../trees/tree.ts";
import { choiceParam, intParam, limitParam, normalise, resolveMaxFeatures } from "../trees/treeParams.ts";
import { DECISION_TREE_META, type DecisionTreeParams } from "./meta.ts";
import { type TreeDisplayNode, treeStructure } from "./treeStructure.ts";

const TYPE = "decision_tree";

/** The artifact state of a decision tree. */
export interface DecisionTreeState extends CartHeader {
  tree: TreeJSON;
}

/** In memory the tree is typed arrays; toJSON turns it into a TreeJSON. */
type FittedTree = CartHeader & { tree: Tree };

const ARTIFACT = defineArtifact<DecisionTreeParams, FittedTree, DecisionTreeState>({
  type: TYPE,
  defaults: DECISION_TREE_META.defaults,
  migrations: [],
  parseState(raw, read) {
    const s = read.object(raw, "state", ["task", "n_classes", "features", "tree", "feature_importances"]);
    const header = readCartHeader(read, s);
    return { ...header, tree: readTree(read, s.tree, "tree", header.features.length, header.n_classes) };
  },
  saveState: ({ tree, ...header }): DecisionTreeState => ({ ...header, tree: treeToJSON(tree) }),
});

/**
 * CART (Breiman et al. 1984) as scikit-learn's DecisionTreeClassifier / Regressor, grown on binned
 * features (exact while a feature has at most `max_bins` distinct values, as HistGradientBoosting):
 * Gini or entropy for classes, squared error for values, missing values sent the better way.
 * `predictProba` is the class distribution of the leaf a row reaches.
 */
export class DecisionTree extends CartModel<DecisionTreeParams, FittedTree, DecisionTreeState> {
  static readonly artifact = ARTIFACT;

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y, opts);
    const p = this.params;
    const criterion = choiceParam("criterion", p.criterion, ["gini", "entropy"] as const);
    const minSamplesLeaf = intParam("min_samples_leaf", p.min_samples_leaf, 1);
    const growParams = {
      maxDepth: limitParam("max_depth", p.max_depth, 1),
      maxLeafNodes: limitParam("max_leaf_nodes", p.max_leaf_nodes, 2),
      minSamplesSplit: intParam("min_samples_split", p.min_samples_split, 2),
      maxFeatures: resolveMaxFeatures(p.max_features, X.cols),
      splitter: "best" as const,
      minGain: Number.NEGATIVE_INFINITY,
      impurity: y.classes ? criterion : ("mse" as const),
      rng: makeRng(opts?.seed ?? 0),
    };
    const maxBins = intParam("max_bins", p.max_bins, 2);
    opts?.signal?.throwIfAborted();
    const data = prepareCart(X, y, opts, maxBins, TYPE);
    const grower = new TreeGrower(
      data.binned,
      data.mapper.thresholds,
      data.k,
      cartRules(criterion, data.classification, minSamplesLeaf),
    );
    const rows = positiveRows(data.weight);
    const grown = grower.grow(rows, rows.length, cartStats(data, data.weight), growParams);
    this.state = {
      task: data.classification ? "classification" : "regression",
      n_classes: data.k,
      features: [...X.names],
      feature_importances: Array.from(normalise(grown.gains)),
      tree: grown.tree,
    };
    makeThrottledProgress(opts?.onProgress)({ phase: "fit", done: 1, total: 1 });
    return this;
  }

  /** The fitted tree as nested nodes for drawing, cut at `maxDepth` levels if given. */
  structure(maxDepth?: number): TreeDisplayNode {
    const s = this.fitted();
    return treeStructure(s.tree, s.features, maxDepth);
  }

  protected treesOf(s: FittedTree): readonly Tree[] {
    return [s.tree];
  }
}
