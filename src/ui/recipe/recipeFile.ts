/** A recipe as a file: its name, its text, and reading one back with every problem in plain words. */
import { recipeProblems } from "../../core/pipeline/validateRecipe.ts";
import type { Recipe } from "../../core/prep/step.ts";

/** Problems listed in an import error before "and N more". */
const MAX_LISTED = 5;

/** "Penguins: species" -> "penguins-species-recipe.json". */
export function recipeFileName(projectName: string): string {
  const slug = projectName
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "project"}-recipe.json`;
}

export function recipeToJson(recipe: Recipe): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}

export type ParsedRecipeFile =
  | { ok: true; recipe: Recipe }
  | { ok: false; message: string; problems: string[] };

/** Reads an exported recipe; a bad file gives a sentence and its problems, never a throw. */
export function parseRecipeFile(text: string): ParsedRecipeFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      message: `This file is not JSON, so it cannot be a recipe (${(err as Error).message}).`,
      problems: [],
    };
  }
  const problems = recipeProblems(json);
  if (problems.length === 0) return { ok: true, recipe: json as Recipe };
  const listed = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) listed.push(`and ${problems.length - MAX_LISTED} more`);
  return {
    ok: false,
    message: `This file is not a recipe the app can use (${problems.length === 1 ? "1 problem" : `${problems.length} problems`}); your recipe is unchanged.`,
    problems: listed,
  };
}
