import type { Recipe } from "../prep/step.ts";

/**
 * The recipe a given model trains with: steps marked `for_models: "scaling"` are switched off for
 * models that do not need scaled inputs (trees and boosting split on order, not distance), so
 * they do not pay for them and their fitted pipeline stays smaller.
 */
export function recipeForModel(recipe: Recipe, model: { needsScaling: boolean }): Recipe {
  if (model.needsScaling) return recipe;
  return {
    ...recipe,
    steps: recipe.steps.map((s) =>
      s.params?.for_models === "scaling" && s.enabled ? { ...s, enabled: false } : s,
    ),
  };
}
