import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../../src/core/eval/crossValidate.ts";
import { kFold, stratifiedKFold } from "../../../../src/core/eval/kFold.ts";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { RandomForest } from "../../../../src/core/models/randomForest/randomForest.ts";
import type { Progress } from "../../../../src/core/progress.ts";
import { loadDataset } from "./datasets.ts";

async function cvAccuracy(name: string, params: ConstructorParameters<typeof RandomForest>[0]) {
  const { X, y } = loadDataset(name);
  const folds = stratifiedKFold(y.values, 5, { seed: 0 });
  return (
    await crossValidate(() => new RandomForest(params), X, y, folds, {
      metric: "accuracy",
      trainScores: false,
    })
  ).score;
}

describe("RandomForest", () => {
  it("scores iris accuracy >= 0.94 (5-fold stratified CV)", async () => {
    expect(await cvAccuracy("iris", { n_estimators: 100 })).toBeGreaterThanOrEqual(0.94);
  });

  it("keeps an out-of-bag score close to the cross-validated one", async () => {
    for (const name of ["iris", "wine"]) {
      const { X, y } = loadDataset(name);
      const model = await new RandomForest({ n_estimators: 100 }).fit(X, y, { seed: 1 });
      const oob = model.toJSON().state.oob_score!;
      const cv = await cvAccuracy(name, { n_estimators: 100 });
      expect(Math.abs(oob - cv)).toBeLessThanOrEqual(0.03);
    }
  });

  it("reports out-of-bag R² for regression and none without bootstrap", async () => {
    const { X, y } = loadDataset("concrete");
    const model = await new RandomForest({ n_estimators: 30 }).fit(X, y);
    const { oob_score, feature_importances } = model.toJSON().state;
    expect(oob_score).toBeGreaterThan(0.85);
    expect(oob_score).toBeLessThan(0.95);
    // Cement and age drive concrete strength.
    const top = feature_importances.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]);
    expect([top[0][1], top[1][1]].sort()).toEqual([0, 7]);
    const plain = await new RandomForest({ n_estimators: 5, bootstrap: false }).fit(X, y);
    expect(plain.toJSON().state.oob_score).toBeNull();
  });

  it("scores concrete R² >= 0.9 (5-fold CV)", async () => {
    const { X, y } = loadDataset("concrete");
    const folds = kFold(X.rows, 5, { seed: 0 });
    const make = () => new RandomForest({ n_estimators: 40 });
    expect(
      (await crossValidate(make, X, y, folds, { metric: "r2", trainScores: false })).score,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it("is deterministic per seed, and a different seed grows a different forest", async () => {
    const { X, y } = loadDataset("wine");
    const grow = (seed: number) => new RandomForest({ n_estimators: 15 }).fit(X, y, { seed });
    const [a, b, c] = await Promise.all([grow(7), grow(7), grow(8)]);
    expect(a.predictProba(X)).toEqual(b.predictProba(X));
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(a.predictProba(X)).not.toEqual(c.predictProba(X));
  });

  it("averages the trees' class shares into probabilities", async () => {
    const { X, y } = loadDataset("iris");
    const model = await new RandomForest({ n_estimators: 10 }).fit(X, y);
    const proba = model.predictProba(X);
    const pred = model.predict(X);
    for (let r = 0; r < X.rows; r++) {
      const row = Array.from(proba.subarray(r * 3, r * 3 + 3));
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      // Each tree votes in steps of its leaf shares; the mean of 10 trees is the prediction's basis.
      expect(pred[r]).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it("reports progress per tree and stops when aborted", async () => {
    const { X, y } = loadDataset("iris");
    const seen: Progress[] = [];
    await new RandomForest({ n_estimators: 12 }).fit(X, y, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ phase: "fit", done: 12, total: 12 });
    const controller = new AbortController();
    // Progress is throttled, so the first report (after tree 1) is the one sure to come.
    const stop = () => controller.abort();
    expect(() =>
      new RandomForest({ n_estimators: 50 }).fit(X, y, { signal: controller.signal, onProgress: stop }),
    ).toThrow(expect.objectContaining({ name: "AbortError" }));
  });

  it("predicts rows with missing values by the learned direction", async () => {
    const rows = 200;
    const data = new Float64Array(rows * 2);
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      values[r] = r % 2;
      data[r * 2] = r % 2 === 1 && r % 3 === 0 ? Number.NaN : (r % 2) * 10 + (r % 7);
      data[r * 2 + 1] = r % 5;
    }
    const X: Matrix = { data, rows, cols: 2, names: ["signal", "noise"] };
    const model = await new RandomForest({ n_estimators: 20, max_features: null }).fit(X, {
      values,
      classes: ["a", "b"],
    });
    const probe: Matrix = {
      data: Float64Array.of(Number.NaN, 1, 2, 1, 12, 1),
      rows: 3,
      cols: 2,
      names: X.names,
    };
    expect(Array.from(model.predict(probe))).toEqual([1, 0, 1]);
  });
});
