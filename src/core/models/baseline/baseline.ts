import { ValidationError } from "../../errors.ts";
import { BaseEstimator, defineArtifact } from "../baseEstimator.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, assertFiniteFeatures, checkPredictInput, classCount, readWeights } from "../fitChecks.ts";
import { BASELINE_META, type BaselineParams } from "./meta.ts";

const TYPE = "baseline";

type BaselineState =
  | { task: "classification"; cols: number; priors: number[] }
  | { task: "regression"; cols: number; value: number };

const ARTIFACT = defineArtifact<BaselineParams, BaselineState>({
  type: TYPE,
  defaults: BASELINE_META.defaults,
  migrations: [],
  parseState(raw, read) {
    const task = read.choice(
      read.object(raw, "state", ["task"], ["cols", "priors", "value"]).task,
      "state: task",
      ["classification", "regression"],
    );
    if (task === "regression") {
      const s = read.object(raw, "state", ["task", "cols", "value"]);
      return { task, cols: read.int(s.cols, "state: cols", 0), value: read.number(s.value, "state: value") };
    }
    const s = read.object(raw, "state", ["task", "cols", "priors"]);
    const priors = read.numbers(s.priors, "state: priors", undefined, { min: 0, max: 1 });
    if (priors.length < 1) read.fail("state: priors", "no classes");
    const total = priors.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-9) read.fail("state: priors", `they sum to ${total}, not 1`);
    return { task, cols: read.int(s.cols, "state: cols", 0), priors };
  },
});

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
export class Baseline extends BaseEstimator<BaselineParams, BaselineState> {
  static readonly artifact = ARTIFACT;

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y, opts);
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

  protected shapeOf(s: BaselineState): FittedShape {
    return { features: s.cols, classes: s.task === "classification" ? s.priors.length : 0 };
  }

  predict(X: Matrix): Float64Array {
    const s = this.fitted();
    checkPredictInput(X, s.cols, TYPE);
    const value = s.task === "regression" ? s.value : argmax(s.priors, 0, s.priors.length);
    return new Float64Array(X.rows).fill(value);
  }

  predictProba(X: Matrix): Float64Array {
    const s = this.fitted();
    checkPredictInput(X, s.cols, TYPE);
    if (s.task !== "classification") throw new ValidationError("baseline regression has no probabilities");
    const { priors } = s;
    const out = new Float64Array(X.rows * priors.length);
    for (let r = 0; r < X.rows; r++) out.set(priors, r * priors.length);
    return out;
  }
}
