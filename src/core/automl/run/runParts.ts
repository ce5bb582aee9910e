/**
 * The run service's helpers: the ladder's options for run settings, and the stored parts of a
 * finished model (pipeline, evaluation, insights, predictions).
 */
import { type Criterion, parseCriterion } from "../../framing/criterion.ts";
import { syncSpecOfType } from "../../models/syncModels.ts";
import { fittedRecipeFromJSON } from "../../pipeline/recipeJson.ts";
import {
  isEnsembleArtifact,
  makePipelineArtifact,
  type PipelineArtifact,
} from "../artifact/pipelineArtifact.ts";
import { evaluateModel } from "../evaluation/evaluateModel.ts";
import { type ModelInsights, modelInsights } from "../evaluation/modelInsights.ts";
import type { ModelPredictions } from "../evaluation/modelPredictions.ts";
import { FINAL_FOLD, type FoldResult } from "../ladder/foldJob.ts";
import { ENSEMBLE_ID, type LeaderboardEntry } from "../ladder/leaderboard.ts";
import type { FoldRunner, LadderOptions } from "../ladder/runLadder.ts";
import { modelTrials } from "../tune/tuning.ts";
import type { RunSettings } from "./runSettings.ts";
import type { ModelParts } from "./runStore.ts";

/** Drawn depth of a decision tree: deeper levels are summarised as "more". */
export const TREE_DEPTH = 4;

function criterionOf(text: string | null): Criterion | null {
  if (!text) return null;
  try {
    return parseCriterion(text);
  } catch {
    return null;
  }
}

/**
 * The ladder's options for run settings (everything but the executor and callbacks): the test
 * share, the folds and the seed come from the run's split, whatever its kind.
 */
export function ladderOptions(settings: RunSettings): LadderOptions {
  const { split } = settings;
  return {
    target: settings.target,
    recipe: settings.recipe,
    folds: split.folds,
    testSize: split.testFraction,
    split,
    seed: split.seed,
    metric: settings.metric ?? undefined,
    positiveClass: settings.positiveClass ?? undefined,
    models: settings.models,
    params: settings.params,
    criterion: criterionOf(settings.criterion),
    ensemble: settings.ensemble,
    tune: (model) => modelTrials(settings.tune, model),
  };
}

/** A fold runner that also keeps each model's refitted pipeline (the final job's), for checkpoints. */
export function keepingFinals(run: FoldRunner): {
  runFold: FoldRunner;
  finals: Map<string, FoldResult["pipeline"]>;
} {
  const finals = new Map<string, FoldResult["pipeline"]>();
  const runFold: FoldRunner = async (job, signal) => {
    const result = await run(job, signal);
    if (job.fold === FINAL_FOLD && result.pipeline) finals.set(job.model, result.pipeline);
    return result;
  };
  return { runFold, finals };
}

/**
 * The insights of a pipeline made by the run. Only the synchronous families declare the
 * capabilities they come from (`capability` reads syncModels), so only their models are rebuilt;
 * an ensemble or the neural net has none, as `modelInsights` says of a pipeline without a
 * model. Not `loadPipeline`: it goes through the registry, which loads tfjs (~100 MB in the command
 * line's process for a run without the net).
 */
function insightsOf(artifact: PipelineArtifact | null): ModelInsights | null {
  if (!artifact) return null;
  try {
    const spec = isEnsembleArtifact(artifact) ? undefined : syncSpecOfType(artifact.model?.type);
    if (isEnsembleArtifact(artifact) || !spec) return { featureImportances: null, tree: null };
    const recipe = fittedRecipeFromJSON(artifact.recipe);
    const model = spec.fromJSON(artifact.model);
    const members = [{ modelId: artifact.model_id, weight: 1, recipe, model }];
    return modelInsights({ artifact, members, recipe, model }, { maxDepth: TREE_DEPTH });
  } catch {
    return null;
  }
}

/**
 * The stored parts of a finished model: its pipeline (when refitted), evaluation, insights and
 * predictions; `charts: false` leaves out the evaluation and insights (for a caller that draws none).
 */
export function modelParts(
  entry: LeaderboardEntry,
  predictions: ModelPredictions | null,
  pipeline: FoldResult["pipeline"] | PipelineArtifact | null | undefined,
  seed: number,
  charts = true,
): ModelParts {
  let artifact: PipelineArtifact | null = null;
  if (pipeline && "type" in pipeline) artifact = pipeline;
  else if (pipeline && entry.model !== ENSEMBLE_ID) {
    artifact = makePipelineArtifact({
      recipe: pipeline.recipe,
      model: pipeline.model,
      modelId: entry.model,
      label: entry.label,
      metric: entry.metric,
      seed,
    });
  }
  return {
    artifact,
    evaluation: charts && predictions ? evaluateModel(predictions, { seed }) : null,
    insights: charts ? insightsOf(artifact) : null,
    predictions,
  };
}
