import { ValidationError } from "../../errors.ts";
import { makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import {
  type Artifact,
  assertFitted,
  checkArtifact,
  type Estimator,
  type FitOptions,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, checkPredictInput } from "../fitChecks.ts";
import { averageLeaves, cartRules, cartStats, positiveRows, prepareCart } from "../trees/cartData.ts";
import { TreeGrower } from "../trees/grower.ts";
import { type Tree, type TreeJSON, treeFromJSON, treeToJSON } from "../trees/tree.ts";
import { choiceParam, intParam, limitParam, normalise, resolveMaxFeatures } from "../trees/treeParams.ts";
import { DECISION_TREE_META, type DecisionTreeParams } from "./meta.ts";
import { type TreeDisplayNode, treeStructure } from "./treeStructure.ts";

const TYPE = "decision_tree";
const VERSION = 1;

export interface DecisionTreeState {
  task: "classification" | "regression";
  /** Classes (classification) or 1. */
  n_classes: number;
  features: string[];
  tree: TreeJSON;
  /** Weighted impurity decrease per feature, summing to 1 (all 0 for a single leaf). */
  feature_importances: number[];
}

/**
 * CART (Breiman et al. 1984) as scikit-learn's DecisionTreeClassifier / Regressor, grown on binned
 * features (exact while a feature has at most `max_bins` distinct values, as HistGradientBoosting):
 * Gini or entropy for classes, squared error for values, missing values sent the better way.
 * `predictProba` is the class distribution of the leaf a row reaches.
 */
export class DecisionTree implements Estimator<DecisionTreeParams> {
  readonly type = TYPE;
  readonly params: DecisionTreeParams;
  /** The state without its tree, which toJSON adds. */
  private state?: Omit<DecisionTreeState, "tree">;
  private tree?: Tree;

  constructor(params: Partial<DecisionTreeParams> = {}) {
    this.params = { ...DECISION_TREE_META.defaults, ...params };
  }

  async fit(X: Matrix, y: Target, opts?: FitOptions): Promise<this> {
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
    this.tree = grown.tree;
    this.state = {
      task: data.classification ? "classification" : "regression",
      n_classes: data.k,
      features: [...X.names],
      feature_importances: Array.from(normalise(grown.gains)),
    };
    makeThrottledProgress(opts?.onProgress)({ phase: "fit", done: 1, total: 1 });
    return this;
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
    assertFitted(this.state, TYPE);
    return treeStructure(this.tree!, this.state.features, maxDepth);
  }

  toJSON(): Artifact<DecisionTreeParams, DecisionTreeState> {
    assertFitted(this.state, TYPE);
    const state = { ...this.state, tree: treeToJSON(this.tree!) };
    return { type: TYPE, version: VERSION, params: { ...this.params }, state };
  }

  static fromJSON(artifact: Artifact): DecisionTree {
    checkArtifact(artifact, TYPE, VERSION);
    const state = artifact.state as DecisionTreeState;
    const model = new DecisionTree(artifact.params as DecisionTreeParams);
    model.tree = treeFromJSON(state?.tree, state.features?.length);
    if (model.tree.valueDim !== state.n_classes)
      throw new ValidationError(`invalid ${TYPE} artifact: value size`);
    const { tree: _, ...rest } = state;
    model.state = rest;
    return model;
  }

  private leafValues(X: Matrix): Float64Array {
    assertFitted(this.state, TYPE);
    checkPredictInput(X, this.state.features.length, TYPE);
    return averageLeaves([this.tree!], X);
  }
}
