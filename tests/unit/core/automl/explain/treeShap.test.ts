import { describe, expect, it } from "vitest";
import { treeShap } from "../../../../../src/core/automl/explain/treeShap.ts";
import type { TreeEnsembleView } from "../../../../../src/core/models/capabilities.ts";
import { DecisionTree } from "../../../../../src/core/models/decisionTree/decisionTree.ts";
import type { Matrix, Target } from "../../../../../src/core/models/estimator.ts";
import { ExtraTrees } from "../../../../../src/core/models/extraTrees/extraTrees.ts";
import { Gbdt } from "../../../../../src/core/models/gbdt/gbdt.ts";
import { RandomForest } from "../../../../../src/core/models/randomForest/randomForest.ts";
import type { Tree } from "../../../../../src/core/models/trees/tree.ts";
import { makeRng } from "../../../../../src/core/random.ts";

/** Seeded rows over `cols` features, some missing, with a target that uses interactions. */
function data(rows: number, cols: number, seed: number, k = 0): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const X = new Float64Array(rows * cols);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) X[r * cols + c] = rng.next() < 0.08 ? Number.NaN : rng.next() * 4 - 2;
    const x = (c: number) => (Number.isNaN(X[r * cols + c]) ? 0 : X[r * cols + c]);
    const v = x(0) * x(1) + (x(2) > 0 ? 1 : -1) + x(3 % cols) ** 2 + rng.next() - 0.5;
    values[r] = k === 0 ? v : Math.min(k - 1, Math.max(0, Math.floor(v + k / 2)));
  }
  const names = Array.from({ length: cols }, (_, c) => `f${c}`);
  const y: Target = { values };
  if (k > 0) y.classes = Array.from({ length: k }, (_, c) => `c${c}`);
  return { X: { data: X, rows, cols, names }, y };
}

/**
 * The path-dependent value of a feature set S for one tree: follow the row at splits on a feature
 * in S, otherwise average both children by their share of the cover (the children's covers over
 * their sum, as treeShap uses).
 */
function pathValue(tree: Tree, cover: Float64Array, x: Float64Array, inS: boolean[], node = 0): number[] {
  const dim = tree.valueDim;
  const f = tree.feature[node];
  if (f < 0) return Array.from(tree.value.subarray(node * dim, node * dim + dim));
  const l = tree.left[node];
  const r = tree.right[node];
  if (inS[f]) {
    const v = x[f];
    const left = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node];
    return pathValue(tree, cover, x, inS, left ? l : r);
  }
  const a = pathValue(tree, cover, x, inS, l);
  const b = pathValue(tree, cover, x, inS, r);
  const total = cover[l] + cover[r];
  return a.map((_, k) => (cover[l] * a[k] + cover[r] * b[k]) / total);
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** Shapley values by enumerating every subset: phi[o][f] over the ensemble's outputs. */
function bruteForce(view: TreeEnsembleView, x: Float64Array, cols: number, kind: "weight" | "samples") {
  const O = view.outputs;
  const v = (mask: number): number[] => {
    const inS = Array.from({ length: cols }, (_, f) => (mask & (1 << f)) !== 0);
    const out = Array.from(view.base);
    const scale = view.combine === "mean" ? 1 / view.trees.length : 1;
    view.trees.forEach((tree, t) => {
      const cover = kind === "weight" ? tree.weight : tree.samples;
      const val = pathValue(tree, cover, x, inS);
      const o = view.outputOf(t);
      if (o < 0) for (const [k, z] of val.entries()) out[k] += scale * z;
      else out[o] += scale * val[0];
    });
    return out;
  };
  const values = Array.from({ length: 1 << cols }, (_, m) => v(m));
  const phi = Array.from({ length: O }, () => new Float64Array(cols));
  for (let f = 0; f < cols; f++) {
    for (let m = 0; m < 1 << cols; m++) {
      if (m & (1 << f)) continue;
      let size = 0;
      for (let g = 0; g < cols; g++) if (m & (1 << g)) size++;
      const w = (factorial(size) * factorial(cols - size - 1)) / factorial(cols);
      for (let o = 0; o < O; o++) phi[o][f] += w * (values[m | (1 << f)][o] - values[m][o]);
    }
  }
  return { phi, base: values[0], full: values[(1 << cols) - 1] };
}

function expectMatchesBruteForce(view: TreeEnsembleView, X: Matrix, kind: "weight" | "samples", rows = 12) {
  const F = X.cols;
  const some: Matrix = { ...X, rows, data: X.data.slice(0, rows * F) };
  const got = treeShap(view, some, kind);
  for (let r = 0; r < rows; r++) {
    const x = Float64Array.from(some.data.subarray(r * F, r * F + F));
    const want = bruteForce(view, x, F, kind);
    for (let o = 0; o < view.outputs; o++) {
      expect(got.base[o]).toBeCloseTo(want.base[o], 9);
      for (let f = 0; f < F; f++) {
        expect(Math.abs(got.phi[(r * view.outputs + o) * F + f] - want.phi[o][f])).toBeLessThan(1e-9);
      }
    }
  }
  return got;
}

describe("treeShap", () => {
  it("equals brute-force Shapley values on a decision tree with repeated features and missing values", () => {
    const { X, y } = data(300, 5, 1);
    const model = new DecisionTree({ max_depth: 6 }).fit(X, y);
    const got = expectMatchesBruteForce(model.treeEnsemble(), X, "weight");
    // Local accuracy: base + contributions = the prediction.
    const pred = model.predict(X);
    for (let r = 0; r < 12; r++) {
      let s = got.base[0];
      for (let f = 0; f < 5; f++) s += got.phi[r * 5 + f];
      expect(Math.abs(s - pred[r])).toBeLessThan(1e-9);
    }
  });

  it("equals brute force per class on a small random forest and extra trees (probabilities)", () => {
    const { X, y } = data(200, 4, 2, 3);
    const rf = new RandomForest({ n_estimators: 5, max_depth: 5 }).fit(X, y, { seed: 3 });
    expectMatchesBruteForce(rf.treeEnsemble(), X, "weight");
    const et = new ExtraTrees({ n_estimators: 4, max_depth: 5 }).fit(X, y, { seed: 4 });
    expectMatchesBruteForce(et.treeEnsemble(), X, "weight");
  });

  it("equals brute force on a small GBDT, binary (log-odds) and multiclass (raw scores per class)", () => {
    const bin = data(300, 5, 5, 2);
    const g2 = new Gbdt({ max_iter: 8, max_leaf_nodes: 8, early_stopping: false }).fit(bin.X, bin.y, {
      seed: 1,
    });
    const got = expectMatchesBruteForce(g2.treeEnsemble(), bin.X, "samples");
    const raw = g2.decisionFunction(bin.X);
    for (let r = 0; r < 12; r++) {
      let s = got.base[0];
      for (let f = 0; f < 5; f++) s += got.phi[r * 5 + f];
      expect(Math.abs(s - raw[r])).toBeLessThan(1e-9);
    }
    const multi = data(300, 4, 6, 3);
    const g3 = new Gbdt({ max_iter: 5, max_leaf_nodes: 6, early_stopping: false }).fit(multi.X, multi.y, {
      seed: 2,
    });
    expectMatchesBruteForce(g3.treeEnsemble(), multi.X, "samples");
  });
});
