/** The life-cycle phases, in the order a project walks through them. */
export const PHASES = [
  {
    id: "frame",
    label: "Frame",
    plan: "Pick the column to predict, whether it is a classification or a regression, and the metric that says what a good model is.",
  },
  {
    id: "data",
    label: "Data",
    plan: "Load a CSV, check the column types and see what is odd about the file.",
  },
  {
    id: "prepare",
    label: "Prepare",
    plan: "Clean the table as fitted steps: fill in missing values, drop duplicates, tame outliers, encode categories and scale numbers, then split off a test set.",
  },
  {
    id: "explore",
    label: "Explore",
    plan: "Look at each column's distribution, the correlations between columns and how each one relates to the target.",
  },
  {
    id: "features",
    label: "Features",
    plan: "Generate features from dates, ratios, interactions, bins and text, and keep the ones that help a model.",
  },
  {
    id: "train",
    label: "Train",
    plan: "Train a ladder of models under a time budget with cross-validation, tune the best, ensemble them and compare them on a leaderboard.",
  },
  {
    id: "deploy",
    label: "Deploy",
    plan: "Export the fitted pipeline, keep versions of models, and make predictions for new files on this device.",
  },
  {
    id: "monitor",
    label: "Monitor",
    plan: "Compare new data with the training data, flag drift and track a model's performance over time.",
  },
] as const;

export type PhaseId = (typeof PHASES)[number]["id"];
export type Phase = (typeof PHASES)[number];

export const DEFAULT_PHASE: PhaseId = "data";

export function isPhaseId(s: string): s is PhaseId {
  return PHASES.some((p) => p.id === s);
}

export function phaseOf(id: PhaseId): Phase {
  return PHASES.find((p) => p.id === id)!;
}
