import * as tf from "@tensorflow/tfjs";
import { ValidationError } from "../../errors.ts";
import { type LongCallOptions, makeThrottledProgress } from "../../progress.ts";
import type { Rng } from "../../random.ts";
import { EarlyStopWatch } from "./earlyStopWatch.ts";
import { type Head, rowLosses } from "./losses.ts";
import { type Activation, type DenseLayer, forward, type LayerTensors } from "./network.ts";

/** Rows for training or validation: features rows x inputs, targets rows x outputs, a weight per row. */
export interface NetworkRows {
  x: Float32Array;
  targets: Float32Array;
  weights: Float32Array;
  rows: number;
}

export interface TrainConfig {
  head: Head;
  activation: Activation;
  dropout: number;
  learningRate: number;
  batchSize: number;
  maxEpochs: number;
  /** Stop when the monitored loss stalls for `patience` epochs and keep the best weights. */
  earlyStopping: boolean;
  patience: number;
  tol: number;
  alpha: number;
}

export interface TrainResult {
  layers: DenseLayer[];
  epochs: number;
  /** The epoch whose weights were kept. */
  bestEpoch: number;
  /** Mean training loss per epoch, L2 term included, dropout on. */
  trainLoss: number[];
  /** Weighted mean loss on the held-out rows per epoch; null without them. */
  validationLoss: number[] | null;
}

/** Lets the event loop run, so that a worker sees an abort message between epochs. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Longest stretch, in ms, between two event-loop turns. Tiny epochs (a few ms) yield less often
 * than every epoch, since a timer turn costs about 1 ms in Node and 4 ms in browsers once nested.
 */
export const YIELD_EVERY_MS = 15;

/** How often, in batches, a long epoch checks its abort signal. */
export const ABORT_CHECK_BATCHES = 20;

export function shuffle(order: Int32Array, rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

/**
 * The rows of one batch, copied out in JS: cheaper than tf.gather on the CPU backend (measured
 * ~2-4 ms a batch of 256 x 20), and only a batch at a time goes to a GPU. Fresh arrays each time,
 * since a backend may keep a reference to the array a tensor was made from.
 */
function batchRows(rows: NetworkRows, idx: Int32Array, inputs: number, outputs: number): NetworkRows {
  const x = new Float32Array(idx.length * inputs);
  const targets = new Float32Array(idx.length * outputs);
  const weights = new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i];
    x.set(rows.x.subarray(r * inputs, (r + 1) * inputs), i * inputs);
    targets.set(rows.targets.subarray(r * outputs, (r + 1) * outputs), i * outputs);
    weights[i] = rows.weights[r];
  }
  return { x, targets, weights, rows: idx.length };
}

/** Inverted dropout mask from the seeded generator: 0 with probability 1 - keep, else 1 / keep. */
export function dropoutMask(size: number, keep: number, rng: Rng): Float32Array {
  const mask = new Float32Array(size);
  const scale = 1 / keep;
  for (let i = 0; i < size; i++) mask[i] = rng.next() < keep ? scale : 0;
  return mask;
}

/**
 * Mini-batch Adam on the weighted mean loss plus alpha / (2 batch) * sum(W^2), as scikit-learn's
 * MLP. Shuffling and dropout draw from `rng`, so a seed gives the same run on the CPU backend.
 * With early stopping, the monitored loss is the held-out loss (the training loss when no rows
 * were held out) and the best epoch's weights are kept, as Keras' `restore_best_weights`.
 * Every tensor made here is disposed before it returns or throws (an abort included).
 */
export async function trainNetwork(
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
  const hiddenUnits = initial.slice(0, -1).map((l) => l.outputs);
  const { head, activation, alpha, maxEpochs } = config;
  const keep = 1 - config.dropout;
  const n = train.rows;
  const batchSize = Math.min(config.batchSize, n);
  const shuffleRng = rng.fork();
  const dropoutRng = rng.fork();

  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(t: T): T => {
    owned.push(t);
    return t;
  };
  let snapshot: tf.Tensor[] | null = null;
  let epochSum: tf.Tensor | null = null;
  const optimizer = tf.train.adam(config.learningRate);
  try {
    const vars: LayerTensors[] = initial.map((l) => ({
      w: own(tf.tidy(() => tf.variable(tf.tensor2d(l.weights, [l.inputs, l.outputs])))),
      b: own(tf.tidy(() => tf.variable(tf.tensor1d(l.bias)))),
    }));
    const varList = vars.flatMap((v) => [v.w, v.b]) as tf.Variable[];
    const held = validation && validation.rows > 0 ? validation : null;
    let validationWeight = 0;
    if (held) for (const w of held.weights) validationWeight += w;
    const xV = held && own(tf.tensor2d(held.x, [held.rows, inputs]));
    const yV = held && own(tf.tensor2d(held.targets, [held.rows, outputs]));
    const wV = held && own(tf.tensor1d(held.weights));

    const trainLoss: number[] = [];
    const validationLoss: number[] | null = held && validationWeight > 0 ? [] : null;
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const watch = new EarlyStopWatch(config);
    let epoch = 0;
    let lastYield = performance.now();
    while (epoch < maxEpochs) {
      signal?.throwIfAborted();
      epoch++;
      shuffle(order, shuffleRng);
      for (let start = 0, step = 1; start < n; start += batchSize, step++) {
        if (step % ABORT_CHECK_BATCHES === 0) signal?.throwIfAborted();
        const end = Math.min(n, start + batchSize);
        const b = end - start;
        const sum: tf.Tensor | null = epochSum;
        const next: tf.Tensor = tf.tidy(() => {
          const rows = batchRows(train, order.subarray(start, end), inputs, outputs);
          const xb = tf.tensor2d(rows.x, [b, inputs]);
          const yb = tf.tensor2d(rows.targets, [b, outputs]);
          const wb = tf.tensor1d(rows.weights);
          const masks =
            keep < 1
              ? hiddenUnits.map((u) => tf.tensor2d(dropoutMask(b * u, keep, dropoutRng), [b, u]))
              : undefined;
          const cost = optimizer.minimize(
            () => {
              const losses = rowLosses(forward(xb, vars, activation, masks), yb, head);
              const data = tf.div(tf.sum(tf.mul(losses, wb)), b);
              if (!(alpha > 0)) return data as tf.Scalar;
              const squares = tf.addN(vars.map((v) => tf.sum(tf.square(v.w))));
              return tf.add(data, tf.mul(squares, alpha / (2 * b))) as tf.Scalar;
            },
            true,
            varList,
          )!;
          const weighted = tf.mul(cost, b);
          return sum ? tf.add(sum, weighted) : weighted;
        });
        sum?.dispose();
        epochSum = next;
      }
      const lossSum = epochSum!;
      epochSum = null;
      const loss = (await lossSum.data())[0] / n;
      lossSum.dispose();
      let heldLoss: number | undefined;
      if (validationLoss && xV && yV && wV) {
        const t = tf.tidy(() => tf.sum(tf.mul(rowLosses(forward(xV, vars, activation), yV, head), wV)));
        heldLoss = (await t.data())[0] / validationWeight;
        t.dispose();
      }
      if (!Number.isFinite(loss) || (heldLoss !== undefined && !Number.isFinite(heldLoss))) {
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
      if (improved) {
        const copy = varList.map((v) => tf.clone(v));
        if (snapshot) tf.dispose(snapshot);
        snapshot = copy;
      }
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

    const source: tf.Tensor[] = snapshot ?? varList;
    const values = await Promise.all(source.map((t) => t.data() as Promise<Float32Array>));
    const layers = initial.map((l, i) => ({
      inputs: l.inputs,
      outputs: l.outputs,
      weights: new Float32Array(values[2 * i]),
      bias: new Float32Array(values[2 * i + 1]),
    }));
    return { layers, epochs: epoch, bestEpoch: watch.bestEpoch, trainLoss, validationLoss };
  } finally {
    tf.dispose(owned);
    if (snapshot) tf.dispose(snapshot);
    if (epochSum) tf.dispose(epochSum);
    optimizer.dispose();
  }
}
