import type { Recipe, StepConfig } from "../../../../src/core/prep/step.ts";

/** An enabled step on automatic columns. */
export const step = (id: string, type: string, params: Record<string, unknown> = {}): StepConfig => ({
  id,
  type,
  enabled: true,
  columns: "auto",
  params,
});

/** A version 1 recipe of `steps` for the penguins' target. */
export const speciesRecipe = (steps: StepConfig[]): Recipe => ({ version: 1, target: "species", steps });
