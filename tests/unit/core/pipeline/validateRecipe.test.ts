import { describe, expect, it } from "vitest";
import { recipeProblems, validateRecipe } from "../../../../src/core/pipeline/validateRecipe.ts";

const step = (over: Record<string, unknown> = {}) => ({
  id: "s1",
  type: "impute",
  enabled: true,
  columns: "auto",
  params: {},
  ...over,
});

describe("validateRecipe", () => {
  it("accepts a well-formed recipe and returns it", () => {
    const recipe = {
      version: 1,
      target: "y",
      steps: [step(), step({ id: "s2", type: "one_hot", columns: ["c"], reason: "Why." })],
    };
    expect(validateRecipe(recipe)).toBe(recipe);
  });

  it("names the step (1-based) and the field of each problem", () => {
    const problems = recipeProblems({
      version: 1,
      target: null,
      steps: [
        step({ params: { strategy: "avg" } }),
        step({ type: "nope" }),
        step({ id: "s1", type: "standard" }),
        step({ id: "s4", enabled: "yes", columns: [1] }),
        step({ id: "s5", type: "one_hot", params: { max_levels: 0, colour: 1 } }),
        "impute",
      ],
    });
    expect(problems).toEqual([
      'step 1 (impute): params.strategy: expected one of mean | median | most_frequent | constant | knn, got "avg"',
      'step 2: type: unknown step "nope"',
      'step 3 (standard): id: "s1" is used by an earlier step',
      'step 4 (impute): enabled: expected true or false, got "yes"',
      'step 4 (impute): columns: expected "auto" or a list of column names, got [1]',
      "step 5 (one_hot): params.max_levels: must be at least 1, got 0; params.colour: unknown param (known: max_levels, unseen, missing)",
      'step 6: expected an object, got "impute"',
    ]);
  });

  it("checks the recipe itself and throws one ValidationError listing everything", () => {
    expect(recipeProblems(null)).toEqual(["recipe: expected an object, got null"]);
    expect(recipeProblems({ version: 2, target: 3, steps: {} })).toEqual([
      "recipe.version: expected 1, got 2",
      "recipe.target: expected a column name or null, got 3",
      "recipe.steps: expected a list of steps, got {}",
    ]);
    expect(() => validateRecipe({ version: 1, target: null, steps: [step({ type: "fix_type" })] })).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        message: "invalid recipe: step 1 (fix_type): list the columns to re-type",
      }),
    );
  });
});
