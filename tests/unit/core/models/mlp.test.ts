import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { Mlp } from "../../../../src/core/models/mlp/mlp.ts";
import { getModel } from "../../../../src/core/models/registry.ts";
import type { Progress } from "../../../../src/core/progress.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { loadDataset, synthetic } from "./datasets.ts";

// Importing the WASM backend registers it with a higher priority than CPU, so pin CPU here and
// switch only inside the WASM test.
beforeAll(async () => {
  await tf.setBackend("cpu");
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

/** Rows `idx` of X and y. */
function take(X: Matrix, y: Target, idx: number[]): { X: Matrix; y: Target } {
  const data = new Float64Array(idx.length * X.cols);
  for (const [i, r] of idx.entries()) data.set(X.data.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols);
  const values = Float64Array.from(idx, (r) => y.values[r]);
  return { X: { ...X, data, rows: idx.length }, y: { values, classes: y.classes } };
}

/** Seeded holdout split: `share` of the rows for testing. */
function holdout(X: Matrix, y: Target, share: number, seed: number) {
  const rng = makeRng(seed);
  const order = Array.from({ length: X.rows }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cut = Math.round(X.rows * share);
  return { train: take(X, y, order.slice(cut)), test: take(X, y, order.slice(0, cut)) };
}

function accuracy(pred: Float64Array, y: Target): number {
  let hits = 0;
  for (let i = 0; i < pred.length; i++) hits += pred[i] === y.values[i] ? 1 : 0;
  return hits / pred.length;
}

function r2(pred: Float64Array, y: Target): number {
  const mean = y.values.reduce((a, b) => a + b, 0) / y.values.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < pred.length; i++) {
    ssRes += (y.values[i] - pred[i]) ** 2;
    ssTot += (y.values[i] - mean) ** 2;
  }
  return 1 - ssRes / ssTot;
}

/** y = 2a - b + noise on standard normal a, b (and one pure-noise feature c). */
function linearData(rows: number, seed: number): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const data = new Float64Array(rows * 3);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < 3; c++) data[r * 3 + c] = normal();
    values[r] = 2 * data[r * 3] - data[r * 3 + 1] + 0.3 * normal();
  }
  return { X: { data, rows, cols: 3, names: ["a", "b", "c"] }, y: { values } };
}

const iris = holdout(loadDataset("iris").X, loadDataset("iris").y, 1 / 3, 7);
/** Small, fast settings: one batch per epoch on these sizes, a larger step than the default. */
const FAST = { learning_rate: 0.01, max_epochs: 120 };

describe("Mlp", () => {
  it("classifies iris on the CPU (holdout accuracy >= 0.9), trained in typed arrays", async () => {
    const model = await new Mlp(FAST).fit(iris.train.X, iris.train.y, { seed: 1 });
    const acc = accuracy(model.predict(iris.test.X), iris.test.y);
    expect(acc).toBeGreaterThanOrEqual(0.9);
    const state = model.toJSON().state;
    expect(state.backend).toBe("js");
    expect(state.task).toBe("multiclass");
    expect(state.layers.map((l) => [l.inputs, l.outputs])).toEqual([
      [4, 64],
      [64, 32],
      [32, 3],
    ]);
  });

  it("fits y = 2a - b + noise (holdout R² >= 0.9), standardising the target", async () => {
    const { train, test } = holdout(linearData(240, 3).X, linearData(240, 3).y, 0.25, 5);
    const shifted: Target = { values: train.y.values.map((v) => 1000 + 50 * v) };
    const model = await new Mlp(FAST).fit(train.X, shifted, { seed: 2 });
    const pred = model.predict(test.X).map((v) => (v - 1000) / 50);
    expect(r2(pred, test.y)).toBeGreaterThanOrEqual(0.9);
    const state = model.toJSON().state;
    expect(state.target_mean).toBeGreaterThan(950);
    expect(state.target_scale).toBeGreaterThan(50);
  });

  it("trains and predicts with tfjs on the WASM backend in Node", async () => {
    expect(await tf.setBackend("wasm")).toBe(true);
    try {
      const before = tf.memory().numTensors;
      const mlp = new Mlp(FAST);
      mlp.trainer = "tfjs";
      const model = await mlp.fit(iris.train.X, iris.train.y, { seed: 1 });
      expect(accuracy(model.predict(iris.test.X), iris.test.y)).toBeGreaterThanOrEqual(0.9);
      expect(model.toJSON().state.backend).toBe("wasm");
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      await tf.setBackend("cpu");
    }
    // Weights are plain arrays, so a model trained on WASM predicts on CPU as well.
  });

  it("gives the same weights and predictions for the same seed, others for another", async () => {
    const { X, y } = synthetic("binary", 80, 4);
    const params = { max_epochs: 15 };
    const a = await new Mlp(params).fit(X, y, { seed: 9 });
    const b = await new Mlp(params).fit(X, y, { seed: 9 });
    const c = await new Mlp(params).fit(X, y, { seed: 10 });
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(b.predictProba(X)).toEqual(a.predictProba(X));
    expect(c.toJSON().state.layers[0].weights).not.toEqual(a.toJSON().state.layers[0].weights);
  });

  it("reports an epoch progress with loss and val_loss, and keeps the learning curves", async () => {
    const { X, y } = synthetic("multiclass", 90, 5);
    const seen: Progress[] = [];
    const model = await new Mlp({ max_epochs: 400, learning_rate: 0.05, patience: 5 }).fit(X, y, {
      seed: 1,
      onProgress: (p) => seen.push(p),
    });
    const state = model.toJSON().state;
    expect(state.n_epochs).toBeLessThan(400); // early stopping kicked in
    expect(state.best_epoch).toBe(state.n_epochs - 5);
    expect(state.train_loss).toHaveLength(state.n_epochs);
    expect(state.validation_loss).toHaveLength(state.n_epochs);
    const bestLoss = state.validation_loss![state.best_epoch - 1];
    expect(Math.min(...state.validation_loss!)).toBeCloseTo(bestLoss, 6);
    expect(seen[0]).toMatchObject({ phase: "epoch", done: 1, total: 400 });
    expect(Object.keys(seen[0].metrics!)).toEqual(["loss", "val_loss"]);
    const last = seen[seen.length - 1];
    expect(last.done).toBe(state.n_epochs);
    expect(last.total).toBe(last.done);
    expect(last.metrics!.val_loss).toBeCloseTo(state.validation_loss![state.n_epochs - 1], 6);
  });

  it("runs max_epochs on all rows without early stopping", async () => {
    const { X, y } = synthetic("regression", 40, 6);
    const model = await new Mlp({ max_epochs: 7, early_stopping: false }).fit(X, y, { seed: 1 });
    const state = model.toJSON().state;
    expect([state.n_epochs, state.best_epoch, state.train_loss.length]).toEqual([7, 7, 7]);
    expect(state.validation_loss).toBeNull();
  });

  it("stops with AbortError mid-training and leaks no tensors", async () => {
    const { X, y } = synthetic("multiclass", 60, 7);
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let epochs = 0;
    const fit = new Mlp({ max_epochs: 100 }).fit(X, y, {
      seed: 1,
      signal: controller.signal,
      onProgress: (p) => {
        epochs = p.done;
        controller.abort();
      },
    });
    await expect(fit).rejects.toMatchObject({ name: "AbortError" });
    expect(epochs).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    const aborted = new AbortController();
    aborted.abort();
    await expect(new Mlp().fit(X, y, { signal: aborted.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it("replaces its weights on refit and holds no tensors between calls", async () => {
    const before = tf.memory().numTensors;
    const three = synthetic("binary", 50, 8);
    const model = new Mlp({ hidden_layer_sizes: "8,4", max_epochs: 5 });
    await model.fit(three.X, three.y, { seed: 1 });
    expect(model.toJSON().state.layers.map((l) => l.inputs)).toEqual([3, 8, 4]);
    const two: Matrix = {
      data: Float64Array.from({ length: 100 }, (_, i) => three.X.data[Math.floor(i / 2) * 3 + (i % 2)]),
      rows: 50,
      cols: 2,
      names: ["x0", "x1"],
    };
    await model.fit(two, three.y, { seed: 1 });
    expect(model.toJSON().state.layers[0].inputs).toBe(2);
    expect(model.predict(two)).toHaveLength(50);
    expect(() => model.predict(three.X)).toThrow(/2 columns|fitted on 2/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("lets sample weights tilt a classifier towards the heavier class", async () => {
    const { X, y } = synthetic("binary", 80, 9);
    const meanPositive = async (weightOfOnes: number) => {
      const sampleWeight = y.values.map((v) => (v === 1 ? weightOfOnes : 1));
      const model = await new Mlp({ max_epochs: 40, learning_rate: 0.01 }).fit(X, y, {
        seed: 3,
        sampleWeight,
      });
      const proba = model.predictProba(X);
      let sum = 0;
      for (let i = 0; i < X.rows; i++) sum += proba[i * 2 + 1];
      return sum / X.rows;
    };
    expect(await meanPositive(5)).toBeGreaterThan((await meanPositive(1)) + 0.1);
  });

  it("is registered, and refuses bad params and probabilities for regression", async () => {
    const spec = getModel("mlp");
    expect(spec).toMatchObject({ label: "Neural network (MLP)", needsScaling: true, usesTfjs: true });
    expect(spec.tasks).toEqual(["regression", "binary", "multiclass"]);
    const { X, y } = synthetic("regression", 20, 1);
    for (const [params, message] of [
      [{ dropout: 1 }, "invalid dropout: 1"],
      [{ hidden_layer_sizes: "64,x" }, "invalid hidden_layer_sizes: 64,x"],
      [{ batch_size: 0 }, "invalid batch_size: 0"],
      [{ learning_rate: -1 }, "invalid learning_rate: -1"],
    ] as const) {
      await expect(new Mlp(params).fit(X, y)).rejects.toMatchObject({ name: "ValidationError", message });
    }
    const model = await new Mlp({ max_epochs: 2 }).fit(X, y);
    expect(() => model.predictProba(X)).toThrow(expect.objectContaining({ name: "ValidationError" }));
    const before = tf.memory().numTensors;
    await expect(new Mlp({ learning_rate: 1e10 }).fit(X, y, { seed: 3 })).rejects.toThrow(
      /mlp diverged at epoch 1: lower learning_rate/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it("trains in typed arrays as tfjs does: the same losses to float32 precision, every head", async () => {
    const cases = [
      { ...synthetic("binary", 120, 11), params: { max_epochs: 12 } },
      { ...synthetic("multiclass", 120, 12), params: { max_epochs: 12, activation: "tanh" as const } },
      { ...synthetic("regression", 120, 13), params: { max_epochs: 12, dropout: 0.3, batch_size: 32 } },
    ];
    for (const { X, y, params } of cases) {
      const dense = await new Mlp(params).fit(X, y, { seed: 4 });
      const viaTfjs = new Mlp(params);
      viaTfjs.trainer = "tfjs";
      await viaTfjs.fit(X, y, { seed: 4 });
      const [a, b] = [dense.toJSON().state, viaTfjs.toJSON().state];
      expect([a.backend, b.backend]).toEqual(["js", "cpu"]);
      expect(a.n_epochs).toBe(b.n_epochs);
      for (let e = 0; e < a.n_epochs; e++) {
        expect(a.train_loss[e]).toBeCloseTo(b.train_loss[e], 4);
        expect(a.validation_loss![e]).toBeCloseTo(b.validation_loss![e], 4);
      }
      const [pa, pb] = [dense.predict(X), viaTfjs.predict(X)];
      for (let i = 0; i < pa.length; i++) expect(pa[i]).toBeCloseTo(pb[i], 2);
    }
  });

  it("gives the same weights with the WebAssembly kernels as with the JS ones, every head and shape", async () => {
    const cases = [
      { ...synthetic("binary", 300, 21), params: { max_epochs: 6, hidden_layer_sizes: [7, 5] } },
      {
        ...synthetic("multiclass", 211, 22),
        params: { max_epochs: 6, activation: "tanh" as const, batch_size: 33 },
      },
      {
        ...synthetic("regression", 257, 23),
        params: { max_epochs: 6, dropout: 0.3, hidden_layer_sizes: [9] },
      },
      {
        ...synthetic("binary", 150, 24),
        params: { max_epochs: 4, dropout: 0, alpha: 0, early_stopping: false },
      },
    ];
    for (const { X, y, params } of cases) {
      const wasm = await new Mlp(params).fit(X, y, { seed: 5 });
      const js = new Mlp(params);
      js.trainer = "js";
      await js.fit(X, y, { seed: 5 });
      const [a, b] = [wasm.toJSON().state, js.toJSON().state];
      expect(a.n_epochs).toBeGreaterThan(0);
      expect(a.train_loss).toEqual(b.train_loss);
      expect(a.validation_loss).toEqual(b.validation_loss);
      expect(a.layers).toEqual(b.layers);
    }
  });
});
