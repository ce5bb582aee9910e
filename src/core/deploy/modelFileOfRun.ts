/**
 * The model file of a finished run in one call, for every place that saves one (`train --out`, the
 * app's Register and Export): the card is made from the rows the final model was trained on (the
 * run's training part), its scores from the model's leaderboard row, and the protocol sentence
 * from the run's plan.
 */
import type { PipelineArtifact } from "../automl/artifact/pipelineArtifact.ts";
import type { LadderPlan } from "../automl/ladder/ladderPlan.ts";
import type { LeaderboardEntry } from "../automl/ladder/leaderboard.ts";
import type { Frame } from "../data/frame.ts";
import { type HeldOutPredictions, makeReferenceSketches } from "../monitor/referenceSketches.ts";
import { takeFrameRows } from "../prep/columns.ts";
import { dataFingerprint } from "./dataFingerprint.ts";
import { makeModelCard } from "./modelCard.ts";
import { type ModelFile, makeModelFile } from "./modelFile.ts";

const KIND_WORDS: Record<LadderPlan["kind"], string> = {
  stratified: "stratified ",
  kfold: "",
  temporal: "time-ordered ",
  time_series: "time-series ",
  group: "grouped ",
};

const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))}%`;

/**
 * How a run measured its scores, in one sentence:
 * "5-fold stratified CV on 80% of 150 rows (120), seed 0; test on 20% (30 rows)".
 */
export function describeProtocol(plan: LadderPlan): string {
  const used = plan.train.length + plan.test.length;
  const cv = `${plan.folds.length}-fold ${KIND_WORDS[plan.kind]}CV`;
  const test =
    plan.test.length > 0
      ? `; test on ${percent(plan.test.length, used)} (${plan.test.length} rows)`
      : "; no test part";
  return `${cv} on ${percent(plan.train.length, used)} of ${used} rows (${plan.train.length}), seed ${plan.seed}${test}`;
}

/** Whether `idx` is 0, 1, ..., rows - 1 (a plan with no test part): then no copy of the table is needed. */
function everyRowInOrder(idx: ArrayLike<number>, rows: number): boolean {
  if (idx.length !== rows) return false;
  for (let i = 0; i < rows; i++) if (idx[i] !== i) return false;
  return true;
}

/** What `modelFileOfRun` is given. */
export interface RunModelArgs {
  /** The frame the run was planned on (its row indices are the plan's). */
  frame: Frame;
  plan: LadderPlan;
  pipeline: PipelineArtifact;
  /** The pipeline's leaderboard row. */
  entry?: LeaderboardEntry;
  appVersion: string;
  /** The pipeline's out-of-fold predictions (classification): CBPE's calibration in the reference. */
  heldOut?: HeldOutPredictions | null;
}

/**
 * The model file of a run's pipeline, its card made from the run's training rows, with sketches
 * of those rows and of the model's predictions on them (the reference monitoring compares with).
 */
export async function modelFileOfRun(args: RunModelArgs): Promise<ModelFile> {
  const { plan, pipeline } = args;
  const rows = everyRowInOrder(plan.train, args.frame.rows)
    ? args.frame
    : takeFrameRows(args.frame, plan.train);
  const card = makeModelCard({
    pipeline,
    frame: rows,
    entry: args.entry,
    protocol: describeProtocol(plan),
    dataFingerprint: await dataFingerprint(rows),
    appVersion: args.appVersion,
    // Binary plans put the positive class last.
    positiveClass: plan.task === "binary" && plan.classes ? plan.classes[plan.classes.length - 1] : null,
  });
  return makeModelFile(pipeline, card, makeReferenceSketches(pipeline, rows, args.heldOut));
}
