import { describe, expect, it } from "vitest";
import { ARGMAX_OF_PROBA, predictIn } from "../../../../../src/core/automl/ladder/predictIn.ts";
import type { Estimator, Matrix } from "../../../../../src/core/models/estimator.ts";
import { argmax } from "../../../../../src/core/models/fitChecks.ts";
import { MODELS } from "../../../../../src/core/models/registry.ts";
import { synthetic } from "../../models/datasets.ts";

/** Counts the model's predict and predictProba calls. */
function counted(model: Estimator) {
  const calls = { predict: 0, predictProba: 0 };
  const predict = model.predict.bind(model);
  const proba = model.predictProba!.bind(model);
  model.predict = (X: Matrix) => {
    calls.predict++;
    return predict(X);
  };
  model.predictProba = (X: Matrix) => {
    calls.predictProba++;
    return proba(X);
  };
  return calls;
}

const classifiers = MODELS.filter((m) => m.tasks.includes("binary") && m.tasks.includes("multiclass"));

describe("predictIn", () => {
  it("lists only real model types", () => {
    const ids = new Set(MODELS.map((m) => m.artifactType ?? m.id));
    for (const type of ARGMAX_OF_PROBA) expect(ids.has(type), type).toBe(true);
  });

  for (const spec of classifiers) {
    for (const task of ["binary", "multiclass"] as const) {
      it(`${spec.id} (${task}): the same labels and probabilities as predict, in the run's numbering`, async () => {
        const { X, y } = synthetic(task, 80, 5);
        const model = await spec.create(undefined, task).fit(X, y, { seed: 3 });
        const own = y.classes!;
        // The run's order differs from the model's: the labels and columns must move with it.
        const all = [...own].reverse();
        const label = model.predict(X);
        const proba = model.predictProba!(X);
        const k = own.length;
        if (ARGMAX_OF_PROBA.has(model.type))
          for (let r = 0; r < X.rows; r++) expect(argmax(proba, r * k, k)).toBe(label[r]);
        const calls = counted(model);
        const out = predictIn(model, X, own, all);
        expect([...out.predictions]).toEqual(Array.from(label, (c) => k - 1 - c));
        for (let r = 0; r < X.rows; r++)
          for (let c = 0; c < k; c++) expect(out.proba![r * k + (k - 1 - c)]).toBe(proba[r * k + c]);
        // One pass over the rows where the labels are the probabilities' argmax.
        expect(calls).toEqual(
          ARGMAX_OF_PROBA.has(model.type) ? { predict: 0, predictProba: 1 } : { predict: 1, predictProba: 1 },
        );
      });
    }
  }

  it("a tie goes to the first class of the model's own order, as predict's argmax", () => {
    const X: Matrix = { data: new Float64Array(2), rows: 2, cols: 1, names: ["x"] };
    const tie = {
      type: "logistic",
      predict: () => new Float64Array([0, 0]),
      predictProba: () => new Float64Array([0.5, 0.5, 0.5, 0.5]),
    } as unknown as Estimator;
    expect([...predictIn(tie, X, ["a", "b"], ["b", "a"]).predictions]).toEqual([1, 1]);
  });
});
