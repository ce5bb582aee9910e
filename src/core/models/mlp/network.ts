import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../../random.ts";

/** One dense layer's learned values: `weights` is inputs x outputs, row-major. */
export interface DenseLayer {
  inputs: number;
  outputs: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** A layer as tensors (tf.Variable while training, plain tensors while predicting). */
export interface LayerTensors {
  w: tf.Tensor2D;
  b: tf.Tensor1D;
}

export type Activation = "relu" | "tanh";

/**
 * Fresh layers for `sizes` (inputs, hidden..., outputs): Glorot / Xavier uniform weights,
 * U(-l, l) with l = sqrt(6 / (fan_in + fan_out)) as Keras' default initializer, drawn from the
 * seeded generator rather than tfjs' own so that a seed means the same start on every backend;
 * zero biases.
 */
export function glorotLayers(sizes: number[], rng: Rng): DenseLayer[] {
  const layers: DenseLayer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const inputs = sizes[i];
    const outputs = sizes[i + 1];
    const limit = Math.sqrt(6 / (inputs + outputs));
    const weights = new Float32Array(inputs * outputs);
    for (let j = 0; j < weights.length; j++) weights[j] = (2 * rng.next() - 1) * limit;
    layers.push({ inputs, outputs, weights, bias: new Float32Array(outputs) });
  }
  return layers;
}

/** The layers as new tensors (the caller disposes them, or builds them inside tf.tidy). */
export function layerTensors(layers: DenseLayer[]): LayerTensors[] {
  return layers.map((l) => ({
    w: tf.tensor2d(l.weights, [l.inputs, l.outputs]),
    b: tf.tensor1d(l.bias),
  }));
}

/**
 * The output layer's raw scores (no final activation). `masks`, while training, holds one inverted
 * dropout mask (0 or 1 / keep) per hidden layer, applied after its activation.
 */
export function forward(
  x: tf.Tensor2D,
  layers: LayerTensors[],
  activation: Activation,
  masks?: tf.Tensor2D[],
): tf.Tensor2D {
  let h = x;
  for (let i = 0; i < layers.length; i++) {
    const hidden = i < layers.length - 1;
    // relu fuses into the matMul kernel (tfjs falls back to separate ops when taking gradients).
    const fused = hidden && activation === "relu" ? "relu" : "linear";
    h = tf.fused.matMul({ a: h, b: layers[i].w, bias: layers[i].b, activation: fused }) as tf.Tensor2D;
    if (hidden && activation === "tanh") h = tf.tanh(h);
    if (hidden && masks) h = tf.mul(h, masks[i]);
  }
  return h;
}

const PREDICT_CHUNK = 16_384;

/**
 * `predictScores` in plain JS: the same dense layers and activations, summed in float64. For
 * WebGPU, whose synchronous read goes through an OffscreenCanvas; in a worker on Chromium's
 * software adapter that broke the device for every later read ("mapAsync: A valid external
 * Instance reference no longer exists"). Predicting is cheap next to training.
 */
function predictScoresJs(
  layers: DenseLayer[],
  activation: Activation,
  data: Float32Array | Float64Array,
  rows: number,
): Float32Array {
  let width = layers[0].inputs;
  let h: Float64Array = Float64Array.from(data.subarray(0, rows * width));
  for (let i = 0; i < layers.length; i++) {
    const { inputs, outputs, weights, bias } = layers[i];
    const hidden = i < layers.length - 1;
    const next = new Float64Array(rows * outputs);
    for (let r = 0; r < rows; r++) {
      const o = r * outputs;
      for (let j = 0; j < outputs; j++) next[o + j] = bias[j];
      for (let k = 0; k < inputs; k++) {
        const v = h[r * width + k];
        if (v === 0) continue;
        const w = k * outputs;
        for (let j = 0; j < outputs; j++) next[o + j] += v * weights[w + j];
      }
      if (hidden) {
        for (let j = 0; j < outputs; j++) {
          const z = next[o + j];
          next[o + j] = activation === "relu" ? Math.max(z, 0) : Math.tanh(z);
        }
      }
    }
    h = next;
    width = outputs;
  }
  return Float32Array.from(h);
}

/** Raw output scores for every row of `data` (rows x inputs), rows x outputs, computed in chunks. */
export function predictScores(
  layers: DenseLayer[],
  activation: Activation,
  data: Float32Array | Float64Array,
  rows: number,
): Float32Array {
  if (tf.getBackend() === "webgpu") return predictScoresJs(layers, activation, data, rows);
  const inputs = layers[0].inputs;
  const outputs = layers[layers.length - 1].outputs;
  const out = new Float32Array(rows * outputs);
  for (let start = 0; start < rows; start += PREDICT_CHUNK) {
    const end = Math.min(rows, start + PREDICT_CHUNK);
    const chunk = Float32Array.from(data.subarray(start * inputs, end * inputs));
    const scores = tf.tidy(() => {
      const x = tf.tensor2d(chunk, [end - start, inputs]);
      return forward(x, layerTensors(layers), activation).dataSync();
    });
    out.set(scores, start * outputs);
  }
  return out;
}
