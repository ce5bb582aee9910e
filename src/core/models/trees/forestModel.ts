import { ValidationError } from "../../errors.ts";
import {
  type Artifact,
  assertFitted,
  type Estimator,
  type FitOptions,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, checkPredictInput } from "../fitChecks.ts";
import { averageLeaves } from "./cartData.ts";
import { type ForestParams, fitForest } from "./forest.ts";
import { type Tree, type TreeJSON, treeFromJSON, treeToJSON } from "./tree.ts";

/** Artifact version of both forest families; bump when ForestState changes. */
export const FOREST_VERSION = 1;

/** The artifact state of a random forest or extra-trees model. */
export interface ForestState {
  task: "classification" | "regression";
  /** Classes (classification) or 1. */
  n_classes: number;
  features: string[];
  trees: TreeJSON[];
  /** Mean over trees of each tree's normalised impurity decrease, summing to 1. */
  feature_importances: number[];
  /** Out-of-bag accuracy / R² (random forest with bootstrap and oob_score); null otherwise. */
  oob_score: number | null;
}

/**
 * The estimator shell shared by RandomForest and ExtraTrees; they differ in defaults, the split
 * rule and their artifact tag. Predictions average the trees' leaf values (class shares or means).
 */
export abstract class ForestModel<P extends ForestParams> implements Estimator<P> {
  abstract readonly type: string;
  protected abstract readonly splitter: "best" | "random";
  /** The state without its trees, which toJSON adds (serialising a forest is not free). */
  protected state?: Omit<ForestState, "trees">;
  private trees?: Tree[];

  constructor(readonly params: P) {}

  async fit(X: Matrix, y: Target, opts?: FitOptions): Promise<this> {
    validateFitInput(X, y);
    const forest = await fitForest(X, y, this.params, this.splitter, this.type, opts);
    this.trees = forest.trees;
    this.state = {
      task: forest.classification ? "classification" : "regression",
      n_classes: forest.k,
      features: [...X.names],
      feature_importances: Array.from(forest.featureImportances),
      oob_score: forest.oobScore,
    };
    return this;
  }

  predict(X: Matrix): Float64Array {
    const values = this.average(X);
    const { task, n_classes: k } = this.state!;
    if (task === "regression") return values;
    const out = new Float64Array(X.rows);
    for (let r = 0; r < X.rows; r++) out[r] = argmax(values, r * k, k);
    return out;
  }

  predictProba(X: Matrix): Float64Array {
    const values = this.average(X);
    if (this.state!.task !== "classification")
      throw new ValidationError(`${this.type} regression has no probabilities`);
    return values;
  }

  toJSON(): Artifact<P, ForestState> {
    assertFitted(this.state, this.type);
    const state = { ...this.state, trees: this.trees!.map(treeToJSON) };
    return { type: this.type, version: FOREST_VERSION, params: { ...this.params }, state };
  }

  /** Rebuilds the trees of a checked artifact (the subclass's fromJSON checks tag and version first). */
  protected restore(state: ForestState): this {
    if (!Array.isArray(state?.trees) || state.trees.length === 0)
      throw new ValidationError(`invalid ${this.type} artifact: trees`);
    const trees = state.trees.map((t) => treeFromJSON(t, state.features?.length));
    if (trees.some((t) => t.valueDim !== state.n_classes))
      throw new ValidationError(`invalid ${this.type} artifact: value size`);
    this.trees = trees;
    const { trees: _, ...rest } = state;
    this.state = rest;
    return this;
  }

  private average(X: Matrix): Float64Array {
    assertFitted(this.state, this.type);
    checkPredictInput(X, this.state.features.length, this.type);
    return averageLeaves(this.trees!, X);
  }
}
