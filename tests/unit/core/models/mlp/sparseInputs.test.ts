import { describe, expect, it } from "vitest";
import type { Matrix, Target } from "../../../../../src/core/models/estimator.ts";
import { heapNetwork } from "../../../../../src/core/models/mlp/denseLayers.ts";
import { Mlp } from "../../../../../src/core/models/mlp/mlp.ts";
import { compressRows, nonZeros } from "../../../../../src/core/models/mlp/sparseRows.ts";
import { makeRng } from "../../../../../src/core/random.ts";

/** Rows of two numeric columns and three one-hot blocks (5, 8, 12 levels), about 80% zeros. */
function oneHot(
  task: "binary" | "multiclass" | "regression",
  rows: number,
  seed: number,
): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const blocks = [5, 8, 12];
  const cols = 2 + blocks.reduce((a, b) => a + b, 0);
  const data = new Float64Array(rows * cols);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    data[o] = 2 * rng.next() - 1;
    // Some numeric zeros (and a negative one) too.
    data[o + 1] = rng.next() < 0.3 ? (rng.next() < 0.5 ? 0 : -0) : rng.next() * 3;
    let at = o + 2;
    let signal = data[o] - data[o + 1];
    for (const levels of blocks) {
      const level = Math.floor(rng.next() * levels);
      data[at + level] = 1;
      signal += (level % 3) - 1;
      at += levels;
    }
    values[r] =
      task === "regression"
        ? signal
        : task === "binary"
          ? signal > 0
            ? 1
            : 0
          : signal < -0.5
            ? 0
            : signal < 0.8
              ? 1
              : 2;
  }
  const names = Array.from({ length: cols }, (_, c) => `x${c}`);
  const classes = task === "regression" ? undefined : task === "binary" ? ["a", "b"] : ["a", "b", "c"];
  return { X: { data, rows, cols, names }, y: { values, classes } };
}

describe("the neural net's sparse first layer", () => {
  it("compresses rows in column order into the heap, skipping +0 and -0", () => {
    const x = Float32Array.from([0, 2, -0, 0, 0, 0, 3, 0, -1]);
    const rows = { x, targets: new Float32Array(3), weights: new Float32Array(3), rows: 3 };
    expect(nonZeros(x)).toBe(3);
    const net = heapNetwork(
      [{ inputs: 3, outputs: 4, weights: new Float32Array(12), bias: new Float32Array(4) }],
      2,
      "auto",
      [{ rows: 3, entries: 3 }],
    );
    const set = net.sparse![0];
    const { heap, ints } = net.kernels;
    compressRows(rows, 3, 4, set, heap, ints);
    expect(Array.from(ints.subarray(set.start, set.start + 4))).toEqual([0, 1, 1, 3]);
    expect(Array.from(heap.subarray(set.values, set.values + 3))).toEqual([2, 3, -1]);
    expect(Array.from(ints.subarray(set.idx, set.idx + 3))).toEqual([4, 0, 8]);
    expect(Array.from(set.orderView)).toEqual([0, 1, 2]);
  });

  it("trains the same weights, losses and epochs as the dense products, to the bit, WebAssembly and JS", async () => {
    const cases = [
      { ...oneHot("binary", 400, 1), params: { max_epochs: 8 } },
      { ...oneHot("binary", 300, 2), params: { max_epochs: 5, hidden_layer_sizes: [7, 5], batch_size: 33 } },
      {
        ...oneHot("multiclass", 260, 3),
        params: { max_epochs: 6, activation: "tanh" as const, hidden_layer_sizes: [17] },
      },
      {
        ...oneHot("regression", 257, 4),
        params: { max_epochs: 6, dropout: 0.3, alpha: 0, early_stopping: false, hidden_layer_sizes: [18, 3] },
      },
    ];
    for (const { X, y, params } of cases)
      for (const trainer of ["auto", "js"] as const) {
        const states = [];
        for (const layout of ["dense", "sparse", "auto"] as const) {
          const model = new Mlp(params);
          model.trainer = trainer;
          model.inputLayout = layout;
          await model.fit(X, y, { seed: 7 });
          states.push(model.toJSON().state);
        }
        const [dense, sparse, auto] = states;
        expect(dense.n_epochs).toBeGreaterThan(0);
        expect(sparse.train_loss).toEqual(dense.train_loss);
        expect(sparse.validation_loss).toEqual(dense.validation_loss);
        expect(sparse.layers).toEqual(dense.layers);
        expect(auto).toEqual(sparse);
      }
  });
});
