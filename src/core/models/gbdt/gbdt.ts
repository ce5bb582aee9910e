import { ValidationError } from "../../errors.ts";
import { BaseEstimator, defineArtifact } from "../baseEstimator.ts";
import type { FeatureImportances, TreeEnsembleView } from "../capabilities.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, checkPredictInput, classCount } from "../fitChecks.ts";
import type { StateReader } from "../stateReader.ts";
import type { RowSource } from "../trees/rowSource.ts";
import { leafOf, readTree, type Tree, type TreeJSON, treeToJSON } from "../trees/tree.ts";
import { normalise } from "../trees/treeParams.ts";
import { boost } from "./boost.ts";
import { type BoostLoss, binaryLogLoss, multinomialLogLoss, squaredError } from "./losses.ts";
import { GBDT_META, type GbdtParams } from "./meta.ts";
import { addTreesWasm } from "./predictWasm.ts";

const TYPE = "gbdt";

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

/** In memory the trees are typed arrays. */
type FittedGbdt = Omit<GbdtState, "trees"> & { trees: Tree[] };

const ARTIFACT = defineArtifact<GbdtParams, FittedGbdt, GbdtState>({
  type: TYPE,
  defaults: GBDT_META.defaults,
  migrations: [],
  parseState: parseGbdtState,
  saveState: ({ trees, ...rest }): GbdtState => ({ ...rest, trees: trees.map(treeToJSON) }),
});

function parseGbdtState(raw: unknown, read: StateReader): FittedGbdt {
  const s = read.object(raw, "state", [
    "task",
    "n_classes",
    "features",
    "loss",
    "baseline",
    "trees",
    "n_iter",
    "train_loss",
    "validation_loss",
    "feature_importances",
  ]);
  const { task, k } = read.taskClasses(s.task, s.n_classes);
  read.choice(s.loss, "state: loss", [task === "regression" ? "squared_error" : "log_loss"]);
  const features = read.strings(s.features, "state: features");
  const dim = k > 2 ? k : 1;
  const nIter = read.int(s.n_iter, "state: n_iter", 0, 1_000_000);
  const list = read.array(s.trees, "state: trees", nIter * dim);
  const curve = (v: unknown, part: string) => read.numbers(v, part, nIter + 1, { min: 0 });
  return {
    task,
    n_classes: k,
    features,
    loss: task === "regression" ? "squared_error" : "log_loss",
    baseline: read.numbers(s.baseline, "state: baseline", dim),
    trees: list.map((t, i) => readTree(read, t, `tree ${i}`, features.length, 1)),
    n_iter: nIter,
    train_loss: curve(s.train_loss, "state: train_loss"),
    validation_loss: s.validation_loss === null ? null : curve(s.validation_loss, "state: validation_loss"),
    feature_importances: read.numbers(s.feature_importances, "state: feature_importances", features.length, {
      min: 0,
      max: 1,
    }),
  };
}

/**
 * Histogram gradient boosting as scikit-learn's HistGradientBoostingRegressor / Classifier:
 * squared error for values, log loss on log-odds for two classes, softmax for more (one tree per
 * class per iteration); missing values handled natively; learning curves kept in the state.
 */
export class Gbdt extends BaseEstimator<GbdtParams, FittedGbdt, GbdtState> {
  static readonly artifact = ARTIFACT;

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y, opts);
    return this.fitOn(X, y, opts);
  }

  /**
   * `fit` on rows made a block at a time (a fold job's recipe output at a million rows): the same
   * model as `fit` on the whole matrix, while only the bin codes are held (see RowSource).
   */
  fitRows(source: RowSource, y: Target, opts?: FitOptions): this {
    // The shape and target checks of fit, on a matrix of no columns with the source's rows.
    validateFitInput({ data: new Float64Array(0), rows: source.rows, cols: 0, names: [] }, y, opts);
    return this.fitOn(source, y, opts);
  }

  private fitOn(X: Matrix | RowSource, y: Target, opts?: FitOptions): this {
    const k = y.classes ? classCount(y, TYPE, 2) : 0;
    const result = boost(X, y, k, this.params, opts);
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
      trees: result.trees,
    };
    return this;
  }

  protected shapeOf(s: FittedGbdt): FittedShape {
    return { features: s.features.length, classes: s.n_classes };
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
    let last: Float64Array | undefined;
    for (const raw of this.stages(X, false)) last = raw;
    return last!;
  }

  /**
   * Raw scores after each iteration (n_iter arrays, each a fresh copy): what the model would have
   * predicted had boosting stopped there, for learning curves and tuning rungs. One pass over the trees.
   */
  *stagedDecisionFunction(X: Matrix): Generator<Float64Array> {
    for (const raw of this.stages(X, true)) yield raw.slice();
  }

  /** Total split gain per feature, normalised. */
  featureImportances(): FeatureImportances {
    const s = this.fitted();
    return { kind: "gain", values: Float64Array.from(s.feature_importances), names: [...s.features] };
  }

  /** The trees, summed per output on top of the baseline (raw scores, before the link). */
  treeEnsemble(): TreeEnsembleView {
    const s = this.fitted();
    const dim = s.baseline.length;
    return {
      trees: s.trees,
      combine: "sum",
      outputs: dim,
      base: Float64Array.from(s.baseline),
      outputOf: (t) => t % dim,
    };
  }

  /**
   * The running raw scores: the baseline, then after each iteration's trees (all of them when
   * `each` is false, only the final sum yielded). Yields the same buffer every time.
   */
  private *stages(X: Matrix, each: boolean): Generator<Float64Array> {
    const s = this.fitted();
    checkPredictInput(X, s.features.length, TYPE);
    const base = s.baseline;
    const dim = base.length;
    const raw = new Float64Array(X.rows * dim);
    for (let r = 0; r < X.rows; r++) for (let c = 0; c < dim; c++) raw[r * dim + c] = base[c];
    const trees = s.trees;
    if (!each && addTreesWasm(trees, X, dim, raw)) {
      yield raw;
      return;
    }
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      const c = t % dim;
      for (let r = 0; r < X.rows; r++) raw[r * dim + c] += tree.value[leafOf(tree, X.data, r * X.cols)];
      if (each && c === dim - 1) yield raw;
    }
    if (!each) yield raw;
  }

  private transformed(X: Matrix): Float64Array {
    const raw = this.decisionFunction(X);
    return lossOf(this.state!.n_classes).transform(raw, X.rows);
  }
}

function lossOf(k: number): BoostLoss {
  return k === 0 ? squaredError : k === 2 ? binaryLogLoss : multinomialLogLoss(k);
}
