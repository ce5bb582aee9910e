import { describe, expect, it } from "vitest";
import {
  clampValue,
  PLAYGROUND_SLIDERS,
  playgroundParams,
  sweepValues,
} from "../../../../../src/core/automl/boundary/playgroundParams.ts";
import { validationCurve } from "../../../../../src/core/automl/boundary/validationCurve.ts";
import { planLadder } from "../../../../../src/core/automl/ladder/ladderPlan.ts";
import { MODELS } from "../../../../../src/core/models/registry.ts";
import { signalFrame } from "../ladder/helpers.ts";

describe("validationCurve", () => {
  it("scores a tree's depth over 3 folds: training climbs to 1, validation falls behind it", async () => {
    const frame = signalFrame(300, 9);
    const plan = planLadder(frame, { target: "label", seed: 1, folds: 3 });
    const curve = await validationCurve(frame, plan, "decision_tree", { values: [1, 2, 4, 12] });
    expect(curve.param).toBe("max_depth");
    expect(curve.metric).toBe(plan.metric);
    expect(curve.values).toEqual([1, 2, 4, 12]);
    expect(curve.trainMean.every(Number.isFinite)).toBe(true);
    expect(curve.validationMean.every(Number.isFinite)).toBe(true);
    expect(curve.trainMean[3]).toBeGreaterThan(0.999);
    expect(curve.trainMean[3]).toBeGreaterThan(curve.trainMean[0]);
    expect(curve.trainMean[3] - curve.validationMean[3]).toBeGreaterThan(0.05);
    const again = await validationCurve(frame, plan, "decision_tree", { values: [1, 2, 4, 12] });
    expect(again).toEqual(curve);
  });

  it("varies the named slider and rejects one the model does not have", async () => {
    const frame = signalFrame(120, 2);
    const plan = planLadder(frame, { target: "label", seed: 1, folds: 3 });
    const curve = await validationCurve(frame, plan, "logistic", { folds: 2 });
    expect(curve.param).toBe("C");
    expect(curve.log).toBe(true);
    expect(curve.values).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000]);
    await expect(validationCurve(frame, plan, "knn", { param: "C" })).rejects.toThrow(
      'no hyperparameter "C" to vary for knn',
    );
  });
});

describe("playground sliders", () => {
  it("has sliders for every registered model, each starting inside its range", () => {
    for (const m of MODELS) {
      const sliders = PLAYGROUND_SLIDERS[m.id];
      expect(sliders, m.id).toBeDefined();
      for (const s of sliders) {
        expect(s.value).toBeGreaterThanOrEqual(s.min);
        expect(s.value).toBeLessThanOrEqual(s.max);
        // Every param a slider sets is one the model knows (create rejects unknown names).
        expect(() => m.create(playgroundParams(m.id, { [s.name]: s.max }))).not.toThrow();
      }
    }
  });

  it("clamps and rounds slider values and spreads sweeps evenly (in log space for log sliders)", () => {
    const [k] = PLAYGROUND_SLIDERS.knn;
    expect(clampValue(k, 0)).toBe(1);
    expect(clampValue(k, 7.6)).toBe(8);
    expect(() => clampValue(k, Number.NaN)).toThrow("invalid n_neighbors: NaN");
    expect(sweepValues(k, 3)).toEqual([1, 26, 50]);
    expect(sweepValues(PLAYGROUND_SLIDERS.linear[0], 3)).toEqual([1e-4, 0.316, 1000]);
    // About 160 Adam steps of 512 rows: 8 steps an epoch on 3,750 rows, 1 on 300.
    expect(playgroundParams("mlp", { hidden_units: 8 }, 3750)).toMatchObject({
      hidden_layer_sizes: [8],
      max_epochs: 20,
    });
    expect(playgroundParams("mlp", {}, 300)).toMatchObject({ hidden_layer_sizes: [16], max_epochs: 160 });
  });
});
