import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../../src/core/eval/crossValidate.ts";
import { kFold, stratifiedKFold, timeSeriesSplit } from "../../../../src/core/eval/kFold.ts";
import { Baseline } from "../../../../src/core/models/baseline/baseline.ts";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { RidgeRegression } from "../../../../src/core/models/linear/ridgeRegression.ts";
import type { Progress } from "../../../../src/core/progress.ts";

const X: Matrix = {
  data: Float64Array.from({ length: 12 }, (_, i) => i),
  rows: 12,
  cols: 1,
  names: ["x"],
};

describe("crossValidate", () => {
  it("collects out-of-fold predictions and scores", async () => {
    // y = 2x + 1 exactly: ridge with alpha 0 predicts every held-out row exactly.
    const y: Target = { values: Float64Array.from({ length: 12 }, (_, i) => 2 * i + 1) };
    const res = await crossValidate(
      () => new RidgeRegression({ alpha: 0 }),
      X,
      y,
      kFold(12, 4, { seed: 1 }),
      {
        metric: "rmse",
      },
    );
    expect(res.task).toBe("regression");
    expect(res.foldScores).toHaveLength(4);
    expect(res.score).toBeCloseTo(0, 9);
    for (let i = 0; i < 12; i++) expect(res.predictions[i]).toBeCloseTo(2 * i + 1, 9);
    expect(res.trainScores.every((s) => s < 1e-9)).toBe(true);
  });

  it("fills class probabilities with the full class count even when a fold lacks a class", async () => {
    // Class 2 occurs once, so three of the four training sets never see it.
    const values = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2]);
    const y: Target = { values, classes: ["a", "b", "c"] };
    const res = await crossValidate(() => new Baseline(), X, y, stratifiedKFold(values, 4, { seed: 2 }), {
      keepModels: true,
    });
    expect(res.task).toBe("multiclass");
    expect(res.metric).toBe("accuracy");
    expect(res.proba).toHaveLength(36);
    expect(res.nClasses).toBe(3);
    expect(res.models).toHaveLength(4);
    // Out-of-fold predictions are the training folds' majority class: always 0 here.
    expect(Array.from(res.predictions)).toEqual(new Array(12).fill(0));
    expect(res.score).toBe(0.5);
  });

  it("leaves rows that no fold tests as NaN and scores only tested rows", async () => {
    const y: Target = { values: Float64Array.from({ length: 12 }, (_, i) => i) };
    const res = await crossValidate(() => new Baseline(), X, y, timeSeriesSplit(12, 3), { metric: "mae" });
    expect(Array.from(res.tested)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(res.predictions[0]).toBeNaN();
    // Fold 1 trains on 0..2 (mean 1) and tests 3..5; fold 2: mean 2.5 for 6..8; fold 3: mean 4 for 9..11.
    expect(Array.from(res.predictions.subarray(3))).toEqual([1, 1, 1, 2.5, 2.5, 2.5, 4, 4, 4]);
    // MAE over the nine tested rows: (2 + 3 + 4 + 3.5 + 4.5 + 5.5 + 5 + 6 + 7) / 9 = 4.5.
    expect(res.score).toBeCloseTo(4.5, 12);
  });

  it("reports one progress step per fold and stops between folds when aborted", async () => {
    const y: Target = { values: Float64Array.from({ length: 12 }, (_, i) => i) };
    const seen: Progress[] = [];
    await crossValidate(() => new Baseline(), X, y, kFold(12, 3), { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ phase: "cross-validation", done: 3, total: 3 });

    const controller = new AbortController();
    let fits = 0;
    const make = () => {
      const model = new Baseline();
      const realFit = model.fit.bind(model);
      model.fit = (...args) => {
        if (++fits === 2) controller.abort();
        return realFit(...args);
      };
      return model;
    };
    const run = crossValidate(make, X, y, kFold(12, 4), { signal: controller.signal });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(fits).toBe(2);
  });

  it("rejects a metric that does not fit the task", async () => {
    const y: Target = { values: new Float64Array(12) };
    await expect(
      crossValidate(() => new Baseline(), X, y, kFold(12, 3), { metric: "accuracy" }),
    ).rejects.toThrow(/metric accuracy does not apply to regression/);
  });
});
