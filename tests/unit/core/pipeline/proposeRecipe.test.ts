import { describe, expect, it } from "vitest";
import { proposeRecipe } from "../../../../src/core/pipeline/proposeRecipe.ts";
import { validateRecipe } from "../../../../src/core/pipeline/validateRecipe.ts";
import { hasStep } from "../../../../src/core/prep/registry.ts";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import { mixedFrame } from "./mixedFrame.ts";

describe("proposeRecipe", () => {
  const frame = mixedFrame();

  it("proposes the default steps in order, each with a reason", () => {
    const recipe = proposeRecipe(frame, { target: "churn", task: "binary" });
    expect(() => validateRecipe(recipe)).not.toThrow();
    const dates = hasStep("date_parts") ? ["date_parts"] : [];
    expect(recipe.steps.map((s) => s.id)).toEqual([
      "drop_columns",
      ...dates,
      "impute_numeric",
      "impute_categorical",
      "one_hot",
      "target_encoding",
      "scale",
      "class_weights",
    ]);
    const byId = Object.fromEntries(recipe.steps.map((s) => [s.id, s]));
    expect(byId.drop_columns.columns).toEqual(["row_id", "const", "notes"]);
    expect(byId.drop_columns.reason).toContain('"row_id" identifies rows');
    expect(byId.impute_numeric.params).toMatchObject({
      strategy: "median",
      add_indicator: true,
      indicator_threshold: 0.05,
    });
    expect(byId.impute_categorical.params).toMatchObject({ strategy: "most_frequent" });
    expect(byId.one_hot.columns).toEqual(["color"]);
    expect(byId.target_encoding.columns).toEqual(["city"]);
    expect(byId.scale).toMatchObject({ type: "standard", params: { for_models: "scaling" } });
    for (const s of recipe.steps) expect(s.reason, s.id).toMatch(/^\S.*\.$/);
  });

  it("uses frequency encoding without a target, and no class weights", () => {
    const recipe = proposeRecipe(frame, { target: null, task: null });
    const types = recipe.steps.map((s) => s.type);
    expect(types).toContain("frequency");
    expect(types).not.toContain("target_encoding");
    expect(types).not.toContain("class_weights");
  });

  it("reads id-like and constant columns from a profile when given one", () => {
    const profile = profileFrame(frame, { target: "churn" });
    const recipe = proposeRecipe(frame, { target: "churn", task: "binary", profile });
    expect(recipe.steps[0].columns).toEqual(["row_id", "const", "notes"]);
  });
});
