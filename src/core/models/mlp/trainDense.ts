import { ValidationError } from "../../errors.ts";
import { type LongCallOptions, makeThrottledProgress } from "../../progress.ts";
import type { Rng } from "../../random.ts";
import { heapNetwork } from "./denseLayers.ts";
import { backwardPass, type Dropout, forwardPass, gatherRows } from "./densePasses.ts";
import { EarlyStopWatch } from "./earlyStopWatch.ts";
import type { DenseLayer } from "./network.ts";
import { compressRows, nonZeros, SPARSE_DENSITY } from "./sparseRows.ts";
import {
  ABORT_CHECK_BATCHES,
  type NetworkRows,
  nextTask,
  shuffle,
  type TrainConfig,
  type TrainResult,
  YIELD_EVERY_MS,
} from "./trainNetwork.ts";

/**
 * How the first layer reads the batch: "auto" compressed rows below SPARSE_DENSITY non-zeros,
 * else dense; "dense" / "sparse" force one (tests and benches: both give the same weights).
 */
export type InputLayout = "auto" | "dense" | "sparse";

/**
 * Dense training and held-out rows together up to this many values are kept in the kernels' heap
 * (float32, 4 bytes a value beside the caller's copy), where a kernel gathers each batch; past it
 * (more memory than a batch copy is worth) JS gathers from the caller's arrays. The same batches
 * either way. An object, so that tests can lower it.
 */
export const KEEP_LIMIT = { values: 1 << 22 };

/** tfjs' Adam defaults (tf.train.adam), kept so that both trainers run the same optimizer. */
const BETA1 = 0.9;
const BETA2 = 0.999;
/** tfjs' epsilon for float32 backends (backend.epsilon()). */
const EPSILON = 1e-7;
/** The largest float32: a loss past it is infinite in tfjs, and the weights end up as float32. */
const FLOAT32_MAX = 3.4028234663852886e38;

/** Finite in float32, where tfjs computes (NaN is not). */
const finite32 = (v: number) => Math.abs(v) <= FLOAT32_MAX;

/**
 * `trainNetwork` without tfjs, for CPUs: the same network, loss, L2 term, dropout draws, Adam
 * (tfjs' update, epsilon 1e-7), shuffles, early stopping and progress, with the forward and
 * backward passes as float64 matrix kernels in WebAssembly SIMD (src/core/wasm, the same kernels
 * in JS where the host lacks it; both give the same bits). Why: on a CPU tfjs spends its time in
 * dispatch, not arithmetic (the default 64-32 network costs ~2.5 M multiply-adds a batch of 256,
 * about 60 kernel calls each way), measured 10x-15x scikit-learn's MLP on 10,000 rows on the WASM
 * backend. Float64 arithmetic, so its numbers differ from tfjs' float32 ones in the last digits
 * (iris' pinned ladder: the MLP's log loss in the fifth); the weights come out as float32, as
 * there, and a loss beyond float32's range counts as diverged, as it does there. Deterministic:
 * the same seed gives the same weights. The held-out rows are scored a batch at a time, so the
 * heap holds one batch whatever the row count.
 */
export async function trainDense(
  initial: DenseLayer[],
  train: NetworkRows,
  validation: NetworkRows | null,
  config: TrainConfig,
  rng: Rng,
  opts: LongCallOptions = {},
  use: "auto" | "js" = "auto",
  layout: InputLayout = "auto",
): Promise<TrainResult> {
  const { signal } = opts;
  const report = makeThrottledProgress(opts.onProgress);
  const outputs = initial[initial.length - 1].outputs;
  const { head, activation, alpha, maxEpochs, learningRate } = config;
  const keep = 1 - config.dropout;
  // The mask's value where a unit is kept: 1 / keep as float32, as in tfjs' mask tensor.
  const kept32 = Math.fround(1 / keep);
  const n = train.rows;
  const batchSize = Math.min(config.batchSize, n);
  const shuffleRng = rng.fork();
  // rng.fork() is makeRng(Math.floor(rng.next() * 2 ** 32)): the masks draw that generator's
  // stream (mulberry32) in the dropout kernel, its state kept here.
  // One object for the whole fit (its state advanced in place): no allocation a batch.
  const dropout: Dropout = { state: Math.floor(rng.next() * 4294967296) | 0, keep, kept: kept32 };
  const held = validation && validation.rows > 0 ? validation : null;
  // Mostly-zero inputs (one-hot blocks): the first layer skips them, with the same sums (sparseRows.ts).
  const inputs = initial[0].inputs;
  const trainEntries = layout === "dense" ? 0 : nonZeros(train.x);
  const sparse = layout === "auto" ? trainEntries < SPARSE_DENSITY * train.x.length : layout === "sparse";
  const sets = [{ rows: n, entries: trainEntries }];
  if (sparse && held) sets.push({ rows: held.rows, entries: nonZeros(held.x) });
  // Dense rows up to KEEP_LIMIT values go into the heap, where a kernel gathers each batch.
  const keepRows = !sparse && train.x.length + (held ? held.x.length : 0) <= KEEP_LIMIT.values;
  const net = heapNetwork(
    initial,
    batchSize,
    use,
    sparse ? sets : null,
    keepRows ? (held ? [train, held] : [train]) : null,
  );
  if (net.sparse) {
    compressRows(train, inputs, initial[0].outputs, net.sparse[0], net.kernels.heap, net.kernels.ints);
    if (held)
      compressRows(held, inputs, initial[0].outputs, net.sparse[1], net.kernels.heap, net.kernels.ints);
  }
  const { kernels, layers } = net;
  const last = layers[layers.length - 1];
  const tb = net.targetsView;
  const wb = net.weightsView;
  let validationWeight = 0;
  if (held) for (const w of held.weights) validationWeight += w;

  const trainLoss: number[] = [];
  const validationLoss: number[] | null = held && validationWeight > 0 ? [] : null;
  // With compressed rows the orders live in the heap, where the kernels read each batch's rows.
  const inHeap = net.sparse ?? net.kept;
  const order = inHeap ? inHeap[0].orderView : Int32Array.from({ length: n }, (_, i) => i);
  const heldOrder = held
    ? inHeap
      ? inHeap[1].orderView
      : Int32Array.from({ length: held.rows }, (_, i) => i)
    : null;
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
      const b = Math.min(n, start + batchSize) - start;
      gatherRows(net, 0, train, order, start, b, tb, wb);
      // Masks drawn in tfjs' order: one per hidden layer, rows x units (in the forward pass).
      const masked = keep < 1;
      if (masked) dropout.state = forwardPass(net, 0, start, b, activation, dropout);
      else forwardPass(net, 0, start, b, activation, null);
      let cost = batchLoss(last.zView, tb, wb, b, outputs, head, last.dzView, 0) / b;
      if (alpha > 0) {
        let squares = 0;
        for (const layer of layers) squares = addSquares(layer.wView, squares);
        cost += (alpha / (2 * b)) * squares;
      }
      lossSum += cost * b;
      backwardPass(net, start, b, activation, masked, alpha / b);
      const oneMinusAcc1 = 1 - accBeta1;
      const oneMinusAcc2 = 1 - accBeta2;
      for (const l of layers) {
        kernels.adam(
          l.w,
          l.gw,
          l.mw,
          l.vw,
          l.inputs * l.outputs,
          learningRate,
          BETA1,
          BETA2,
          oneMinusAcc1,
          oneMinusAcc2,
          EPSILON,
        );
        kernels.adam(
          l.b,
          l.gb,
          l.mb,
          l.vb,
          l.outputs,
          learningRate,
          BETA1,
          BETA2,
          oneMinusAcc1,
          oneMinusAcc2,
          EPSILON,
        );
      }
      accBeta1 *= BETA1;
      accBeta2 *= BETA2;
    }
    const loss = lossSum / n;
    let heldLoss: number | undefined;
    if (validationLoss && held && heldOrder) {
      let sum = 0;
      for (let start = 0; start < held.rows; start += batchSize) {
        const b = Math.min(held.rows, start + batchSize) - start;
        gatherRows(net, 1, held, heldOrder, start, b, tb, wb);
        forwardPass(net, 1, start, b, activation, null);
        sum = batchLoss(last.zView, tb, wb, b, outputs, head, null, sum);
      }
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
    if (improved) snapshot = layers.map((l) => ({ w: l.wView.slice(), b: l.bView.slice() }));
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
  const result = snapshot ?? layers.map((l) => ({ w: l.wView, b: l.bView }));
  return {
    layers: initial.map((l, i) => ({
      inputs: l.inputs,
      outputs: l.outputs,
      weights: Float32Array.from(result[i].w),
      bias: Float32Array.from(result[i].b),
    })),
    epochs: epoch,
    bestEpoch: watch.bestEpoch,
    trainLoss,
    validationLoss,
  };
}

/**
 * `sum` plus the batch's weighted row losses, added in row order, and each row's gradient (times
 * its weight / b) into `grad` when given. A function of its own, as `addSquares`.
 */
function batchLoss(
  scores: Float64Array,
  targets: Float64Array,
  weights: Float64Array,
  b: number,
  outputs: number,
  head: TrainConfig["head"],
  grad: Float64Array | null,
  sum: number,
): number {
  for (let i = 0; i < b; i++)
    sum +=
      rowLossAndGradient(scores, targets, i, outputs, head, grad, grad ? weights[i] / b : 0) * weights[i];
  return sum;
}

/**
 * `sum` plus the squares of `w`, added in order (the L2 term's sum). A function of its own: written
 * inline in trainDense's batch loop, V8 ran it several times slower (the L2 term took 5 of 28 ms an
 * epoch at 6,309 x 118 rows, about 1.5 ms here). Same order, same sum.
 */
function addSquares(w: Float64Array, sum: number): number {
  for (let i = 0; i < w.length; i++) sum += w[i] * w[i];
  return sum;
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
    const e = Math.exp(-Math.abs(z));
    // exp(-z) is e itself where z >= 0 (also at -0: exp(+0) = exp(-0)): one exp fewer, same bits.
    if (grad) grad[o] = (1 / (1 + (z >= 0 ? e : Math.exp(-z))) - y) * scale;
    return Math.max(z, 0) - z * y + Math.log1p(e);
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
