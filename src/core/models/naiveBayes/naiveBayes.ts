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
import { NAIVE_BAYES_META, type NaiveBayesParams } from "./meta.ts";

const TYPE = "naive_bayes";

interface NaiveBayesState {
  nClasses: number;
  cols: number;
  /** P(class) as weighted shares; 0 for classes absent from the training rows. */
  prior: number[];
  /** Per feature: "g" (Gaussian) with per-class mean and variance, or "c" with per-class log P(code). */
  features: (
    | { kind: "g"; mean: number[]; variance: number[] }
    | { kind: "c"; levels: number; logProb: number[][] }
  )[];
}

const ARTIFACT = defineArtifact<NaiveBayesParams, NaiveBayesState>({
  type: TYPE,
  defaults: NAIVE_BAYES_META.defaults,
  migrations: [],
  parseState(raw, read, params) {
    const s = read.object(raw, "state", ["nClasses", "cols", "prior", "features"]);
    const k = read.int(s.nClasses, "state: nClasses", 1, 100_000);
    const cols = read.int(s.cols, "state: cols", 0);
    const prior = read.numbers(s.prior, "state: prior", k, { min: 0, max: 1 });
    if (!prior.some((p) => p > 0)) read.fail("state: prior", "no class has a positive prior");
    const categorical = new Set(
      read.numbers(params.categorical, "params.categorical", undefined, { int: true, min: 0, max: cols - 1 }),
    );
    const features = read.array(s.features, "state: features", cols).map((f, j) => {
      const part = `state: feature ${j}`;
      const kind = read.choice(
        read.object(f, part, ["kind"], ["mean", "variance", "levels", "logProb"]).kind,
        `${part}: kind`,
        ["g", "c"],
      );
      if ((kind === "c") !== categorical.has(j))
        read.fail(`${part}: kind`, `"${kind}" disagrees with params.categorical`);
      if (kind === "g") {
        const g = read.object(f, part, ["kind", "mean", "variance"]);
        return {
          kind,
          mean: read.numbers(g.mean, `${part}: mean`, k),
          variance: read.numbers(g.variance, `${part}: variance`, k, { min: 0 }),
        };
      }
      const c = read.object(f, part, ["kind", "levels", "logProb"]);
      const levels = read.int(c.levels, `${part}: levels`, 1, 1_000_000);
      const logProb = read
        .array(c.logProb, `${part}: logProb`, k)
        .map((row, cl) => read.numbers(row, `${part}: logProb[${cl}]`, levels, { max: 0 }));
      return { kind, levels, logProb };
    });
    return { nClasses: k, cols, prior, features };
  },
});

/**
 * Naive Bayes with a Gaussian likelihood for numeric features (scikit-learn's GaussianNB,
 * including its var_smoothing) and a categorical one with Laplace smoothing for the features
 * named in `categorical` (CategoricalNB): P(x_j = t | c) = (N_tc + alpha) / (N_c + alpha * m_j).
 */
export class NaiveBayes extends BaseEstimator<NaiveBayesParams, NaiveBayesState> {
  static readonly artifact = ARTIFACT;

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y, opts);
    assertFiniteFeatures(X);
    const { var_smoothing: smoothing, alpha } = this.params;
    if (!(smoothing >= 0)) throw new ValidationError(`invalid var_smoothing: ${smoothing}`);
    if (!(alpha > 0)) throw new ValidationError(`invalid alpha: ${alpha}`);
    const { rows: n, cols: p, data } = X;
    const isCategorical = new Uint8Array(p);
    for (const j of this.params.categorical) {
      if (!Number.isInteger(j) || j < 0 || j >= p)
        throw new ValidationError(`invalid categorical feature: ${j}`);
      isCategorical[j] = 1;
    }
    const k = classCount(y, TYPE);
    const w = readWeights(opts, n);
    const classWeight = new Float64Array(k);
    let total = 0;
    for (let i = 0; i < n; i++) {
      classWeight[y.values[i]] += w[i];
      total += w[i];
    }

    // var_smoothing is relative to the largest (unweighted) variance of the Gaussian features.
    // Every sum below runs over the rows in order, as a loop per column would, but row by row
    // (the matrix is row-major: a column's stride missed the cache on wide one-hot tables).
    const colMean = new Float64Array(p);
    const colVar = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const o = i * p;
      for (let j = 0; j < p; j++) colMean[j] += data[o + j] / n;
    }
    for (let i = 0; i < n; i++) {
      const o = i * p;
      for (let j = 0; j < p; j++) colVar[j] += (data[o + j] - colMean[j]) ** 2 / n;
    }
    let maxVariance = 0;
    for (let j = 0; j < p; j++) if (!isCategorical[j]) maxVariance = Math.max(maxVariance, colVar[j]);
    const epsilon = smoothing * (maxVariance > 0 ? maxVariance : 1);

    // Per class and feature (c * p + j): weighted sums, then means and variances.
    const mean = new Float64Array(k * p);
    const variance = new Float64Array(k * p);
    for (let i = 0; i < n; i++) {
      const o = i * p;
      const c = y.values[i] * p;
      const wi = w[i];
      for (let j = 0; j < p; j++) mean[c + j] += wi * data[o + j];
    }
    for (let c = 0; c < k; c++)
      for (let j = 0; j < p; j++) mean[c * p + j] = classWeight[c] > 0 ? mean[c * p + j] / classWeight[c] : 0;
    for (let i = 0; i < n; i++) {
      const o = i * p;
      const c = y.values[i] * p;
      const wi = w[i];
      for (let j = 0; j < p; j++) variance[c + j] += wi * (data[o + j] - mean[c + j]) ** 2;
    }

    const features: NaiveBayesState["features"] = [];
    for (let j = 0; j < p; j++) {
      if (isCategorical[j]) {
        let levels = 0;
        for (let i = 0; i < n; i++) {
          const code = data[i * p + j];
          if (!Number.isInteger(code) || code < 0) {
            throw new ValidationError(
              `invalid category code ${code} at row ${i}, column "${X.names[j] ?? j}"`,
            );
          }
          levels = Math.max(levels, code + 1);
        }
        const counts = Array.from({ length: k }, () => new Float64Array(levels));
        for (let i = 0; i < n; i++) counts[y.values[i]][data[i * p + j]] += w[i];
        const logProb = counts.map((row, c) =>
          Array.from(row, (count) => Math.log((count + alpha) / (classWeight[c] + alpha * levels))),
        );
        features.push({ kind: "c", levels, logProb });
      } else {
        features.push({
          kind: "g",
          mean: Array.from({ length: k }, (_, c) => mean[c * p + j]),
          variance: Array.from({ length: k }, (_, c) => {
            const v = variance[c * p + j];
            return (classWeight[c] > 0 ? v / classWeight[c] : 0) + epsilon;
          }),
        });
      }
    }
    const prior = Array.from(classWeight, (cw) => cw / total);
    this.state = { nClasses: k, cols: p, prior, features };
    return this;
  }

  protected shapeOf(s: NaiveBayesState): FittedShape {
    return { features: s.cols, classes: s.nClasses };
  }

  /**
   * The fitted likelihoods as flat arrays per class and feature (c * p + j), built once per fit:
   * a Gaussian's mean, variance and log(2 pi variance), the same values the terms used to compute
   * row by row (one Math.log per row, class and feature was most of a prediction).
   */
  private tables?: { of: NaiveBayesState; mean: Float64Array; variance: Float64Array; logNorm: Float64Array };

  private tablesOf(state: NaiveBayesState) {
    if (this.tables?.of === state) return this.tables;
    const { nClasses: k, cols: p, features } = state;
    const mean = new Float64Array(k * p);
    const variance = new Float64Array(k * p);
    const logNorm = new Float64Array(k * p);
    for (let j = 0; j < p; j++) {
      const f = features[j];
      if (f.kind !== "g") continue;
      for (let c = 0; c < k; c++) {
        mean[c * p + j] = f.mean[c];
        variance[c * p + j] = f.variance[c];
        logNorm[c * p + j] = Math.log(2 * Math.PI * f.variance[c]);
      }
    }
    this.tables = { of: state, mean, variance, logNorm };
    return this.tables;
  }

  /** Joint log-likelihood log P(c) + sum_j log P(x_j | c), rows x classes. */
  private jointLogLikelihood(X: Matrix): Float64Array {
    const state = this.fitted();
    const { nClasses: k, cols: p, prior, features } = state;
    checkPredictInput(X, p, TYPE);
    const { mean, variance, logNorm } = this.tablesOf(state);
    const gaussian = Uint8Array.from(features, (f) => (f.kind === "g" ? 1 : 0));
    const allGaussian = gaussian.every((g) => g === 1);
    const data = X.data;
    const out = new Float64Array(X.rows * k);
    for (let i = 0; i < X.rows; i++) {
      const o = i * p;
      for (let c = 0; c < k; c++) {
        // A class absent from training is impossible; its Gaussian terms are not even defined.
        if (prior[c] === 0) {
          out[i * k + c] = Number.NEGATIVE_INFINITY;
          continue;
        }
        let s = Math.log(prior[c]);
        const b = c * p;
        if (allGaussian) {
          for (let j = 0; j < p; j++)
            s -= 0.5 * (logNorm[b + j] + (data[o + j] - mean[b + j]) ** 2 / variance[b + j]);
        } else {
          for (let j = 0; j < p; j++) {
            const x = data[o + j];
            if (gaussian[j]) {
              s -= 0.5 * (logNorm[b + j] + (x - mean[b + j]) ** 2 / variance[b + j]);
              continue;
            }
            const f = features[j] as { levels: number; logProb: number[][] };
            // A code never seen in training says nothing about the class, so it is skipped.
            if (Number.isInteger(x) && x >= 0 && x < f.levels) s += f.logProb[c][x];
          }
        }
        out[i * k + c] = s;
      }
    }
    return out;
  }

  predictProba(X: Matrix): Float64Array {
    const out = this.jointLogLikelihood(X);
    const k = this.state!.nClasses;
    for (let i = 0; i < X.rows; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) max = Math.max(max, out[i * k + c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out[i * k + c] = Math.exp(out[i * k + c] - max);
      for (let c = 0; c < k; c++) out[i * k + c] /= sum;
    }
    return out;
  }

  predict(X: Matrix): Float64Array {
    const jll = this.jointLogLikelihood(X);
    const k = this.state!.nClasses;
    return Float64Array.from({ length: X.rows }, (_, i) => argmax(jll, i * k, k));
  }
}
