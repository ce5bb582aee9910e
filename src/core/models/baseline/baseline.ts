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
import { argmax, assertFiniteFeatures, checkPredictInput, classCount, readWeights } from "../fitChecks.ts";
import { BASELINE_META, type BaselineParams } from "./meta.ts";

const TYPE = "baseline";
const VERSION = 1;

type BaselineState =
  | { task: "classification"; cols: number; priors: number[] }
  | { task: "regression"; cols: number; value: number };

/** Weighted median: the smallest value whose cumulative weight reaches half the total. */
function weightedMedian(values: Float64Array, weight: Float64Array): number {
  const order = Array.from(values.keys())
    .filter((i) => weight[i] > 0)
    .sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (const i of order) total += weight[i];
  let acc = 0;
  for (let j = 0; j < order.length; j++) {
    acc += weight[order[j]];
    // An exact half lands between two values: average them, as the unweighted median does.
    if (Math.abs(acc - total / 2) <= 1e-12 * total && j + 1 < order.length) {
      return (values[order[j]] + values[order[j + 1]]) / 2;
    }
    if (acc > total / 2) return values[order[j]];
  }
  return values[order[order.length - 1]];
}

/**
 * Predicts without looking at the features: the most frequent class (probabilities = the
 * weighted class shares) or the mean / median of the target (scikit-learn's DummyClassifier
 * "prior" and DummyRegressor).
 */
export class Baseline implements Estimator<BaselineParams> {
  readonly type = TYPE;
  readonly params: BaselineParams;
  private state?: BaselineState;

  constructor(params: Partial<BaselineParams> = {}) {
    this.params = { ...BASELINE_META.defaults, ...params };
  }

  async fit(X: Matrix, y: Target, opts?: FitOptions): Promise<this> {
    validateFitInput(X, y);
    assertFiniteFeatures(X);
    const w = readWeights(opts, X.rows);
    if (y.classes) {
      const k = classCount(y, TYPE);
      const priors = new Array<number>(k).fill(0);
      let total = 0;
      for (let i = 0; i < X.rows; i++) {
        priors[y.values[i]] += w[i];
        total += w[i];
      }
      this.state = { task: "classification", cols: X.cols, priors: priors.map((p) => p / total) };
    } else {
      const { strategy } = this.params;
      if (strategy !== "mean" && strategy !== "median")
        throw new ValidationError(`invalid strategy: ${strategy}`);
      let value: number;
      if (strategy === "median") value = weightedMedian(y.values, w);
      else {
        let sum = 0;
        let total = 0;
        for (let i = 0; i < X.rows; i++) {
          sum += w[i] * y.values[i];
          total += w[i];
        }
        value = sum / total;
      }
      this.state = { task: "regression", cols: X.cols, value };
    }
    return this;
  }

  predict(X: Matrix): Float64Array {
    assertFitted(this.state, TYPE);
    checkPredictInput(X, this.state.cols, TYPE);
    const s = this.state;
    const value = s.task === "regression" ? s.value : argmax(s.priors, 0, s.priors.length);
    return new Float64Array(X.rows).fill(value);
  }

  predictProba(X: Matrix): Float64Array {
    assertFitted(this.state, TYPE);
    checkPredictInput(X, this.state.cols, TYPE);
    if (this.state.task !== "classification")
      throw new ValidationError("baseline regression has no probabilities");
    const { priors } = this.state;
    const out = new Float64Array(X.rows * priors.length);
    for (let r = 0; r < X.rows; r++) out.set(priors, r * priors.length);
    return out;
  }

  toJSON(): Artifact<BaselineParams, BaselineState> {
    assertFitted(this.state, TYPE);
    return { type: TYPE, version: VERSION, params: { ...this.params }, state: this.state };
  }

  static fromJSON(artifact: Artifact): Baseline {
    checkArtifact(artifact, TYPE, VERSION);
    const model = new Baseline(artifact.params as BaselineParams);
    model.state = artifact.state as BaselineState;
    return model;
  }
}
