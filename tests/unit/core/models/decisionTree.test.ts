import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../../src/core/eval/crossValidate.ts";
import { kFold, stratifiedKFold } from "../../../../src/core/eval/kFold.ts";
import { DecisionTree } from "../../../../src/core/models/decisionTree/decisionTree.ts";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { loadDataset } from "./datasets.ts";

const NaN_ = Number.NaN;

/** One feature column as a matrix. */
function column(values: number[]): Matrix {
  return { data: Float64Array.from(values), rows: values.length, cols: 1, names: ["x"] };
}

function classes(values: number[]): Target {
  return { values: Float64Array.from(values), classes: ["no", "yes"] };
}

describe("DecisionTree", () => {
  it("finds the best Gini split by hand: x <= 4.5 on 1..7", async () => {
    // y = 0 0 1 0 | 1 1 1. Weighted child Gini per threshold: 1.5 -> 0.381, 2.5 -> 0.229,
    // 3.5 -> 0.405, 4.5 -> 4/7 * 0.375 = 0.214 (best), 5.5 -> 0.343, 6.5 -> 0.429.
    const X = column([1, 2, 3, 4, 5, 6, 7]);
    const model = await new DecisionTree({ max_depth: 1 }).fit(X, classes([0, 0, 1, 0, 1, 1, 1]));
    const root = model.structure();
    expect(root.feature).toBe("x");
    expect(root.threshold).toBe(4.5);
    expect(root.samples).toBe(7);
    expect(root.impurity).toBeCloseTo(24 / 49, 12);
    expect(root.value).toEqual([3 / 7, 4 / 7]);
    const [left, right] = root.children!;
    expect(left.value).toEqual([0.75, 0.25]);
    expect(left.impurity).toBeCloseTo(0.375, 12);
    expect(right.value).toEqual([0, 1]);
    expect(right.impurity).toBe(0);
    expect(Array.from(model.predictProba(column([0, 4.4, 4.6, 100])))).toEqual([
      0.75, 0.25, 0.75, 0.25, 0, 1, 0, 1,
    ]);
    expect(model.toJSON().state.feature_importances).toEqual([1]);
  });

  it("splits on entropy too, and grows until the leaves are pure", async () => {
    const X = column([1, 2, 3, 4, 5, 6, 7]);
    const y = classes([0, 0, 1, 0, 1, 1, 1]);
    const model = await new DecisionTree({ criterion: "entropy" }).fit(X, y);
    expect(Array.from(model.predict(X))).toEqual([0, 0, 1, 0, 1, 1, 1]);
    const root = model.structure();
    // Entropy in bits: -(3/7) log2(3/7) - (4/7) log2(4/7).
    expect(root.impurity).toBeCloseTo(0.9852281360342515, 12);
  });

  it("fits a regression stump whose leaves are the group means", async () => {
    const X = column([1, 2, 3, 4, 5, 6]);
    const model = await new DecisionTree({ max_depth: 1 }).fit(X, {
      values: Float64Array.of(1, 2, 3, 10, 11, 12),
    });
    const root = model.structure();
    expect(root.threshold).toBe(3.5);
    expect(root.value[0]).toBe(6.5);
    // Variance of 1 2 3 10 11 12 around 6.5.
    expect(root.impurity).toBeCloseTo((5.5 ** 2 + 4.5 ** 2 + 3.5 ** 2) / 3, 10);
    expect(root.children!.map((c) => c.value[0])).toEqual([2, 11]);
    expect(root.children![0].impurity).toBeCloseTo(2 / 3, 12);
    expect(Array.from(model.predict(column([-5, 3.4, 3.6, 50])))).toEqual([2, 2, 11, 11]);
  });

  it("weights rows: a doubled row counts twice", async () => {
    const X = column([1, 2, 3]);
    const y = { values: Float64Array.of(0, 0, 9) };
    const model = await new DecisionTree({ max_depth: 1 }).fit(X, y, {
      sampleWeight: Float64Array.of(1, 2, 1),
    });
    expect(model.structure().value[0]).toBeCloseTo(9 / 4, 12);
  });

  it("learns where missing values go: with the class they resemble", async () => {
    const X = column([1, 2, 3, NaN_, NaN_, 10, 11, 12]);
    const right = await new DecisionTree({ max_depth: 1 }).fit(X, classes([0, 0, 0, 1, 1, 1, 1, 1]));
    expect(right.structure().threshold).toBe(6.5);
    expect(right.structure().missingGoesLeft).toBe(false);
    expect(Array.from(right.predict(column([NaN_, 2, 11])))).toEqual([1, 0, 1]);
    const left = await new DecisionTree({ max_depth: 1 }).fit(X, classes([0, 0, 0, 0, 0, 1, 1, 1]));
    expect(left.structure().missingGoesLeft).toBe(true);
    expect(Array.from(left.predict(column([NaN_, 2, 11])))).toEqual([0, 0, 1]);
  });

  it("splits missing against present values when that is all there is", async () => {
    const X = column([5, 5, 5, NaN_, NaN_]);
    const model = await new DecisionTree().fit(X, classes([0, 0, 0, 1, 1]));
    expect(Array.from(model.predict(column([5, NaN_, 100])))).toEqual([0, 1, 0]);
    // Without missing values in training, a NaN follows the larger child (3 rows vs 2).
    const plain = await new DecisionTree().fit(column([1, 2, 3, 4, 5]), classes([0, 0, 0, 1, 1]));
    expect(Array.from(plain.predict(column([NaN_])))).toEqual([0]);
  });

  it("respects max_depth, min_samples_leaf and max_leaf_nodes", async () => {
    const { X, y } = loadDataset("iris");
    const shallow = await new DecisionTree({ max_depth: 2 }).fit(X, y);
    const depth = (n: ReturnType<DecisionTree["structure"]>): number =>
      n.children ? 1 + Math.max(...n.children.map(depth)) : 0;
    expect(depth(shallow.structure())).toBe(2);
    const leaves = (n: ReturnType<DecisionTree["structure"]>): number[] =>
      n.children ? n.children.flatMap(leaves) : [n.samples];
    const big = await new DecisionTree({ min_samples_leaf: 10 }).fit(X, y);
    expect(Math.min(...leaves(big.structure()))).toBeGreaterThanOrEqual(10);
    const capped = await new DecisionTree({ max_leaf_nodes: 3 }).fit(X, y);
    expect(leaves(capped.structure())).toHaveLength(3);
    expect(capped.structure(1).children![1].truncated).toBe(true);
  });

  it("normalises feature importances and names the petal features on iris", async () => {
    const { X, y } = loadDataset("iris");
    const { feature_importances: imp } = (await new DecisionTree().fit(X, y)).toJSON().state;
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(imp[2] + imp[3]).toBeGreaterThan(0.9);
  });

  it("scores iris accuracy >= 0.92 (5-fold stratified CV, mean of three shuffles)", async () => {
    const { X, y } = loadDataset("iris");
    let total = 0;
    for (const seed of [0, 1, 2]) {
      const folds = stratifiedKFold(y.values, 5, { seed });
      total += (
        await crossValidate(() => new DecisionTree(), X, y, folds, { metric: "accuracy", trainScores: false })
      ).score;
    }
    expect(total / 3).toBeGreaterThanOrEqual(0.92);
  });

  it("scores concrete R² >= 0.8 (5-fold CV)", async () => {
    const { X, y } = loadDataset("concrete");
    const folds = kFold(X.rows, 5, { seed: 0 });
    const cv = await crossValidate(() => new DecisionTree(), X, y, folds, {
      metric: "r2",
      trainScores: false,
    });
    expect(cv.score).toBeGreaterThanOrEqual(0.8);
  });

  it("rejects bad params with a terse ValidationError", async () => {
    const X = column([1, 2, 3]);
    const y = classes([0, 1, 0]);
    expect(() => new DecisionTree({ max_depth: -3 }).fit(X, y)).toThrow("invalid max_depth: -3");
    expect(() => new DecisionTree({ criterion: "gain" as "gini" }).fit(X, y)).toThrow(
      "invalid criterion: gain",
    );
    expect(() => new DecisionTree({ max_features: 0 }).fit(X, y)).toThrow("invalid max_features: 0");
  });
});
