import { ValidationError } from "../../errors.ts";
import { BaseEstimator } from "../baseEstimator.ts";
import type { FeatureImportances, TreeEnsembleView } from "../capabilities.ts";
import type { FittedShape, Matrix } from "../estimator.ts";
import { argmax, checkPredictInput } from "../fitChecks.ts";
import { averageLeaves } from "./cartData.ts";
import type { CartHeader } from "./cartState.ts";
import type { Tree } from "./tree.ts";

/**
 * What the CART families (decision tree, random forest, extra trees) share once fitted: predictions
 * average their trees' leaf values (class shares or means; one tree for the decision tree), the
 * label is the largest share, importances are the stored impurity decreases, and the trees form
 * an averaged ensemble for explainers.
 */
export abstract class CartModel<P extends object, S extends CartHeader, J> extends BaseEstimator<P, S, J> {
  /** The fitted trees. */
  protected abstract treesOf(state: S): readonly Tree[];

  protected shapeOf(s: S): FittedShape {
    return { features: s.features.length, classes: s.task === "classification" ? s.n_classes : 0 };
  }

  predict(X: Matrix): Float64Array {
    const values = this.average(X);
    const { task, n_classes: k } = this.fitted();
    if (task === "regression") return values;
    const out = new Float64Array(X.rows);
    for (let r = 0; r < X.rows; r++) out[r] = argmax(values, r * k, k);
    return out;
  }

  predictProba(X: Matrix): Float64Array {
    const values = this.average(X);
    if (this.fitted().task !== "classification")
      throw new ValidationError(`${this.type} regression has no probabilities`);
    return values;
  }

  /** Normalised impurity decrease per feature (averaged over the trees of a forest). */
  featureImportances(): FeatureImportances {
    const s = this.fitted();
    return { kind: "impurity", values: Float64Array.from(s.feature_importances), names: [...s.features] };
  }

  /** The trees, averaged: every tree feeds every class share (or the mean). */
  treeEnsemble(): TreeEnsembleView {
    const s = this.fitted();
    return {
      trees: this.treesOf(s),
      combine: "mean",
      outputs: s.n_classes,
      base: new Float64Array(s.n_classes),
      outputOf: () => -1,
    };
  }

  private average(X: Matrix): Float64Array {
    const s = this.fitted();
    checkPredictInput(X, s.features.length, this.type);
    return averageLeaves(this.treesOf(s), X);
  }
}
