import type { ColumnKind } from "../../data/frame.ts";
import type { MetricId } from "../../framing/metrics.ts";
import { naturalCompare } from "../../framing/naturalCompare.ts";
import type { Artifact, Task } from "../../models/estimator.ts";
import type { ModelId } from "../../models/registry.ts";
import type { FittedRecipeJSON } from "../../pipeline/recipeJson.ts";
import { ENSEMBLE_ID, ENSEMBLE_LABEL, type EntryId, type LeaderboardEntry } from "../ladder/leaderboard.ts";

/** Tag and version of the pipeline file format. */
export const PIPELINE_TYPE = "automl-pipeline";
export const PIPELINE_VERSION = 1;

/** One leaderboard row as the artifact remembers it (null for a score that was not defined). */
export interface LeaderboardSummaryRow {
  model: EntryId;
  label: string;
  cv_mean: number | null;
  cv_std: number | null;
  /** The ranking metric on the test part, when there was one. */
  test_score: number | null;
}

/** What every pipeline file says about itself, whatever predicts inside it. */
interface ArtifactHeader {
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
  /** Id and label of the model family ("ensemble" for a blend). */
  model_id: EntryId;
  label: string;
  leaderboard: LeaderboardSummaryRow[];
  seed: number;
}

/**
 * A trained pipeline as a file: the fitted recipe that turns raw rows into model inputs, the fitted
 * model, and what is needed to use and judge them. Plain JSON (JSON.stringify writes it as is).
 */
export interface SinglePipelineArtifact extends ArtifactHeader {
  model_id: ModelId;
  recipe: FittedRecipeJSON;
  model: Artifact;
}

/** One model of an ensemble file: its own fitted recipe and model, and its weight in the blend. */
export interface EnsembleMemberJSON {
  model_id: ModelId;
  label: string;
  weight: number;
  recipe: FittedRecipeJSON;
  model: Artifact;
}

/**
 * An ensemble as a file: each member's pipeline (every member reads the raw rows through its own
 * recipe) and its weight; predictions average the members' probabilities (or values) by weight.
 */
export interface EnsemblePipelineArtifact extends ArtifactHeader {
  model_id: typeof ENSEMBLE_ID;
  members: EnsembleMemberJSON[];
}

export type PipelineArtifact = SinglePipelineArtifact | EnsemblePipelineArtifact;

/** True for an ensemble file. */
export const isEnsembleArtifact = (a: PipelineArtifact): a is EnsemblePipelineArtifact =>
  a.model_id === ENSEMBLE_ID;

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

/** What every artifact maker is given besides its model parts. */
interface ArtifactParts {
  metric: MetricId;
  seed: number;
  leaderboard?: readonly LeaderboardEntry[];
  created?: string;
}

/** The header fields shared by single and ensemble files (`created` defaults to now). */
function header(
  recipe: FittedRecipeJSON,
  parts: ArtifactParts,
  own: { classes: string[] | null; inputs: ArtifactHeader["inputs"] },
) {
  return {
    type: PIPELINE_TYPE,
    version: PIPELINE_VERSION,
    created: parts.created ?? new Date().toISOString(),
    target: recipe.target ?? "",
    task: recipe.task ?? "regression",
    metric: parts.metric,
    classes: own.classes,
    inputs: own.inputs,
    leaderboard: summarizeLeaderboard(parts.leaderboard ?? []),
    seed: parts.seed,
  } satisfies Omit<ArtifactHeader, "model_id" | "label">;
}

/** Builds the artifact of a fitted recipe and model (`created` defaults to now). */
export function makePipelineArtifact(
  parts: ArtifactParts & { recipe: FittedRecipeJSON; model: Artifact; modelId: ModelId; label: string },
): SinglePipelineArtifact {
  const { recipe } = parts;
  return {
    ...header(recipe, parts, {
      classes: recipe.classes,
      inputs: recipe.inputs.map((i) => ({ name: i.name, kind: i.kind })),
    }),
    model_id: parts.modelId,
    label: parts.label,
    recipe,
    model: parts.model,
  };
}

/** Builds the file of an ensemble from its members' fitted pipelines and weights. */
export function makeEnsembleArtifact(
  parts: ArtifactParts & {
    members: { modelId: ModelId; label: string; weight: number; recipe: FittedRecipeJSON; model: Artifact }[];
    /**
     * Classification: the run's classes. The file lists them (and orders the blended probability
     * columns) in the models' own natural order, as a single model's file does, whatever the run's
     * order; the positive class travels in the model card.
     */
    classes: string[] | null;
  },
): EnsemblePipelineArtifact {
  // New rows need every column some member reads, each with the kind it was read as.
  const inputs = new Map<string, ColumnKind>();
  for (const m of parts.members)
    for (const i of m.recipe.inputs) if (!inputs.has(i.name)) inputs.set(i.name, i.kind);
  return {
    ...header(parts.members[0].recipe, parts, {
      classes: parts.classes ? [...parts.classes].sort(naturalCompare) : null,
      inputs: [...inputs].map(([name, kind]) => ({ name, kind })),
    }),
    model_id: ENSEMBLE_ID,
    label: ENSEMBLE_LABEL,
    members: parts.members.map((m) => ({
      model_id: m.modelId,
      label: m.label,
      weight: m.weight,
      recipe: m.recipe,
      model: m.model,
    })),
  };
}
