import { ValidationError } from "../../errors.ts";
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
import { argmax, checkPredictInput, classCount } from "../fitChecks.ts";
import { leafOf, type Tree, type TreeJSON, treeFromJSON, treeToJSON } from "../trees/tree.ts";
import { normalise } from "../trees/treeParams.ts";
import { boost } from "./boost.ts";
import { type BoostLoss, binaryLogLoss, multinomialLogLoss, squaredError } from "./losses.ts";
import { GBDT_META, type GbdtParams } from "./meta.ts";

const TYPE = "gbdt";
const VERSION = 1;

export interface GbdtState {
  task: "regression" | "binary" | "multiclass";
  /** Classes; 0 for regression. */
  n_classes: number;
  features: string[];
  loss: "squared_error" | "log_loss";
  /** Raw score(s) before any tree: mean, log-odds, or log class shares. */
  baseline: number[];
  /** Iteration-major: one tree per iteration, or one per class per iteration (multiclass). */
  trees: TreeJSON[];
  /** Iterations fitted (fewer than max_iter after early stopping). */
  n_iter: number;
  /** Mean training loss (squared error or log loss) before the first tree and after each iteration. */
  train_loss: number[];
  /** The same on the early-stopping rows; null when early stopping was off. */
  validation_loss: number[] | null;
  /** Total split gain per feature, summing to 1. */
  feature_importances: number[];
}

/**
 * Histogram gradient boosting as scikit-learn's HistGradientBoostingRegressor / Classifier:
 * squared error for values, log loss on log-odds for two classes, softmax for more (one tree per
 * class per iteration); missing values handled natively; learning curves kept in the state.
 */
export class Gbdt implements Estimator<GbdtParams> {
  readonly type = TYPE;
  readonly params: GbdtParams;
  /** The state without its trees, which toJSON adds. */
  private state?: Omit<GbdtState, "trees">;
  private trees?: Tree[];

  constructor(params: Partial<GbdtParams> = {}) {
    this.params = { ...GBDT_META.defaults, ...params };
  }

  async fit(X: Matrix, y: Target, opts?: FitOptions): Promise<this> {
    validateFitInput(X, y);
    const k = y.classes ? classCount(y, TYPE, 2) : 0;
    const result = await boost(X, y, k, this.params, opts);
    this.trees = result.trees;
    this.state = {
      task: k === 0 ? "regression" : k === 2 ? "binary" : "multiclass",
      n_classes: k,
      features: [...X.names],
      loss: result.loss.name,
      baseline: Array.from(result.baseline),
      n_iter: result.iterations,
      train_loss: result.trainLoss,
      validation_loss: result.validationLoss,
      feature_importances: Array.from(normalise(result.gains)),
    };
    return this;
  }

  predict(X: Matrix): Float64Array {
    const out = this.transformed(X);
    const k = this.state!.n_classes;
    if (k === 0) return out;
    const labels = new Float64Array(X.rows);
    for (let r = 0; r < X.rows; r++) labels[r] = argmax(out, r * k, k);
    return labels;
  }

  predictProba(X: Matrix): Float64Array {
    const out = this.transformed(X);
    if (this.state!.n_classes === 0) throw new ValidationError(`${TYPE} regression has no probabilities`);
    return out;
  }

  /** Raw scores (rows x 1, or rows x classes for multiclass): the value, log-odds or softmax inputs. */
  decisionFunction(X: Matrix): Float64Array {
    assertFitted(this.state, TYPE);
    checkPredictInput(X, this.state.features.length, TYPE);
    const base = this.state.baseline;
    const dim = base.length;
    const raw = new Float64Array(X.rows * dim);
    for (let r = 0; r < X.rows; r++) for (let c = 0; c < dim; c++) raw[r * dim + c] = base[c];
    const trees = this.trees!;
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      const c = t % dim;
      for (let r = 0; r < X.rows; r++) raw[r * dim + c] += tree.value[leafOf(tree, X.data, r * X.cols)];
    }
    return raw;
  }

  toJSON(): Artifact<GbdtParams, GbdtState> {
    assertFitted(this.state, TYPE);
    const state = { ...this.state, trees: this.trees!.map(treeToJSON) };
    return { type: TYPE, version: VERSION, params: { ...this.params }, state };
  }

  static fromJSON(artifact: Artifact): Gbdt {
    checkArtifact(artifact, TYPE, VERSION);
    const state = artifact.state as GbdtState;
    const model = new Gbdt(artifact.params as GbdtParams);
    const dim = state?.n_classes > 2 ? state.n_classes : 1;
    if (!Array.isArray(state?.trees) || !Array.isArray(state.baseline) || state.baseline.length !== dim) {
      throw new ValidationError(`invalid ${TYPE} artifact: baseline`);
    }
    if (state.trees.length % dim !== 0) throw new ValidationError(`invalid ${TYPE} artifact: tree count`);
    model.trees = state.trees.map((t) => treeFromJSON(t, state.features?.length));
    if (model.trees.some((t) => t.valueDim !== 1))
      throw new ValidationError(`invalid ${TYPE} artifact: value size`);
    const { trees: _, ...rest } = state;
    model.state = rest;
    return model;
  }

  private transformed(X: Matrix): Float64Array {
    const raw = this.decisionFunction(X);
    return lossOf(this.state!.n_classes).transform(raw, X.rows);
  }
}

function lossOf(k: number): BoostLoss {
  return k === 0 ? squaredError : k === 2 ? binaryLogLoss : multinomialLogLoss(k);
}
