import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../../src/core/eval/crossValidate.ts";
import { kFold, stratifiedKFold } from "../../../../src/core/eval/kFold.ts";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { stalled } from "../../../../src/core/models/gbdt/boost.ts";
import { Gbdt } from "../../../../src/core/models/gbdt/gbdt.ts";
import type { Progress } from "../../../../src/core/progress.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { loadDataset } from "./datasets.ts";

function column(values: number[]): Matrix {
  return { data: Float64Array.from(values), rows: values.length, cols: 1, names: ["x"] };
}

/** Stumps on every row, no early stopping: the settings of the hand-worked cases. */
const STUMP = { max_leaf_nodes: 2, min_samples_leaf: 1, early_stopping: false } as const;

/** Seeded noisy regression with a missing-value pattern: 3 informative features of 5. */
function noisy(rows: number, seed: number): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const cols = 5;
  const data = new Float64Array(rows * cols);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) data[r * cols + c] = rng.next() * 4 - 2;
    const x = data.subarray(r * cols, r * cols + cols);
    values[r] = Math.sin(x[0] * 2) + x[1] * x[1] + (x[2] > 0 ? 1 : 0) + (rng.next() - 0.5) * 2;
    if (rng.next() < 0.1) x[3] = Number.NaN;
  }
  return { X: { data, rows, cols, names: ["a", "b", "c", "d", "e"] }, y: { values } };
}

describe("Gbdt", () => {
  it("squared error by hand: leaves are -lr * sum(g) / (sum(h) + lambda), two iterations", async () => {
    // Baseline = mean = 3; g = raw - y = +2 (left three) / -2 (right three), h = 1.
    // Iteration 1: -0.5 * 6 / (3 + 1) = -0.75 -> 2.25 | 3.75. Iteration 2: g = +-1.25,
    // -0.5 * 3.75 / 4 = -0.46875 -> 1.78125 | 4.21875.
    const X = column([1, 2, 3, 4, 5, 6]);
    const y = { values: Float64Array.of(1, 1, 1, 5, 5, 5) };
    const model = await new Gbdt({ ...STUMP, learning_rate: 0.5, l2_regularization: 1, max_iter: 2 }).fit(
      X,
      y,
    );
    expect(Array.from(model.predict(column([0, 3, 4, 9])))).toEqual([1.78125, 1.78125, 4.21875, 4.21875]);
    const { state } = model.toJSON();
    expect(state.baseline).toEqual([3]);
    expect(state.trees[0].value).toEqual([0, -0.75, 0.75]);
    expect(state.trees[0].threshold[0]).toBe(3.5);
    // Mean squared error: 4, then 1.25^2, then 0.78125^2.
    expect(state.train_loss).toEqual([4, 1.5625, 0.6103515625]);
    expect(state.n_iter).toBe(2);
    expect(state.validation_loss).toBeNull();
  });

  it("log loss by hand: baseline log-odds, first leaves -sum(g) / sum(h)", async () => {
    // p = 5/8, baseline = log(5/3). Left (three 0s): G = 3 * 0.625, H = 3 * 0.234375, leaf -8/3.
    // Right (five 1s): G = -5 * 0.375, H = 5 * 0.234375, leaf +1.6.
    const X = column([1, 2, 3, 4, 5, 6, 7, 8]);
    const y = { values: Float64Array.of(0, 0, 0, 1, 1, 1, 1, 1), classes: ["no", "yes"] };
    const model = await new Gbdt({ ...STUMP, learning_rate: 1, max_iter: 1 }).fit(X, y);
    const base = Math.log(5 / 3);
    const raw = model.decisionFunction(column([2, 7]));
    expect(raw[0]).toBeCloseTo(base - 8 / 3, 12);
    expect(raw[1]).toBeCloseTo(base + 1.6, 12);
    const proba = model.predictProba(column([2, 7]));
    expect(proba[1]).toBeCloseTo(1 / (1 + Math.exp(-(base - 8 / 3))), 12);
    expect(proba[0] + proba[1]).toBeCloseTo(1, 15);
    expect(Array.from(model.predict(column([2, 7])))).toEqual([0, 1]);
    expect(model.toJSON().state.train_loss[0]).toBeCloseTo(
      -(5 / 8) * Math.log(5 / 8) - (3 / 8) * Math.log(3 / 8),
      12,
    );
  });

  it("softmax: log class shares to start, one tree per class per iteration, probabilities sum to 1", async () => {
    const { X, y } = loadDataset("iris");
    const model = await new Gbdt({ max_iter: 20 }).fit(X, y);
    const { state } = model.toJSON();
    expect(state.baseline).toEqual([Math.log(1 / 3), Math.log(1 / 3), Math.log(1 / 3)]);
    expect(state.trees).toHaveLength(60);
    expect(state.task).toBe("multiclass");
    const proba = model.predictProba(X);
    for (let r = 0; r < X.rows; r++)
      expect(proba[r * 3] + proba[r * 3 + 1] + proba[r * 3 + 2]).toBeCloseTo(1, 12);
    let hits = 0;
    const pred = model.predict(X);
    for (let r = 0; r < X.rows; r++) hits += pred[r] === y.values[r] ? 1 : 0;
    expect(hits / X.rows).toBeGreaterThan(0.97);
  });

  it("treats a weight of 2 like a duplicated row", async () => {
    const X = column([1, 2, 3, 4, 5, 6]);
    const y = Float64Array.of(1, 4, 2, 8, 5, 7);
    const params = { ...STUMP, max_leaf_nodes: 3, max_iter: 5 };
    const weighted = await new Gbdt(params).fit(
      X,
      { values: y },
      { sampleWeight: Float64Array.of(1, 2, 1, 1, 2, 1) },
    );
    const duplicated = await new Gbdt(params).fit(column([1, 2, 2, 3, 4, 5, 5, 6]), {
      values: Float64Array.of(1, 4, 4, 2, 8, 5, 5, 7),
    });
    const probe = column([0, 1.5, 2.5, 3.5, 4.5, 5.5, 9]);
    const a = weighted.predict(probe);
    const b = duplicated.predict(probe);
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 12);
  });

  it("sends missing values the learned way", async () => {
    // Missing x goes with the high targets.
    const X = column([1, 2, 3, Number.NaN, Number.NaN, 10, 11, 12]);
    const y = { values: Float64Array.of(0, 0, 0, 5, 5, 5, 5, 5) };
    const model = await new Gbdt({ ...STUMP, learning_rate: 1, max_iter: 1 }).fit(X, y);
    const tree = model.toJSON().state.trees[0];
    expect(tree.missingLeft[0]).toBe(0);
    expect(Array.from(model.predict(column([Number.NaN, 2, 11])))).toEqual([5, 0, 5]);
  });

  it("stops early on a seeded validation split and keeps the learning curves", async () => {
    const { X, y } = noisy(1500, 4);
    const model = await new Gbdt({ max_iter: 300, learning_rate: 0.3, early_stopping: true }).fit(X, y, {
      seed: 2,
    });
    const { state } = model.toJSON();
    expect(state.n_iter).toBeLessThan(300);
    expect(state.train_loss).toHaveLength(state.n_iter + 1);
    expect(state.validation_loss).toHaveLength(state.n_iter + 1);
    expect(state.train_loss.at(-1)!).toBeLessThan(state.train_loss[0]);
    expect(stalled(state.validation_loss!, 10, 1e-7)).toBe(true);
    const again = await new Gbdt({ max_iter: 300, learning_rate: 0.3, early_stopping: true }).fit(X, y, {
      seed: 2,
    });
    expect(again.toJSON()).toEqual(model.toJSON());
    // "auto" stays off at this size, as scikit-learn's (on above 10,000 rows).
    const auto = await new Gbdt({ max_iter: 30 }).fit(X, y);
    expect(auto.toJSON().state.validation_loss).toBeNull();
  });

  it("stalls by scikit-learn's rule: no loss in the last n beats the one before them by tol", () => {
    expect(stalled([5, 4, 3], 2, 0)).toBe(false);
    expect(stalled([5, 4, 4.5, 4.2], 2, 0)).toBe(true);
    expect(stalled([5, 4, 4.5, 3.9], 2, 0)).toBe(false);
    expect(stalled([5, 4, 4.5, 3.9], 2, 0.2)).toBe(true);
    expect(stalled([5, 4], 2, 0)).toBe(false);
  });

  it("ranks informative features by total gain", async () => {
    const { X, y } = noisy(1000, 5);
    const imp = (await new Gbdt({ max_iter: 40 }).fit(X, y)).toJSON().state.feature_importances;
    expect(imp.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(Math.min(imp[0], imp[1], imp[2])).toBeGreaterThan(Math.max(imp[3], imp[4]));
  });

  it("reports progress per iteration with the losses, and stops when aborted", async () => {
    const { X, y } = noisy(300, 6);
    const seen: Progress[] = [];
    await new Gbdt({ max_iter: 15 }).fit(X, y, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ phase: "fit", done: 15, total: 15 });
    expect(seen.at(-1)!.metrics!.train_loss).toBeGreaterThan(0);
    const controller = new AbortController();
    expect(() =>
      new Gbdt({ max_iter: 50 }).fit(X, y, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).toThrow(expect.objectContaining({ name: "AbortError" }));
  });

  it("scores breast_cancer ROC AUC >= 0.985 (5-fold stratified CV)", async () => {
    const { X, y } = loadDataset("breast_cancer");
    const folds = stratifiedKFold(y.values, 5, { seed: 0 });
    const cv = await crossValidate(() => new Gbdt(), X, y, folds, { metric: "roc_auc", trainScores: false });
    expect(cv.score).toBeGreaterThanOrEqual(0.985);
  });

  it("scores concrete R² >= 0.90 (5-fold CV; XGBoost reference 0.936)", async () => {
    const { X, y } = loadDataset("concrete");
    const folds = kFold(X.rows, 5, { seed: 0 });
    const cv = await crossValidate(() => new Gbdt(), X, y, folds, { metric: "r2", trainScores: false });
    expect(cv.score).toBeGreaterThanOrEqual(0.9);
  });

  it("rejects one-class targets and bad params with a terse ValidationError", async () => {
    const X = column([1, 2, 3]);
    expect(() => new Gbdt().fit(X, { values: Float64Array.of(0, 0, 0), classes: ["only"] })).toThrow(
      /at least 2 classes/,
    );
    const y = { values: Float64Array.of(1, 2, 3) };
    expect(() => new Gbdt({ learning_rate: 0 }).fit(X, y)).toThrow("invalid learning_rate: 0");
    expect(() => new Gbdt({ max_leaf_nodes: 1 }).fit(X, y)).toThrow("invalid max_leaf_nodes: 1");
    expect(() => new Gbdt({ early_stopping: "yes" as "auto" }).fit(X, y)).toThrow(
      "invalid early_stopping: yes",
    );
  });
});
