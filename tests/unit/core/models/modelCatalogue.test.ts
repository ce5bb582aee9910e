import { describe, expect, it } from "vitest";
import { loadModelSpec, MODEL_CATALOGUE } from "../../../../src/core/models/loadModelSpec.ts";
import { MODELS } from "../../../../src/core/models/registry.ts";

describe("the model catalogue (every spec without loading the registry)", () => {
  it("holds the registry's specs: the same objects for the synchronous families, the same fields for the net", () => {
    expect(MODEL_CATALOGUE.map((m) => m.id)).toEqual(MODELS.map((m) => m.id));
    for (const [i, spec] of MODEL_CATALOGUE.entries()) {
      const registered = MODELS[i];
      if (!spec.usesTfjs) {
        expect(spec).toBe(registered);
        continue;
      }
      const { create, fromJSON, labelFor, ...fields } = spec;
      const { create: c, fromJSON: f, labelFor: l, ...registeredFields } = registered;
      expect(fields).toEqual(registeredFields);
      expect(labelFor?.("binary", { ...spec.defaults })).toBe(l?.("binary", { ...registered.defaults }));
    }
  });

  it("builds and restores the net once loadModelSpec has loaded it, and says so before", async () => {
    const net = MODEL_CATALOGUE.find((m) => m.usesTfjs)!;
    expect(() => net.create({}, "binary")).toThrow(/not loaded: await loadModelSpec\("mlp"\)/);
    const registered = await loadModelSpec(net.id);
    const made = net.create({ max_epochs: 3 }, "binary");
    expect(made.constructor).toBe(registered.create({}, "binary").constructor);
    expect(made.params).toEqual(registered.create({ max_epochs: 3 }, "binary").params);
    // The catalogue's own checks run first, as the registry's.
    expect(() => net.create({ nope: 1 })).toThrow(/unknown parameter for mlp: nope/);
    expect(() => net.create({}, "regression")).not.toThrow();
    expect(() => net.fromJSON({ type: "mlp" })).toThrow();
  });
});
