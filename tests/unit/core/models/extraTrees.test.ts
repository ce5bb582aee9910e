import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../../src/core/eval/crossValidate.ts";
import { kFold, stratifiedKFold } from "../../../../src/core/eval/kFold.ts";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { ExtraTrees } from "../../../../src/core/models/extraTrees/extraTrees.ts";
import {
  AUTO_TREES_MAX,
  AUTO_TREES_MIN,
  AUTO_TREES_WORK,
  resolveTrees,
} from "../../../../src/core/models/trees/treeParams.ts";
import { loadDataset } from "./datasets.ts";

describe("ExtraTrees", () => {
  it("scores wine accuracy >= 0.97 (5-fold stratified CV; scikit-learn's extra trees: 0.989)", async () => {
    const { X, y } = loadDataset("wine");
    const folds = stratifiedKFold(y.values, 5, { seed: 0 });
    const cv = await crossValidate(() => new ExtraTrees(), X, y, folds, {
      metric: "accuracy",
      trainScores: false,
    });
    expect(cv.score).toBeGreaterThanOrEqual(0.97);
  });

  it("scores concrete R² >= 0.9 (5-fold CV)", async () => {
    const { X, y } = loadDataset("concrete");
    const folds = kFold(X.rows, 5, { seed: 0 });
    const make = () => new ExtraTrees({ n_estimators: 40 });
    expect(
      (await crossValidate(make, X, y, folds, { metric: "r2", trainScores: false })).score,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it("grows every tree on all rows, so a single full-featured tree fits the training set exactly", async () => {
    const { X, y } = loadDataset("wine");
    const model = await new ExtraTrees({ n_estimators: 1, max_features: null }).fit(X, y);
    expect(model.predict(X)).toEqual(y.values);
    expect(model.toJSON().state.oob_score).toBeNull();
  });

  it("draws thresholds at random: same seed, same forest; new seed, new forest", async () => {
    const { X, y } = loadDataset("iris");
    const grow = (seed: number) => new ExtraTrees({ n_estimators: 10 }).fit(X, y, { seed });
    const [a, b, c] = await Promise.all([grow(3), grow(3), grow(4)]);
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(a.toJSON().state.trees[0].threshold).not.toEqual(c.toJSON().state.trees[0].threshold);
  });

  it("splits between the node's values even on one feature with few distinct values", async () => {
    // One feature, two groups: any random threshold between the groups separates them.
    const X: Matrix = { data: Float64Array.of(1, 2, 3, 7, 8, 9), rows: 6, cols: 1, names: ["x"] };
    const model = await new ExtraTrees({ n_estimators: 5 }).fit(X, {
      values: Float64Array.of(0, 0, 0, 1, 1, 1),
      classes: ["a", "b"],
    });
    const probe: Matrix = { data: Float64Array.of(0, 2.5, 8.5, 20), rows: 4, cols: 1, names: ["x"] };
    expect(Array.from(model.predict(probe))).toEqual([0, 0, 1, 1]);
  });

  it("draws each stored threshold in its gap (Geurts et al., scikit-learn): the trees' cuts spread over it", async () => {
    // Two values 10 apart: every root splits them, with a threshold drawn uniformly in [0, 10), so
    // that the forest's average moves smoothly across the gap (not every tree cut at its middle, 5).
    const X: Matrix = { data: Float64Array.of(0, 0, 0, 10, 10, 10), rows: 6, cols: 1, names: ["x"] };
    const model = await new ExtraTrees({ n_estimators: 50 }).fit(
      X,
      { values: Float64Array.of(0, 0, 0, 1, 1, 1), classes: ["a", "b"] },
      { seed: 1 },
    );
    const roots = model.toJSON().state.trees.map((t) => t.threshold[0] as number);
    expect(roots.every((t) => t >= 0 && t < 10)).toBe(true);
    expect(new Set(roots).size).toBe(50);
    expect(roots.filter((t) => t < 5).length).toBeGreaterThan(15);
    expect(roots.filter((t) => t > 5).length).toBeGreaterThan(15);
    const probe: Matrix = { data: Float64Array.of(1, 5, 9), rows: 3, cols: 1, names: ["x"] };
    const p = model.predictProba(probe);
    expect(p[1]).toBeLessThan(p[3]);
    expect(p[3]).toBeLessThan(p[5]);
  });

  it("grows 100 trees by default, or up to 300 where a tree's work (rows x features tried) is small", async () => {
    const { X, y } = loadDataset("wine");
    const model = await new ExtraTrees().fit(X, y, { seed: 0 });
    // "auto" is resolved by the fit: the model (and its file) states the trees it grew.
    const artifact = model.toJSON();
    expect(artifact.state.trees).toHaveLength(AUTO_TREES_MAX);
    expect(artifact.params.n_estimators).toBe(AUTO_TREES_MAX);
    expect(ExtraTrees.fromJSON(JSON.parse(JSON.stringify(artifact))).predict(X)).toEqual(model.predict(X));
    // A refit resolves "auto" again, for the new table (concrete: 1,030 rows x 8 features tried).
    const concrete = loadDataset("concrete");
    await model.fit(concrete.X, concrete.y, { seed: 0 });
    expect(model.toJSON().state.trees).toHaveLength(Math.round(AUTO_TREES_WORK / (1030 * 8)));
    expect(resolveTrees("auto", 142, 3)).toBe(AUTO_TREES_MAX);
    expect(resolveTrees("auto", 10_000, 4)).toBe(AUTO_TREES_MIN);
    expect(resolveTrees(40, 142, 3)).toBe(40);
  });
});
