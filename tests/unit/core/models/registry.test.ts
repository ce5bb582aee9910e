import { describe, expect, it } from "vitest";
import { loadModelSpec, MODEL_IDS } from "../../../../src/core/models/loadModelSpec.ts";
import { getModel, MODELS, modelFromJSON, modelsForTask } from "../../../../src/core/models/registry.ts";
import { synthetic } from "./datasets.ts";

describe("model registry", () => {
  it("registers each id once, with a label, tasks and a param space within its defaults", () => {
    const ids = MODELS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["baseline", "linear", "logistic", "naive_bayes", "knn"]));
    for (const spec of MODELS) {
      expect(spec.label.length).toBeGreaterThan(0);
      expect(spec.tasks.length).toBeGreaterThan(0);
      if (spec.paramSpace && spec.defaults) {
        for (const name of Object.keys(spec.paramSpace)) expect(spec.defaults).toHaveProperty(name);
      }
    }
  });

  it("finds models by id and by task", () => {
    expect(getModel("logistic").needsScaling).toBe(true);
    expect(getModel("naive_bayes").needsScaling).toBe(false);
    expect(modelsForTask("regression").map((m) => m.id)).toContain("linear");
    expect(modelsForTask("regression").map((m) => m.id)).not.toContain("logistic");
  });

  it("throws ValidationError for an unknown id, task or parameter", () => {
    expect(() => getModel("foo")).toThrow(
      expect.objectContaining({ name: "ValidationError", message: "unknown model: foo" }),
    );
    expect(() => getModel("logistic").create({}, "regression")).toThrow(
      /model logistic does not support regression/,
    );
    expect(() => getModel("knn").create({ k: 3 })).toThrow(/unknown parameter for knn: k/);
  });

  it("creates with params over the defaults", () => {
    expect(getModel("knn").create({ n_neighbors: 3 }).params).toEqual({
      n_neighbors: 3,
      weights: "uniform",
      metric: "euclidean",
    });
  });

  it("rebuilds a model from its artifact by type tag", async () => {
    const { X, y } = synthetic("regression", 30);
    const model = await getModel("linear").create().fit(X, y);
    const restored = modelFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.type).toBe("linear");
    expect(restored.predict(X)).toEqual(model.predict(X));
    expect(() => modelFromJSON({ type: "nope", version: 1, params: {}, state: {} })).toThrow(
      /unknown model artifact: nope/,
    );
  });

  it("knows its ids and specs without loading itself (MODEL_IDS, loadModelSpec)", async () => {
    expect(MODEL_IDS).toEqual(MODELS.map((m) => m.id));
    for (const spec of MODELS) expect(await loadModelSpec(spec.id)).toBe(spec);
    await expect(loadModelSpec("nope")).rejects.toThrow(/unknown model: nope/);
  });
});
