import { ValidationError } from "../../errors.ts";
import { type LongCallOptions, makeThrottledProgress } from "../../progress.ts";
import type { Rng } from "../../random.ts";
import { multiplyTransposed, transpose } from "./denseProduct.ts";
import { EarlyStopWatch } from "./earlyStopWatch.ts";
import type { Activation, DenseLayer } from "./network.ts";
import {
  ABORT_CHECK_BATCHES,
  dropoutMask,
  type NetworkRows,
  nextTask,
  shuffle,
  type TrainConfig,
  type TrainResult,
  YIELD_EVERY_MS,
} from "./trainNetwork.ts";

/** tfjs' Adam defaults (tf.train.adam), kept so that both trainers run the same optimizer. */
const BETA1 = 0.9;
const BETA2 = 0.999;
/** tfjs' epsilon for float32 backends (backend.epsilon()). */
const EPSILON = 1e-7;
/** The largest float32: a loss past it is infinite in tfjs, and the weights end up as float32. */
const FLOAT32_MAX = 3.4028234663852886e38;

/** Finite in float32, where tfjs computes (NaN is not). */
const finite32 = (v: number) => Math.abs(v) <= FLOAT32_MAX;

/** One layer while training: weights inputs x outputs row-major, its Adam moments, its gradients. */
interface Layer {
  inputs: number;
  outputs: number;
  w: Float64Array;
  /** w transposed (outputs x inputs), refreshed before each forward pass. */
  wt: Float64Array;
  b: Float64Array;
  gw: Float64Array;
  gb: Float64Array;
  mw: Float64Array;
  vw: Float64Array;
  mb: Float64Array;
  vb: Float64Array;
  /** Pre-activation z and output h (after activation and dropout) for the batch, row-major. */
  z: Float64Array;
  h: Float64Array;
  /** Gradient of the loss with respect to z, then (reused) with respect to the layer's input. */
  dz: Float64Array;
}

/**
 * `trainNetwork` without tfjs, for CPUs: the same network, loss, L2 term, dropout draws, Adam
 * (tfjs' update, epsilon 1e-7), shuffles, early stopping and progress, with the forward and
 * backward passes written out over float64 typed arrays. Why: on a CPU tfjs spends its time in
 * dispatch, not arithmetic (the default 64-32 network costs ~2.5 M multiply-adds a batch of 256,
 * about 60 kernel calls each way), measured 10x-15x scikit-learn's MLP on 10,000 rows on the WASM
 * backend; here a batch is three blocked matrix products per layer and a few loops. Float64
 * arithmetic, so its numbers differ from tfjs' float32 ones in the last digits (iris' pinned
 * ladder: the MLP's log loss in the fifth); the weights come out as float32, as there, and a loss
 * beyond float32's range counts as diverged, as it does there. Deterministic: the same seed gives
 * the same weights.
 */
export async function trainDense(
  initial: DenseLayer[],
  train: NetworkRows,
  validation: NetworkRows | null,
  config: TrainConfig,
  rng: Rng,
  opts: LongCallOptions = {},
): Promise<TrainResult> {
  const { signal } = opts;
  const report = makeThrottledProgress(opts.onProgress);
  const inputs = initial[0].inputs;
  const outputs = initial[initial.length - 1].outputs;
  const { head, activation, alpha, maxEpochs, learningRate } = config;
  const keep = 1 - config.dropout;
  const n = train.rows;
  const batchSize = Math.min(config.batchSize, n);
  const shuffleRng = rng.fork();
  const dropoutRng = rng.fork();
  const held = validation && validation.rows > 0 ? validation : null;
  const scratchRows = Math.max(batchSize, held?.rows ?? 0);
  const layers: Layer[] = initial.map((l) => {
    const size = l.inputs * l.outputs;
    return {
      inputs: l.inputs,
      outputs: l.outputs,
      w: Float64Array.from(l.weights),
      wt: new Float64Array(size),
      b: Float64Array.from(l.bias),
      gw: new Float64Array(size),
      gb: new Float64Array(l.outputs),
      mw: new Float64Array(size),
      vw: new Float64Array(size),
      mb: new Float64Array(l.outputs),
      vb: new Float64Array(l.outputs),
      z: new Float64Array(scratchRows * l.outputs),
      h: new Float64Array(scratchRows * l.outputs),
      dz: new Float64Array(scratchRows * l.outputs),
    };
  });
  const xb = new Float64Array(batchSize * inputs);
  const tb = new Float64Array(batchSize * outputs);
  const wb = new Float64Array(batchSize);
  const masks: (Float32Array | null)[] = layers.map(() => null);
  const widest = Math.max(...layers.map((l) => Math.max(l.inputs, l.outputs)));
  const scratch: Scratch = {
    inputT: new Float64Array(batchSize * widest),
    dzT: new Float64Array(batchSize * widest),
  };
  let validationWeight = 0;
  if (held) for (const w of held.weights) validationWeight += w;
  const xv = held ? Float64Array.from(held.x) : null;

  const trainLoss: number[] = [];
  const validationLoss: number[] | null = held && validationWeight > 0 ? [] : null;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const watch = new EarlyStopWatch(config);
  let epoch = 0;
  let snapshot: { w: Float64Array; b: Float64Array }[] | null = null;
  let accBeta1 = BETA1;
  let accBeta2 = BETA2;
  let lastYield = performance.now();
  while (epoch < maxEpochs) {
    signal?.throwIfAborted();
    epoch++;
    shuffle(order, shuffleRng);
    let lossSum = 0;
    for (let start = 0, step = 1; start < n; start += batchSize, step++) {
      if (step % ABORT_CHECK_BATCHES === 0) signal?.throwIfAborted();
      const end = Math.min(n, start + batchSize);
      const b = end - start;
      for (let i = 0; i < b; i++) {
        const r = order[start + i];
        for (let j = 0; j < inputs; j++) xb[i * inputs + j] = train.x[r * inputs + j];
        for (let j = 0; j < outputs; j++) tb[i * outputs + j] = train.targets[r * outputs + j];
        wb[i] = train.weights[r];
      }
      // Masks drawn in tfjs' order: one per hidden layer, rows x units, before the step.
      for (let l = 0; l + 1 < layers.length; l++)
        masks[l] = keep < 1 ? dropoutMask(b * layers[l].outputs, keep, dropoutRng) : null;
      forwardPass(layers, xb, b, activation, masks);
      const last = layers[layers.length - 1];
      let data = 0;
      for (let i = 0; i < b; i++)
        data += rowLossAndGradient(last.z, tb, i, outputs, head, last.dz, wb[i] / b) * wb[i];
      let cost = data / b;
      if (alpha > 0) {
        let squares = 0;
        for (const layer of layers) for (const v of layer.w) squares += v * v;
        cost += (alpha / (2 * b)) * squares;
      }
      lossSum += cost * b;
      backwardPass(layers, xb, b, activation, masks, alpha / b, scratch);
      const oneMinusAcc1 = 1 - accBeta1;
      const oneMinusAcc2 = 1 - accBeta2;
      for (const layer of layers) {
        adam(layer.w, layer.gw, layer.mw, layer.vw, learningRate, oneMinusAcc1, oneMinusAcc2);
        adam(layer.b, layer.gb, layer.mb, layer.vb, learningRate, oneMinusAcc1, oneMinusAcc2);
      }
      accBeta1 *= BETA1;
      accBeta2 *= BETA2;
    }
    const loss = lossSum / n;
    let heldLoss: number | undefined;
    if (validationLoss && held && xv) {
      forwardPass(layers, xv, held.rows, activation, null);
      const last = layers[layers.length - 1];
      let sum = 0;
      for (let i = 0; i < held.rows; i++)
        sum += rowLossAndGradient(last.z, held.targets, i, outputs, head, null, 0) * held.weights[i];
      heldLoss = sum / validationWeight;
    }
    if (!finite32(loss) || (heldLoss !== undefined && !finite32(heldLoss))) {
      if (!(config.earlyStopping && snapshot))
        throw new ValidationError(`mlp diverged at epoch ${epoch}: lower learning_rate`);
      epoch--;
      report({
        phase: "epoch",
        done: epoch,
        total: epoch,
        message: `loss diverged; kept epoch ${watch.bestEpoch}`,
      });
      break;
    }
    trainLoss.push(loss);
    if (heldLoss !== undefined) validationLoss!.push(heldLoss);
    const metrics: Record<string, number> = { loss };
    if (heldLoss !== undefined) metrics.val_loss = heldLoss;
    const { improved, stop } = watch.observe(epoch, loss, heldLoss);
    if (improved) snapshot = layers.map((l) => ({ w: l.w.slice(), b: l.b.slice() }));
    report({
      phase: "epoch",
      done: epoch,
      total: stop ? epoch : maxEpochs,
      ...(stop ? { message: `stopped early; kept epoch ${watch.bestEpoch}` } : {}),
      metrics,
    });
    if (stop) break;
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await nextTask();
      lastYield = performance.now();
    }
  }
  const kept = snapshot ?? layers.map((l) => ({ w: l.w, b: l.b }));
  return {
    layers: initial.map((l, i) => ({
      inputs: l.inputs,
      outputs: l.outputs,
      weights: Float32Array.from(kept[i].w),
      bias: Float32Array.from(kept[i].b),
    })),
    epochs: epoch,
    bestEpoch: watch.bestEpoch,
    trainLoss,
    validationLoss,
  };
}

/** z = h W + b for each layer; hidden layers then apply the activation and the dropout mask. */
function forwardPass(
  layers: Layer[],
  x: Float64Array,
  rows: number,
  activation: Activation,
  masks: (Float32Array | null)[] | null,
): void {
  let input = x;
  for (let l = 0; l < layers.length; l++) {
    const { inputs, outputs, w, wt, b, z, h } = layers[l];
    transpose(w, inputs, outputs, wt);
    multiplyTransposed(input, wt, rows, outputs, inputs, z);
    for (let r = 0; r < rows; r++) for (let j = 0; j < outputs; j++) z[r * outputs + j] += b[j];
    if (l === layers.length - 1) break;
    const mask = masks?.[l] ?? null;
    const size = rows * outputs;
    if (activation === "relu") for (let i = 0; i < size; i++) h[i] = Math.max(z[i], 0);
    else for (let i = 0; i < size; i++) h[i] = Math.tanh(z[i]);
    if (mask) for (let i = 0; i < size; i++) h[i] *= mask[i];
    input = h;
  }
}

/**
 * Row i's loss from the output scores (as `rowLosses`), and, when `grad` is given, its gradient
 * times `scale` (the row's weight / batch rows) into grad[i]: squared error 2 (s - t), sigmoid
 * cross-entropy σ(s) - y, softmax cross-entropy softmax(s) Σt - t.
 */
function rowLossAndGradient(
  scores: Float64Array,
  targets: ArrayLike<number>,
  i: number,
  outputs: number,
  head: TrainConfig["head"],
  grad: Float64Array | null,
  scale: number,
): number {
  const o = i * outputs;
  if (head === "regression") {
    let loss = 0;
    for (let j = 0; j < outputs; j++) {
      const d = scores[o + j] - targets[o + j];
      loss += d * d;
      if (grad) grad[o + j] = 2 * d * scale;
    }
    return loss;
  }
  if (head === "binary") {
    const z = scores[o];
    const y = targets[o];
    if (grad) grad[o] = (1 / (1 + Math.exp(-z)) - y) * scale;
    return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < outputs; j++) max = Math.max(max, scores[o + j]);
  let sum = 0;
  for (let j = 0; j < outputs; j++) sum += Math.exp(scores[o + j] - max);
  const logSum = Math.log(sum) + max;
  let loss = 0;
  let total = 0;
  for (let j = 0; j < outputs; j++) {
    loss -= targets[o + j] * (scores[o + j] - logSum);
    total += targets[o + j];
  }
  if (grad)
    for (let j = 0; j < outputs; j++)
      grad[o + j] = (Math.exp(scores[o + j] - logSum) * total - targets[o + j]) * scale;
  return loss;
}

/**
 * Gradients of the batch cost, given the output layer's dz: per layer gw = inputᵀ dz + l2 W,
 * gb = Σ dz, and the input's gradient dz Wᵀ, through the mask and the activation into the layer
 * below's dz. `l2` is alpha / batch rows, the derivative of alpha / (2 rows) Σ W².
 */
function backwardPass(
  layers: Layer[],
  x: Float64Array,
  rows: number,
  activation: Activation,
  masks: (Float32Array | null)[],
  l2: number,
  scratch: Scratch,
): void {
  for (let l = layers.length - 1; l >= 0; l--) {
    const { inputs, outputs, w, gw, gb, dz } = layers[l];
    const input = l > 0 ? layers[l - 1].h : x;
    transpose(input, rows, inputs, scratch.inputT);
    transpose(dz, rows, outputs, scratch.dzT);
    multiplyTransposed(scratch.inputT, scratch.dzT, inputs, outputs, rows, gw);
    for (let i = 0; i < gw.length; i++) gw[i] += l2 * w[i];
    for (let j = 0; j < outputs; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += scratch.dzT[j * rows + r];
      gb[j] = s;
    }
    if (l === 0) break;
    const below = layers[l - 1];
    const dzBelow = below.dz;
    multiplyTransposed(dz, w, rows, inputs, outputs, dzBelow);
    const mask = masks[l - 1];
    const size = rows * inputs;
    const zb = below.z;
    if (activation === "relu") {
      for (let i = 0; i < size; i++) if (!(zb[i] > 0)) dzBelow[i] = 0;
    } else {
      for (let i = 0; i < size; i++) {
        const t = Math.tanh(zb[i]);
        dzBelow[i] *= 1 - t * t;
      }
    }
    if (mask) for (let i = 0; i < size; i++) dzBelow[i] *= mask[i];
  }
}

/** Buffers for the transposes the backward pass takes. */
interface Scratch {
  inputT: Float64Array;
  dzT: Float64Array;
}

/** tfjs' Adam step for one variable (moments updated in place, bias-corrected step). */
function adam(
  value: Float64Array,
  grad: Float64Array,
  m: Float64Array,
  v: Float64Array,
  lr: number,
  oneMinusAcc1: number,
  oneMinusAcc2: number,
): void {
  for (let i = 0; i < value.length; i++) {
    const g = grad[i];
    const mi = BETA1 * m[i] + (1 - BETA1) * g;
    const vi = BETA2 * v[i] + (1 - BETA2) * g * g;
    m[i] = mi;
    v[i] = vi;
    value[i] -= (lr * (mi / oneMinusAcc1)) / (Math.sqrt(vi / oneMinusAcc2) + EPSILON);
  }
}
