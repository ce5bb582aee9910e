import { ValidationError } from "../../errors.ts";
import { makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import { BaseEstimator, defineArtifact } from "../baseEstimator.ts";
import type { FeatureImportances, TreeEnsembleView } from "../capabilities.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, checkPredictInput } from "../fitChecks.ts";
import { averageLeaves, cartRules, cartStats, positiveRows, prepareCart } from "../trees/cartData.ts";
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
export class DecisionTree extends BaseEstimator<DecisionTreeParams, FittedTree, DecisionTreeState> {
  constructor(params: Partial<DecisionTreeParams> = {}) {
    super(ARTIFACT, params);
  }

  static fromJSON(artifact: unknown): DecisionTree {
    return BaseEstimator.restore(DecisionTree, ARTIFACT, artifact);
  }

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y);
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

  protected shapeOf(s: FittedTree): FittedShape {
    return { features: s.features.length, classes: s.task === "classification" ? s.n_classes : 0 };
  }

  predict(X: Matrix): Float64Array {
    const values = this.leafValues(X);
    const { task, n_classes: k } = this.state!;
    if (task === "regression") return values;
    const out = new Float64Array(X.rows);
    for (let r = 0; r < X.rows; r++) out[r] = argmax(values, r * k, k);
    return out;
  }

  predictProba(X: Matrix): Float64Array {
    const values = this.leafValues(X);
    if (this.state!.task !== "classification")
      throw new ValidationError(`${TYPE} regression has no probabilities`);
    return values;
  }

  /** The fitted tree as nested nodes for drawing, cut at `maxDepth` levels if given. */
  structure(maxDepth?: number): TreeDisplayNode {
    const s = this.fitted();
    return treeStructure(s.tree, s.features, maxDepth);
  }

  /** Normalised impurity decrease per feature. */
  featureImportances(): FeatureImportances {
    const s = this.fitted();
    return { kind: "impurity", values: Float64Array.from(s.feature_importances), names: [...s.features] };
  }

  /** The one tree, its leaves holding class shares or the mean. */
  treeEnsemble(): TreeEnsembleView {
    const s = this.fitted();
    return {
      trees: [s.tree],
      combine: "mean",
      outputs: s.n_classes,
      base: new Float64Array(s.n_classes),
      outputOf: () => -1,
    };
  }

  private leafValues(X: Matrix): Float64Array {
    const s = this.fitted();
    checkPredictInput(X, s.features.length, TYPE);
    return averageLeaves([s.tree], X);
  }
}
