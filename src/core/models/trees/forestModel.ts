import { ValidationError } from "../../errors.ts";
import { type ArtifactSpec, BaseEstimator, defineArtifact } from "../baseEstimator.ts";
import type { FeatureImportances, TreeEnsembleView } from "../capabilities.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, checkPredictInput } from "../fitChecks.ts";
import { averageLeaves } from "./cartData.ts";
import { type CartHeader, readCartHeader } from "./cartState.ts";
import { fitForest } from "./forest.ts";
import { readTree, type Tree, type TreeJSON, treeToJSON } from "./tree.ts";
import type { ForestParams } from "./treeParamTypes.ts";

/** The artifact state of a random forest or extra-trees model. */
export interface ForestState extends CartHeader {
  trees: TreeJSON[];
  /** Out-of-bag accuracy / R² (random forest with bootstrap and oob_score); null otherwise. */
  oob_score: number | null;
}

/** A fitted forest in memory: the trees as typed arrays. */
export type FittedForestState = CartHeader & { trees: Tree[]; oob_score: number | null };

/** The artifact spec of a forest family (both read and write the same state; they differ in tag and defaults). */
export function forestArtifact<P extends ForestParams>(
  type: string,
  defaults: P,
): ArtifactSpec<P, FittedForestState, ForestState> {
  return defineArtifact<P, FittedForestState, ForestState>({
    type,
    defaults,
    migrations: [],
    parseState(raw, read, params) {
      const s = read.object(raw, "state", [
        "task",
        "n_classes",
        "features",
        "trees",
        "feature_importances",
        "oob_score",
      ]);
      const header = readCartHeader(read, s);
      const nTrees = read.int(params.n_estimators, "params.n_estimators", 1);
      const list = read.array(s.trees, "state: trees", nTrees);
      const trees = list.map((t, i) =>
        readTree(read, t, `tree ${i}`, header.features.length, header.n_classes),
      );
      const oob_score = s.oob_score === null ? null : read.number(s.oob_score, "state: oob_score");
      return { ...header, trees, oob_score };
    },
    saveState: ({ trees, ...rest }): ForestState => ({ ...rest, trees: trees.map(treeToJSON) }),
  });
}

/**
 * The estimator shell shared by RandomForest and ExtraTrees; they differ in defaults, the split
 * rule and their artifact tag. Predictions average the trees' leaf values (class shares or means).
 */
export abstract class ForestModel<P extends ForestParams> extends BaseEstimator<
  P,
  FittedForestState,
  ForestState
> {
  protected abstract readonly splitter: "best" | "random";

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y);
    const forest = fitForest(X, y, this.params, this.splitter, this.type, opts);
    this.state = {
      task: forest.classification ? "classification" : "regression",
      n_classes: forest.k,
      features: [...X.names],
      feature_importances: Array.from(forest.featureImportances),
      oob_score: forest.oobScore,
      trees: forest.trees,
    };
    return this;
  }

  protected shapeOf(s: FittedForestState): FittedShape {
    return { features: s.features.length, classes: s.task === "classification" ? s.n_classes : 0 };
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

  /** Mean over trees of each tree's normalised impurity decrease. */
  featureImportances(): FeatureImportances {
    const s = this.fitted();
    return { kind: "impurity", values: Float64Array.from(s.feature_importances), names: [...s.features] };
  }

  /** The trees, averaged: every tree feeds every class share (or the mean). */
  treeEnsemble(): TreeEnsembleView {
    const s = this.fitted();
    return {
      trees: s.trees,
      combine: "mean",
      outputs: s.n_classes,
      base: new Float64Array(s.n_classes),
      outputOf: () => -1,
    };
  }

  private average(X: Matrix): Float64Array {
    const s = this.fitted();
    checkPredictInput(X, s.features.length, this.type);
    return averageLeaves(s.trees, X);
  }
}
