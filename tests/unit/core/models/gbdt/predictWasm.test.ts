import { describe, expect, it } from "vitest";
import { Gbdt } from "../../../../../src/core/models/gbdt/gbdt.ts";
import { makeRng } from "../../../../../src/core/random.ts";

/** Seeded rows with missing values, and a target of `classes` classes (0: a value). */
function problem(rows: number, classes: number) {
  const rng = makeRng(23);
  const cols = 6;
  const data = new Float64Array(rows * cols);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) data[r * cols + c] = rng.next() < 0.08 ? Number.NaN : rng.next() * 4 - 2;
    const z =
      (data[r * cols] || 0) - (data[r * cols + 1] || 0) * (data[r * cols + 2] || 1) + rng.next() - 0.5;
    values[r] = classes === 0 ? z : Math.min(classes - 1, Math.max(0, Math.floor(z + classes / 2)));
  }
  const names = Array.from({ length: cols }, (_, c) => `x${c}`);
  const classNames = classes === 0 ? undefined : Array.from({ length: classes }, (_, k) => `c${k}`);
  return { X: { data, rows, cols, names }, y: { values, classes: classNames } };
}

describe("gbdt raw scores in WebAssembly", () => {
  for (const classes of [0, 2, 3]) {
    it(`are the tree-at-a-time sums to the bit (${classes || "no"} classes, missing values)`, () => {
      const { X, y } = problem(1500, classes);
      const model = new Gbdt({ max_iter: 12, max_leaf_nodes: 9, early_stopping: false }).fit(X, y, {
        seed: 4,
      });
      // The staged scores walk the trees one at a time in JS; decisionFunction runs predict_block.
      let last: Float64Array | undefined;
      for (const stage of model.stagedDecisionFunction(X)) last = stage;
      const raw = model.decisionFunction(X);
      expect(raw.length).toBe(X.rows * (classes > 2 ? classes : 1));
      expect(Array.from(raw)).toEqual(Array.from(last!));
    });
  }

  it("are the same sums over many blocks with a last block that is not a whole number of lanes", () => {
    const train = problem(2000, 2);
    const model = new Gbdt({ max_iter: 15, max_leaf_nodes: 31, early_stopping: false }).fit(
      train.X,
      train.y,
      {
        seed: 1,
      },
    );
    // ~1 MB of rows a block (21,848 rows of 6 columns): 50,003 rows make three blocks, the last
    // one 6,459 rows (not a multiple of the 8 lanes).
    const X = problem(50_003, 2).X;
    let last: Float64Array | undefined;
    for (const stage of model.stagedDecisionFunction(X)) last = stage;
    expect(Array.from(model.decisionFunction(X))).toEqual(Array.from(last!));
  });

  it("adds a one-leaf tree's value to every row", () => {
    // A constant target: every tree is its root, a leaf (depth 0, no step to take).
    const { X } = problem(203, 0);
    const y = { values: new Float64Array(203).fill(1.5) };
    const model = new Gbdt({ max_iter: 3, early_stopping: false }).fit(X, y, { seed: 0 });
    let last: Float64Array | undefined;
    for (const stage of model.stagedDecisionFunction(X)) last = stage;
    expect(Array.from(model.decisionFunction(X))).toEqual(Array.from(last!));
    expect(model.decisionFunction(X)[202]).toBe(1.5);
  });
});
