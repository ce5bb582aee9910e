import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../../src/core/eval/crossValidate.ts";
import { kFold, stratifiedKFold } from "../../../../src/core/eval/kFold.ts";
import type { MetricId } from "../../../../src/core/framing/metrics.ts";
import type { Estimator } from "../../../../src/core/models/estimator.ts";
import { getModel, type ModelId, type ModelParams } from "../../../../src/core/models/registry.ts";
import { loadDataset } from "./datasets.ts";

// Score bands on real datasets (tests/fixtures/models, copied from shared/datasets), 5-fold CV with
// seed 0 on standardised features. Reference (scikit-learn, shared/datasets/README.md): iris
// logistic 0.960, breast_cancer logistic ROC AUC 0.995, diabetes ridge R² 0.497.

async function cvScore(
  id: ModelId,
  dataset: string,
  metric: MetricId,
  params?: ModelParams,
): Promise<number> {
  const { X, y } = loadDataset(dataset);
  const folds = y.classes ? stratifiedKFold(y.values, 5, { seed: 0 }) : kFold(X.rows, 5, { seed: 0 });
  const make = (): Estimator => getModel(id).create(params);
  return (await crossValidate(make, X, y, folds, { metric, seed: 0, trainScores: false })).score;
}

describe("dataset score bands (5-fold CV)", () => {
  it("logistic regression on iris: accuracy >= 0.93", async () => {
    expect(await cvScore("logistic", "iris", "accuracy")).toBeGreaterThanOrEqual(0.93);
  });

  it("logistic regression on breast_cancer: ROC AUC >= 0.99", async () => {
    expect(await cvScore("logistic", "breast_cancer", "roc_auc")).toBeGreaterThanOrEqual(0.99);
  });

  it("ridge on diabetes: R² >= 0.45", async () => {
    expect(await cvScore("linear", "diabetes", "r2")).toBeGreaterThanOrEqual(0.45);
  });

  it("Gaussian naive Bayes on iris: accuracy >= 0.93", async () => {
    expect(await cvScore("naive_bayes", "iris", "accuracy")).toBeGreaterThanOrEqual(0.93);
  });

  it("kNN on iris: accuracy >= 0.93", async () => {
    expect(await cvScore("knn", "iris", "accuracy")).toBeGreaterThanOrEqual(0.93);
  });

  it("baseline on iris: accuracy about 1/3", async () => {
    // 50 rows per class: every training fold's majority is a third of the test fold at best.
    expect(await cvScore("baseline", "iris", "accuracy")).toBeCloseTo(1 / 3, 1);
  });
});
