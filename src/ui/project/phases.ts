/**
 * The life-cycle phases, in the order a project walks through them: each with what it does (`plan`)
 * and the key question a beginner should ask in it (`question`, which a teacher's note replaces).
 */
export const PHASES = [
  {
    id: "frame",
    label: "Frame",
    plan: "Pick the column to predict, whether it is a classification or a regression, and the metric that says what a good model is.",
    question: "What exactly should a model predict, and how will we know it is good enough?",
  },
  {
    id: "data",
    label: "Data",
    plan: "Load a CSV, check the column types and see what is odd about the file.",
    question: "Is this table what we think it is: the right rows, the right column types, nothing odd?",
  },
  {
    id: "prepare",
    label: "Prepare",
    plan: "Clean the table as fitted steps: fill in missing values, drop duplicates, tame outliers, encode categories and scale numbers, then split off a test set.",
    question: "What must be fixed before a model can learn, and are the test rows kept apart?",
  },
  {
    id: "explore",
    label: "Explore",
    plan: "Look at each column's distribution, the correlations between columns and how each one relates to the target.",
    question: "Which columns seem to carry signal about the target, and what looks suspicious?",
  },
  {
    id: "features",
    label: "Features",
    plan: "Generate features from dates, ratios, interactions, bins and text, and keep the ones that help a model.",
    question: "Would new columns make the signal easier to learn, and which columns add nothing?",
  },
  {
    id: "train",
    label: "Train",
    plan: "Train a ladder of models under a time budget with cross-validation, tune the best, ensemble them and compare them on a leaderboard.",
    question: "Which model wins, by how much, and does it beat the simple baseline?",
  },
  {
    id: "deploy",
    label: "Deploy",
    plan: "Export the fitted pipeline, keep versions of models, and make predictions for new files on this device.",
    question: "Is this model good enough to use, and can someone else run it on new rows?",
  },
  {
    id: "monitor",
    label: "Monitor",
    plan: "Compare new data with the training data, flag drift and track a model's performance over time.",
    question: "Does new data still look like the training data, and is the model still right?",
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
