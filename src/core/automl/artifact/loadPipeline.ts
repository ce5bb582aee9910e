import { ValidationError } from "../../errors.ts";
import { getMetric } from "../../eval/metrics.ts";
import type { Estimator } from "../../models/estimator.ts";
import { modelFromJSON } from "../../models/registry.ts";
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import { fittedRecipeFromJSON } from "../../pipeline/recipeJson.ts";
import { PIPELINE_TYPE, PIPELINE_VERSION, type PipelineArtifact } from "./pipelineArtifact.ts";

/** A pipeline ready to predict: the artifact, its fitted recipe and its rebuilt model. */
export interface LoadedPipeline {
  artifact: PipelineArtifact;
  recipe: FittedRecipe;
  model: Estimator;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks a pipeline artifact (tag, version, parts) and rebuilds its recipe and model. Anything
 * else, or a damaged file, is a ValidationError saying what is wrong.
 */
export function loadPipeline(json: unknown): LoadedPipeline {
  if (!isObject(json) || json.type !== PIPELINE_TYPE) {
    const tag = isObject(json) ? String(json.type) : typeof json;
    throw new ValidationError(`not an ${PIPELINE_TYPE} artifact: ${tag}`);
  }
  if (json.version !== PIPELINE_VERSION) {
    throw new ValidationError(
      `unsupported ${PIPELINE_TYPE} artifact version ${String(json.version)} (expected ${PIPELINE_VERSION})`,
    );
  }
  const artifact = json as unknown as PipelineArtifact;
  if (typeof artifact.target !== "string" || !Array.isArray(artifact.inputs)) {
    throw new ValidationError(`invalid ${PIPELINE_TYPE} artifact: target and inputs are required`);
  }
  if (!["regression", "binary", "multiclass"].includes(artifact.task)) {
    throw new ValidationError(`invalid ${PIPELINE_TYPE} artifact: unknown task ${String(artifact.task)}`);
  }
  getMetric(String(artifact.metric));
  const recipe = fittedRecipeFromJSON(artifact.recipe);
  const model = modelFromJSON(artifact.model);
  if (artifact.task !== "regression") {
    if (!Array.isArray(artifact.classes) || artifact.classes.length < 2) {
      throw new ValidationError(`invalid ${PIPELINE_TYPE} artifact: a classifier needs its classes`);
    }
  }
  return { artifact, recipe, model };
}
