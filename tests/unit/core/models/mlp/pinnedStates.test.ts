import { createHash } from "node:crypto";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Matrix, Target } from "../../../../../src/core/models/estimator.ts";
import type { MlpParams } from "../../../../../src/core/models/mlp/meta.ts";
import { Mlp } from "../../../../../src/core/models/mlp/mlp.ts";
import { KEEP_LIMIT } from "../../../../../src/core/models/mlp/trainDense.ts";
import { makeRng } from "../../../../../src/core/random.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/**
 * Rows of `numeric` standard-normal columns and, with `levels`, one-hot blocks (mostly zeros, so
 * that "auto" picks the sparse first layer); a label from a few columns, an interaction and noise.
 */
function rows(
  task: "binary" | "multiclass" | "regression",
  n: number,
  numeric: number,
  levels: number[],
  seed: number,
): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const cols = numeric + levels.reduce((a, b) => a + b, 0);
  const data = new Float64Array(n * cols);
  const values = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const o = r * cols;
    for (let c = 0; c < numeric; c++) data[o + c] = normal();
    let signal = 2 * data[o] - data[o + 1] + data[o + 2] * data[o + 3] + 0.5 * normal();
    let at = o + numeric;
    for (const k of levels) {
      const level = Math.floor(rng.next() * k);
      data[at + level] = 1;
      signal += (level % 3) - 1;
      at += k;
    }
    values[r] =
      task === "regression"
        ? 3 * signal + 5
        : task === "binary"
          ? signal > 0
            ? 1
            : 0
          : signal < -1
            ? 0
            : signal < 1
              ? 1
              : 2;
  }
  const names = Array.from({ length: cols }, (_, c) => `x${c}`);
  const classes = task === "regression" ? undefined : task === "binary" ? ["a", "b"] : ["a", "b", "c"];
  return { X: { data, rows: n, cols, names }, y: { values, classes } };
}

const sha = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/**
 * The fitted state (weights, biases, both learning curves, epochs) of the typed-array trainer,
 * hashed and pinned: a speed change to the trainer or its kernels must leave every bit as it was.
 * Shapes with column and row tails (odd units, batches that do not divide the rows), every head,
 * both activations, dropout on and off, sample weights, the sparse first layer, both kernel sets,
 * dense rows gathered from the heap by a kernel or in JS.
 */
const CASES: {
  name: string;
  data: () => { X: Matrix; y: Target };
  params: Partial<MlpParams>;
  hash: string;
}[] = [
  {
    name: "binary, defaults (64-32 relu, dropout 0.1), 21 columns",
    data: () => rows("binary", 700, 21, [], 1),
    params: { max_epochs: 12 },
    hash: "26134151c6fd1e00",
  },
  {
    name: "multiclass, tanh 7-5, batch 33",
    data: () => rows("multiclass", 311, 9, [], 2),
    params: { max_epochs: 8, activation: "tanh", hidden_layer_sizes: [7, 5], batch_size: 33 },
    hash: "1705165bd449b41d",
  },
  {
    name: "regression, relu 9-3, dropout 0.3, batch 50",
    data: () => rows("regression", 257, 6, [], 3),
    params: { max_epochs: 8, hidden_layer_sizes: [9, 3], dropout: 0.3, batch_size: 50 },
    hash: "830a7d174115b81a",
  },
  {
    name: "binary, no dropout, no L2, no early stopping, relu 13",
    data: () => rows("binary", 203, 5, [], 4),
    params: { max_epochs: 6, dropout: 0, alpha: 0, early_stopping: false, hidden_layer_sizes: [13] },
    hash: "64bf0acb55058fdc",
  },
  {
    name: "regression, batch 10 for 420 Adam steps (beta1's power rounds away), relu 6",
    data: () => rows("regression", 300, 5, [], 6),
    params: { max_epochs: 14, batch_size: 10, hidden_layer_sizes: [6], early_stopping: false },
    hash: "5e18ce5f026d80e1",
  },
  {
    name: "multiclass one-hot (sparse first layer), relu 11-6, dropout 0.2",
    data: () => rows("multiclass", 420, 4, [5, 9, 14], 5),
    params: { max_epochs: 8, hidden_layer_sizes: [11, 6], dropout: 0.2, batch_size: 64 },
    hash: "e8f36f6240e3e6da",
  },
];

describe("the typed-array trainer's fitted states (pinned)", () => {
  for (const c of CASES)
    it(`${c.name}: the same state to the bit, WebAssembly and JS kernels`, async () => {
      const { X, y } = c.data();
      // Uneven sample weights on the first case only (they scale each row's loss and gradient).
      const weights =
        c === CASES[0] ? Float64Array.from({ length: X.rows }, (_, i) => 0.5 + (i % 7) / 4) : undefined;
      const states = [];
      const limit = KEEP_LIMIT.values;
      try {
        // Dense rows kept in the heap (gathered by a kernel) and, with no room, gathered in JS.
        for (const keep of [limit, 0])
          for (const trainer of ["auto", "js"] as const) {
            KEEP_LIMIT.values = keep;
            const model = new Mlp(c.params);
            model.trainer = trainer;
            await model.fit(X, y, { seed: 11, ...(weights ? { sampleWeight: weights } : {}) });
            states.push(model.toJSON().state);
          }
      } finally {
        KEEP_LIMIT.values = limit;
      }
      expect(states[0].n_epochs).toBeGreaterThan(1);
      for (const other of states.slice(1)) expect(other).toEqual(states[0]);
      expect(sha(states[0])).toBe(c.hash);
    });
});
