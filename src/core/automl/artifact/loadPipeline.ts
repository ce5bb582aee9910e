import { ValidationError } from "../../errors.ts";
import { getMetric } from "../../framing/metrics.ts";
import type { Estimator } from "../../models/estimator.ts";
import { MODELS, type ModelId, modelFromJSON } from "../../models/registry.ts";
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import { fittedRecipeFromJSON } from "../../pipeline/recipeJson.ts";
import {
  isEnsembleArtifact,
  PIPELINE_TYPE,
  PIPELINE_VERSION,
  type PipelineArtifact,
} from "./pipelineArtifact.ts";

/** One fitted recipe and model of a pipeline, with its weight in the blend (1 for a single model). */
export interface LoadedMember {
  modelId: ModelId;
  weight: number;
  recipe: FittedRecipe;
  model: Estimator;
}

/**
 * A pipeline ready to predict: the artifact and its rebuilt members. A single-model pipeline has
 * one member, also reachable as `recipe` and `model`; an ensemble has several and no `model`.
 */
export interface LoadedPipeline {
  artifact: PipelineArtifact;
  members: LoadedMember[];
  /** The single model's fitted recipe (the first member's for an ensemble). */
  recipe: FittedRecipe;
  /** The single model; null for an ensemble. */
  model: Estimator | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const invalid = (why: string) => new ValidationError(`invalid ${PIPELINE_TYPE} artifact: ${why}`);

/**
 * Checks a pipeline artifact (tag, version, parts) and rebuilds its recipe and model, or each
 * member's for an ensemble. Anything else, or a damaged file, is a ValidationError saying what
 * is wrong.
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
    throw invalid("target and inputs are required");
  }
  if (!["regression", "binary", "multiclass"].includes(artifact.task)) {
    throw invalid(`unknown task ${String(artifact.task)}`);
  }
  getMetric(String(artifact.metric));
  if (artifact.task !== "regression") {
    if (!Array.isArray(artifact.classes) || artifact.classes.length < 2) {
      throw invalid("a classifier needs its classes");
    }
  }
  let members: LoadedMember[];
  if (isEnsembleArtifact(artifact)) {
    if (!Array.isArray(artifact.members) || artifact.members.length === 0) {
      throw invalid("an ensemble needs its members");
    }
    members = artifact.members.map((m, i) => {
      if (!isObject(m) || !(typeof m.weight === "number" && m.weight > 0)) {
        throw invalid(`member ${i + 1} needs a positive weight`);
      }
      if (!MODELS.some((s) => s.id === m.model_id))
        throw invalid(`member ${i + 1}: unknown model ${m.model_id}`);
      return {
        modelId: m.model_id,
        weight: m.weight,
        recipe: fittedRecipeFromJSON(m.recipe),
        model: modelFromJSON(m.model),
      };
    });
    const total = members.reduce((s, m) => s + m.weight, 0);
    for (const m of members) m.weight /= total;
    return { artifact, members, recipe: members[0].recipe, model: null };
  }
  const recipe = fittedRecipeFromJSON(artifact.recipe);
  const model = modelFromJSON(artifact.model);
  members = [{ modelId: artifact.model_id, weight: 1, recipe, model }];
  return { artifact, members, recipe, model };
}
