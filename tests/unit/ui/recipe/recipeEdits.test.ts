import { describe, expect, it } from "vitest";
import { STEP_CATALOGUE } from "../../../../src/core/pipeline/stepCatalogue.ts";
import { recipeProblems, validateRecipe } from "../../../../src/core/pipeline/validateRecipe.ts";
import type { Recipe, StepConfig } from "../../../../src/core/prep/step.ts";
import {
  addStep,
  canMove,
  FEATURE_CATEGORIES,
  groupProblems,
  inCategories,
  moveStep,
  newStepId,
  PREPARE_CATEGORIES,
  removeStep,
  setColumns,
  setParam,
  setParams,
  stepsIn,
  stepTypesIn,
  toggleStep,
} from "../../../../src/ui/recipe/recipeEdits.ts";
import { speciesRecipe, step } from "./recipeFixtures.ts";

/** impute, dates, one_hot, select, scale: Prepare and Features steps interleaved. */
const recipe = speciesRecipe([
  step("impute", "impute"),
  step("dates", "date_parts"),
  step("one_hot", "one_hot"),
  step("select", "select"),
  step("scale", "standard"),
]);
const ids = (r: Recipe) => r.steps.map((s) => s.id);
const prepare = (s: StepConfig) => inCategories(s, PREPARE_CATEGORIES);
const features = (s: StepConfig) => inCategories(s, FEATURE_CATEGORIES);

describe("recipe edits", () => {
  it("filters each phase's steps and keeps the global order", () => {
    expect(ids({ ...recipe, steps: stepsIn(recipe, PREPARE_CATEGORIES) })).toEqual([
      "impute",
      "one_hot",
      "scale",
    ]);
    expect(ids({ ...recipe, steps: stepsIn(recipe, FEATURE_CATEGORIES) })).toEqual(["dates", "select"]);
    expect(stepTypesIn(FEATURE_CATEGORIES).map((d) => d.type)).toContain("select");
    expect(stepTypesIn(PREPARE_CATEGORIES).map((d) => d.type)).not.toContain("select");
  });

  it("toggles one step and leaves the others as they were (same objects)", () => {
    const next = toggleStep(recipe, "one_hot", false);
    expect(next.steps[2].enabled).toBe(false);
    expect(next.steps[0]).toBe(recipe.steps[0]);
    expect(recipe.steps[2].enabled).toBe(true);
    expect(toggleStep(recipe, "one_hot", true)).toBe(recipe);
    expect(toggleStep(recipe, "nope", false)).toBe(recipe);
  });

  it("moves a step past its neighbour in the whole recipe", () => {
    expect(ids(moveStep(recipe, "scale", -1))).toEqual(["impute", "dates", "one_hot", "scale", "select"]);
    expect(ids(moveStep(recipe, "impute", 1))).toEqual(["dates", "impute", "one_hot", "select", "scale"]);
    expect(moveStep(recipe, "impute", -1)).toBe(recipe);
    expect(canMove(recipe, "impute", -1)).toBe(false);
    expect(canMove(recipe, "scale", 1)).toBe(false);
  });

  it("moves past the nearest step of the same phase, leaving other phases' steps in place", () => {
    // scale (Prepare) up: past one_hot; select (Features) keeps its place between them.
    expect(ids(moveStep(recipe, "scale", -1, prepare))).toEqual([
      "impute",
      "dates",
      "scale",
      "one_hot",
      "select",
    ]);
    expect(ids(moveStep(recipe, "impute", 1, prepare))).toEqual([
      "dates",
      "one_hot",
      "impute",
      "select",
      "scale",
    ]);
    expect(ids(moveStep(recipe, "select", -1, features))).toEqual([
      "impute",
      "select",
      "dates",
      "one_hot",
      "scale",
    ]);
    expect(canMove(recipe, "dates", -1, features)).toBe(false);
    expect(canMove(recipe, "select", 1, features)).toBe(false);
    expect(canMove(recipe, "one_hot", 1, prepare)).toBe(true);
  });

  it("adds a step at the end with its defaults and a fresh id", () => {
    const { recipe: next, id } = addStep(recipe, "outliers");
    expect(id).toBe("outliers");
    expect(next.steps.at(-1)).toEqual({
      id: "outliers",
      type: "outliers",
      enabled: true,
      columns: "auto",
      params: { method: "iqr", factor: 1.5, threshold: 3, action: "clip" },
    });
    expect(newStepId(next, "outliers")).toBe("outliers_2");
    expect(addStep(addStep(next, "outliers").recipe, "outliers").id).toBe("outliers_3");
    expect(newStepId(recipe, "impute")).toBe("impute_2");
  });

  it("gives every registered step defaults that pass validation, but those that need columns named", () => {
    const needColumns = new Map<string, string[]>();
    for (const def of STEP_CATALOGUE) {
      const { recipe: next } = addStep({ version: 1, target: "y", steps: [] }, def.type);
      const problems = recipeProblems(next);
      if (problems.length > 0) needColumns.set(def.type, problems);
    }
    // Their problem shows next to the new step until columns are picked.
    expect([...needColumns.keys()]).toEqual(["drop_columns", "fix_type"]);
    expect(needColumns.get("fix_type")).toEqual(["step 1 (fix_type): list the columns to re-type"]);
  });

  it("removes a step", () => {
    expect(ids(removeStep(recipe, "dates"))).toEqual(["impute", "one_hot", "select", "scale"]);
    expect(removeStep(recipe, "nope")).toBe(recipe);
  });

  it("sets params and columns without touching the input", () => {
    const a = setParam(recipe, "impute", "strategy", "mean");
    expect(a.steps[0].params).toEqual({ strategy: "mean" });
    expect(recipe.steps[0].params).toEqual({});
    expect(setParam(a, "impute", "strategy", undefined).steps[0].params).toEqual({});
    const b = setParams(recipe, "select", { keep: "k", k: 5 });
    expect(b.steps[3].params).toEqual({ keep: "k", k: 5 });
    const c = setColumns(recipe, "one_hot", ["island", "sex"]);
    expect(c.steps[2].columns).toEqual(["island", "sex"]);
    expect(setColumns(c, "one_hot", "auto").steps[2].columns).toBe("auto");
    expect(validateRecipe(c)).toBe(c);
  });

  it("groups problems under the step they name, in the step's words", () => {
    const bad = setParam(setParam(recipe, "impute", "k", 0), "select", "keep", "most");
    const grouped = groupProblems(bad, [...recipeProblems(bad), "recipe.version: expected 1, got 2"]);
    expect(grouped.byStep.impute).toEqual(["Fill missing values (step 1): k: must be at least 1, got 0"]);
    expect(grouped.byStep.select?.[0]).toMatch(/^Select features \(step 4\): keep: /);
    expect(grouped.general).toEqual(["recipe.version: expected 1, got 2"]);
  });
});
