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
import { KNN_META, type KnnParams } from "./meta.ts";
import { nearest } from "./nearest.ts";

const TYPE = "knn";
const VERSION = 1;

interface KnnState {
  /** Number of classes; 0 for regression. */
  nClasses: number;
  rows: number;
  cols: number;
  /** The training matrix, row-major: kNN has no model but its data. */
  x: number[];
  y: number[];
  /** Sample weights, when fit was given some. */
  w?: number[];
}

/**
 * k-nearest neighbours for classification (weighted vote) and regression (weighted mean), by
 * brute-force search. Distance weighting follows scikit-learn: 1 / distance, except that when
 * some neighbours sit at distance 0 they alone decide, with equal weight.
 */
export class KNearestNeighbors implements Estimator<KnnParams> {
  readonly type = TYPE;
  readonly params: KnnParams;
  private state?: KnnState;
  /** Typed copy of state.x for fast search; rebuilt lazily after fromJSON. */
  private trainCache?: Float64Array;

  constructor(params: Partial<KnnParams> = {}) {
    this.params = { ...KNN_META.defaults, ...params };
  }

  async fit(X: Matrix, y: Target, opts?: FitOptions): Promise<this> {
    validateFitInput(X, y);
    assertFiniteFeatures(X);
    const { n_neighbors: k, weights, metric } = this.params;
    if (!(Number.isInteger(k) && k >= 1)) throw new ValidationError(`invalid n_neighbors: ${k}`);
    if (weights !== "uniform" && weights !== "distance")
      throw new ValidationError(`invalid weights: ${weights}`);
    if (metric !== "euclidean" && metric !== "manhattan")
      throw new ValidationError(`invalid metric: ${metric}`);
    const nClasses = y.classes ? classCount(y, TYPE) : 0;
    const w = opts?.sampleWeight ? Array.from(readWeights(opts, X.rows)) : undefined;
    this.trainCache = Float64Array.from(X.data);
    this.state = {
      nClasses,
      rows: X.rows,
      cols: X.cols,
      x: Array.from(this.trainCache),
      y: Array.from(y.values),
      w,
    };
    return this;
  }

  /** Calls `visit(row, neighbour weights, neighbour indices)` for every query row. */
  private eachNeighbourhood(
    X: Matrix,
    visit: (row: number, weight: Float64Array, index: Int32Array) => void,
  ): void {
    assertFitted(this.state, TYPE);
    const s = this.state;
    checkPredictInput(X, s.cols, TYPE);
    this.trainCache ??= Float64Array.from(s.x);
    for (let r = 0; r < X.rows; r++) {
      const nb = nearest(
        this.trainCache,
        s.rows,
        s.cols,
        X.data,
        r * s.cols,
        this.params.n_neighbors,
        this.params.metric,
      );
      const weight = new Float64Array(nb.index.length).fill(1);
      if (this.params.weights === "distance") {
        const exact = nb.distance[0] === 0;
        for (let j = 0; j < weight.length; j++) {
          weight[j] = exact ? (nb.distance[j] === 0 ? 1 : 0) : 1 / nb.distance[j];
        }
      }
      if (s.w) for (let j = 0; j < weight.length; j++) weight[j] *= s.w[nb.index[j]];
      visit(r, weight, nb.index);
    }
  }

  predictProba(X: Matrix): Float64Array {
    assertFitted(this.state, TYPE);
    const { nClasses: k, y } = this.state;
    if (k === 0) throw new ValidationError("knn regression has no probabilities");
    const out = new Float64Array(X.rows * k);
    this.eachNeighbourhood(X, (r, weight, index) => {
      let total = 0;
      for (let j = 0; j < index.length; j++) {
        out[r * k + y[index[j]]] += weight[j];
        total += weight[j];
      }
      // Zero total weight (all neighbours weighted 0): fall back to an equal vote.
      if (total > 0) for (let c = 0; c < k; c++) out[r * k + c] /= total;
      else for (const i of index) out[r * k + y[i]] += 1 / index.length;
    });
    return out;
  }

  predict(X: Matrix): Float64Array {
    assertFitted(this.state, TYPE);
    const { nClasses: k, y } = this.state;
    if (k > 0) {
      const proba = this.predictProba(X);
      return Float64Array.from({ length: X.rows }, (_, i) => argmax(proba, i * k, k));
    }
    const out = new Float64Array(X.rows);
    this.eachNeighbourhood(X, (r, weight, index) => {
      let sum = 0;
      let total = 0;
      for (let j = 0; j < index.length; j++) {
        sum += weight[j] * y[index[j]];
        total += weight[j];
      }
      out[r] = total > 0 ? sum / total : index.reduce((a, i) => a + y[i], 0) / index.length;
    });
    return out;
  }

  toJSON(): Artifact<KnnParams, KnnState> {
    assertFitted(this.state, TYPE);
    return { type: TYPE, version: VERSION, params: { ...this.params }, state: this.state };
  }

  static fromJSON(artifact: Artifact): KNearestNeighbors {
    checkArtifact(artifact, TYPE, VERSION);
    const model = new KNearestNeighbors(artifact.params as KnnParams);
    model.state = artifact.state as KnnState;
    return model;
  }
}
