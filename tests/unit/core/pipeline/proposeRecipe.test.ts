import { describe, expect, it } from "vitest";
import { proposeRecipe } from "../../../../src/core/pipeline/proposeRecipe.ts";
import { hasStep } from "../../../../src/core/pipeline/stepCatalogue.ts";
import { validateRecipe } from "../../../../src/core/pipeline/validateRecipe.ts";
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

  it("weights classes for an imbalanced multiclass target, not for a binary one", () => {
    const classes = ["a", "b", "c"];
    const multi = mixedFrame();
    const target = multi.columns.find((c) => c.name === "churn")!;
    if (target.data.type !== "dict") throw new Error("churn should be categorical");
    target.data = {
      type: "dict",
      levels: classes,
      codes: Int32Array.from({ length: multi.rows }, (_, i) => (i % 10 === 0 ? 1 : i % 10 === 1 ? 2 : 0)),
    };
    const weighted = proposeRecipe(multi, { target: "churn", task: "multiclass" });
    expect(weighted.steps.at(-1)?.type).toBe("class_weights");
    expect(weighted.steps.at(-1)?.reason).toMatch(/imbalanced/);
    const binary = proposeRecipe(frame, { target: "churn", task: "binary" });
    expect(binary.steps.map((s) => s.type)).not.toContain("class_weights");
  });

  it("one-hot encodes as many levels as the rows allow and target-encodes the rest", () => {
    const big = mixedFrame(400);
    const recipe = proposeRecipe(big, { target: "churn", task: "binary" });
    const byId = Object.fromEntries(recipe.steps.map((s) => [s.id, s]));
    expect(byId.one_hot.columns).toEqual(["color", "city"]);
    expect(byId.target_encoding).toBeUndefined();
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
