import { describe, expect, it } from "vitest";
import { parseRecipeFile, recipeFileName, recipeToJson } from "../../../../src/ui/recipe/recipeFile.ts";

describe("recipe files", () => {
  it("names the file after the project", () => {
    expect(recipeFileName("Penguins: species")).toBe("penguins-species-recipe.json");
    expect(recipeFileName("  ")).toBe("project-recipe.json");
  });

  it("reads back what it writes", () => {
    const recipe = {
      version: 1 as const,
      target: "species",
      steps: [{ id: "impute", type: "impute", enabled: false, columns: "auto" as const, params: { k: 3 } }],
    };
    expect(parseRecipeFile(recipeToJson(recipe))).toEqual({ ok: true, recipe });
  });

  it("explains a bad file in plain words", () => {
    const notJson = parseRecipeFile("{ nope");
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.message).toMatch(/^This file is not JSON/);
    const bad = parseRecipeFile(
      JSON.stringify({
        version: 1,
        target: null,
        steps: [{ id: "a", type: "impute", enabled: true, columns: "auto", params: { strategy: "avg" } }],
      }),
    );
    expect(bad).toEqual({
      ok: false,
      message: "This file is not a recipe the app can use (1 problem); your recipe is unchanged.",
      problems: [
        'step 1 (impute): params.strategy: expected one of mean | median | most_frequent | constant | knn, got "avg"',
      ],
    });
    const many = parseRecipeFile(JSON.stringify({ version: 2, target: 3, steps: [1, 2, 3, 4, 5] }));
    expect(!many.ok && many.problems.at(-1)).toBe("and 2 more");
  });
});
