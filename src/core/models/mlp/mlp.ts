import * as tf from "@tensorflow/tfjs";
import { ValidationError } from "../../errors.ts";
import { makeRng } from "../../random.ts";
import { BaseEstimator, defineArtifact } from "../baseEstimator.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, assertFiniteFeatures, checkPredictInput, classCount, readWeights } from "../fitChecks.ts";
import { validationSplit } from "../gbdt/validationSplit.ts";
import { type Head, probabilities } from "./losses.ts";
import { MLP_META, type MlpParams } from "./meta.ts";
import { readMlpParams } from "./mlpParams.ts";
import { readMlpState } from "./mlpState.ts";
import { type DenseLayer, glorotLayers, predictScores } from "./network.ts";
import { type InputLayout, trainDense } from "./trainDense.ts";
import { type NetworkRows, trainNetwork } from "./trainNetwork.ts";

/**
 * tfjs backends that run on the CPU: there the network trains in float64 typed arrays with
 * WebAssembly SIMD kernels (`trainDense`, same math, no per-kernel dispatch) and the state records
 * "js". A GPU backend, chosen by measurement (workers/backends.ts), keeps tfjs.
 */
const CPU_BACKENDS = new Set(["cpu", "wasm"]);

const TYPE = "mlp";
const AUTO_BATCH = 256;

import type { MlpState } from "./mlpState.ts";

export type { DenseLayerJSON, MlpState } from "./mlpState.ts";

/** In memory the layers hold Float32Arrays. */
type FittedMlp = Omit<MlpState, "layers"> & { layers: DenseLayer[] };

const ARTIFACT = defineArtifact<MlpParams, FittedMlp, MlpState>({
  type: TYPE,
  defaults: MLP_META.defaults,
  migrations: [],
  parseState: readMlpState,
  saveState: ({ layers, ...rest }): MlpState => ({
    ...rest,
    layers: layers.map((l) => ({
      inputs: l.inputs,
      outputs: l.outputs,
      weights: Array.from(l.weights),
      bias: Array.from(l.bias),
    })),
  }),
});

/** Rows `idx` of X and their targets, as float32 for tensors; weights scaled by `weightScale`. */
function pickRows(
  X: Matrix,
  targets: Float32Array,
  outputs: number,
  w: Float64Array,
  idx: Uint32Array,
  weightScale: number,
): NetworkRows {
  const p = X.cols;
  const x = new Float32Array(idx.length * p);
  const t = new Float32Array(idx.length * outputs);
  const weights = new Float32Array(idx.length);
  const data = X.data;
  // Plain loops: a subarray per row allocated two objects a row (100,000 rows: ~100 ms with the GC).
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i];
    for (let j = 0, from = r * p, to = i * p; j < p; j++) x[to + j] = data[from + j];
    for (let j = 0, from = r * outputs, to = i * outputs; j < outputs; j++) t[to + j] = targets[from + j];
    weights[i] = w[r] * weightScale;
  }
  return { x, targets: t, weights, rows: idx.length };
}

/**
 * A multilayer perceptron (dense layers, relu or tanh, inverted dropout) trained with tfjs by
 * mini-batch Adam, after scikit-learn's MLPRegressor / MLPClassifier: L2 penalty alpha, squared
 * error on standardised targets, sigmoid cross-entropy for two classes, softmax cross-entropy for
 * more; sample weights weight each row's loss. Early stopping holds out a seeded (stratified)
 * share of rows and keeps the best epoch's weights. The weights live as Float32Arrays between
 * calls; predict builds its tensors inside tf.tidy, so a fitted model holds no tensors.
 */
export class Mlp extends BaseEstimator<MlpParams, FittedMlp, MlpState> {
  static readonly artifact = ARTIFACT;
  /**
   * Switch for tests and benchmarks, not a parameter: "tfjs" trains with tfjs on every backend,
   * "auto" uses `trainDense` on the CPU backends (WebAssembly SIMD kernels where the host has
   * them), "js" uses it there with the JS kernels (same numbers).
   */
  trainer: "auto" | "js" | "tfjs" = "auto";
  /** Switch for tests and benches: the typed-array trainer's first-layer input layout (same weights either way). */
  inputLayout: InputLayout = "auto";

  async fit(X: Matrix, y: Target, opts?: FitOptions): Promise<this> {
    validateFitInput(X, y, opts);
    assertFiniteFeatures(X);
    const settings = readMlpParams(this.params);
    if (X.cols < 1) throw new ValidationError("mlp needs at least one feature column");
    const k = y.classes ? classCount(y, TYPE, 2) : 0;
    const head: Head = k === 0 ? "regression" : k === 2 ? "binary" : "multiclass";
    const outputs = k === 2 ? 1 : Math.max(1, k);
    const w = readWeights(opts, X.rows);
    const rng = makeRng(opts?.seed ?? 0);
    const initRng = rng.fork();
    const splitRng = rng.fork();
    const trainRng = rng.fork();

    const all = Uint32Array.from({ length: X.rows }, (_, i) => i);
    const split = settings.earlyStopping
      ? validationSplit(y.values, settings.validationFraction, k > 0, splitRng)
      : { train: all, validation: new Uint32Array(0) };

    let mean = 0;
    let scale = 1;
    if (head === "regression") {
      for (const r of split.train) mean += y.values[r] / split.train.length;
      let variance = 0;
      for (const r of split.train) variance += (y.values[r] - mean) ** 2 / split.train.length;
      scale = Math.sqrt(variance) || 1;
    }
    const targets = new Float32Array(X.rows * outputs);
    for (let i = 0; i < X.rows; i++) {
      const v = y.values[i];
      if (head === "regression") targets[i] = (v - mean) / scale;
      else if (head === "binary") targets[i] = v;
      else targets[i * outputs + v] = 1;
    }
    // Training weights scaled to mean 1, so that weights change the balance between rows, not the step size.
    let trainWeight = 0;
    for (const r of split.train) trainWeight += w[r];
    if (!(trainWeight > 0)) throw new ValidationError("invalid sample weights: the training rows sum to 0");
    const train = pickRows(X, targets, outputs, w, split.train, split.train.length / trainWeight);
    const validation =
      split.validation.length > 0 ? pickRows(X, targets, outputs, w, split.validation, 1) : null;

    await tf.ready();
    const tfBackend = tf.getBackend();
    const onCpu = this.trainer !== "tfjs" && CPU_BACKENDS.has(tfBackend);
    const backend = onCpu ? "js" : tfBackend;
    const layers = glorotLayers([X.cols, ...settings.hidden, outputs], initRng);
    const config = { ...settings, head, batchSize: settings.batchSize ?? Math.min(AUTO_BATCH, train.rows) };
    const result = onCpu
      ? await trainDense(
          layers,
          train,
          validation,
          config,
          trainRng,
          opts,
          this.trainer === "js" ? "js" : "auto",
          this.inputLayout,
        )
      : await trainNetwork(layers, train, validation, config, trainRng, opts);
    this.state = {
      layers: result.layers,
      task: head,
      n_classes: k,
      features: [...X.names],
      backend,
      target_mean: mean,
      target_scale: scale,
      n_epochs: result.epochs,
      best_epoch: result.bestEpoch,
      train_loss: result.trainLoss,
      validation_loss: result.validationLoss,
    };
    return this;
  }

  private scores(X: Matrix): { scores: Float32Array; state: FittedMlp } {
    const state = this.fitted();
    checkPredictInput(X, state.layers[0].inputs, TYPE);
    return { scores: predictScores(state.layers, this.params.activation, X.data, X.rows), state };
  }

  protected shapeOf(s: FittedMlp): FittedShape {
    return { features: s.features.length, classes: s.n_classes };
  }

  predictProba(X: Matrix): Float64Array {
    const { scores, state } = this.scores(X);
    if (state.n_classes === 0) throw new ValidationError("mlp regression has no class probabilities");
    return probabilities(scores, X.rows, state.n_classes);
  }

  predict(X: Matrix): Float64Array {
    const { scores, state } = this.scores(X);
    const k = state.n_classes;
    if (k === 0) return Float64Array.from(scores, (s) => state.target_mean + state.target_scale * s);
    const proba = probabilities(scores, X.rows, k);
    return Float64Array.from({ length: X.rows }, (_, i) => argmax(proba, i * k, k));
  }
}
