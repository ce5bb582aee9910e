import { describe, expect, it } from "vitest";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { getModel } from "../../../../src/core/models/registry.ts";
import { synthetic } from "./datasets.ts";

// The simple models expect imputed input: NaN in X is refused with its position.
describe.each(["baseline", "linear", "logistic", "naive_bayes", "knn"])("%s input checks", (id) => {
  const spec = getModel(id);
  const task = spec.tasks.includes("binary") ? "binary" : "regression";
  const { X, y } = synthetic(task, 20);

  it("refuses NaN features, naming the row and column", async () => {
    const data = Float64Array.from(X.data);
    data[3 * X.cols + 1] = Number.NaN;
    const bad: Matrix = { ...X, data };
    expect(() => spec.create().fit(bad, y)).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        message: 'invalid value NaN at row 3, column "x1"',
      }),
    );
  });

  it("refuses a prediction matrix with another column count", async () => {
    const model = await spec.create().fit(X, y);
    const narrow: Matrix = { data: new Float64Array(4), rows: 2, cols: 2, names: ["a", "b"] };
    expect(() => model.predict(narrow)).toThrow(/2 columns, fitted on 3/);
  });

  it("refuses bad sample weights", async () => {
    expect(() => spec.create().fit(X, y, { sampleWeight: new Float64Array(X.rows) })).toThrow(
      /invalid sample weights: they sum to 0/,
    );
  });
});
