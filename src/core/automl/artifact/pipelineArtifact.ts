import type { ColumnKind } from "../../data/frame.ts";
import type { MetricId } from "../../eval/metrics.ts";
import type { Artifact, Task } from "../../models/estimator.ts";
import type { ModelId } from "../../models/registry.ts";
import type { FittedRecipeJSON } from "../../pipeline/recipeJson.ts";
import type { LeaderboardEntry } from "../ladder/leaderboard.ts";

/** Tag and version of the pipeline file format. */
export const PIPELINE_TYPE = "automl-pipeline";
export const PIPELINE_VERSION = 1;

/** One leaderboard row as the artifact remembers it (null for a score that was not defined). */
export interface LeaderboardSummaryRow {
  model: ModelId;
  label: string;
  cv_mean: number | null;
  cv_std: number | null;
  /** The ranking metric on the test part, when there was one. */
  test_score: number | null;
}

/**
 * A trained pipeline as a file: the fitted recipe that turns raw rows into model inputs, the fitted
 * model, and what is needed to use and judge them. Plain JSON (JSON.stringify writes it as is).
 */
export interface PipelineArtifact {
  type: typeof PIPELINE_TYPE;
  version: typeof PIPELINE_VERSION;
  /** ISO 8601 time of creation. */
  created: string;
  target: string;
  task: Task;
  metric: MetricId;
  /** Classification: the class labels the model predicts, in the order of its probability columns. */
  classes: string[] | null;
  /** Raw columns new data must have, with the kinds they are read as. */
  inputs: { name: string; kind: ColumnKind }[];
  /** Id and label of the model family. */
  model_id: ModelId;
  label: string;
  recipe: FittedRecipeJSON;
  model: Artifact;
  leaderboard: LeaderboardSummaryRow[];
  seed: number;
}

const finite = (x: number | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : null);

/** The artifact's short form of a leaderboard. */
export function summarizeLeaderboard(entries: readonly LeaderboardEntry[]): LeaderboardSummaryRow[] {
  return entries.map((e) => ({
    model: e.model,
    label: e.label,
    cv_mean: finite(e.cv_mean),
    cv_std: finite(e.cv_std),
    test_score: finite(e.test_metrics[e.metric]),
  }));
}

/** Builds the artifact of a fitted recipe and model (`created` defaults to now). */
export function makePipelineArtifact(parts: {
  recipe: FittedRecipeJSON;
  model: Artifact;
  modelId: ModelId;
  label: string;
  metric: MetricId;
  seed: number;
  leaderboard?: readonly LeaderboardEntry[];
  created?: string;
}): PipelineArtifact {
  const { recipe } = parts;
  return {
    type: PIPELINE_TYPE,
    version: PIPELINE_VERSION,
    created: parts.created ?? new Date().toISOString(),
    target: recipe.target ?? "",
    task: recipe.task ?? "regression",
    metric: parts.metric,
    classes: recipe.classes,
    inputs: recipe.inputs.map((i) => ({ name: i.name, kind: i.kind })),
    model_id: parts.modelId,
    label: parts.label,
    recipe,
    model: parts.model,
    leaderboard: summarizeLeaderboard(parts.leaderboard ?? []),
    seed: parts.seed,
  };
}
