import { planLadder } from "../src/core/automl/ladder/ladderPlan.ts";
import type { LeaderboardEntry } from "../src/core/automl/ladder/leaderboard.ts";
import { ladderOptions } from "../src/core/automl/run/runParts.ts";
import type { RunSettings } from "../src/core/automl/run/runSettings.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { dataFingerprint, makeModelCard, makeModelFile } from "../src/core/deploy/modelFile.ts";
import { ValidationError } from "../src/core/errors.ts";
import type { Task } from "../src/core/framing/task.ts";
import { takeFrameRows } from "../src/core/prep/columns.ts";
import type { NewVersion } from "../src/persist/registry.ts";
import type { ModelRecord, RunRecord } from "../src/persist/types.ts";

/** The app's version, written into every model card (package.json's "version"). */
export const APP_VERSION = "0.1.0";

/** How a run measured its scores, in words, for the model card (classes are always stratified but by "kfold"). */
export function protocolOf(
  settings: RunSettings,
  task: Task,
  rows: number,
  train: number,
  test: number,
): string {
  const { split } = settings;
  const kind =
    split.type === "time_series" || split.type === "temporal"
      ? "time-ordered"
      : split.type === "group"
        ? "group"
        : split.type !== "kfold" && task !== "regression"
          ? "stratified"
          : "shuffled";
  const testPart = test > 0 ? `; test on the ${test} held-back rows` : "; no test part";
  return `${split.folds}-fold ${kind} cross-validation on ${train} of ${rows} rows, seed ${split.seed}${testPart}`;
}

/**
 * The version a run's model becomes: its model file with a card made from the rows the final
 * model was trained on (the run's training part, dealt again from its settings and seed), the
 * fingerprint of those rows, and the run's scores.
 */
export async function versionFromRun(
  run: RunRecord,
  record: ModelRecord,
  frame: Frame,
  note: string,
): Promise<NewVersion> {
  const entry: LeaderboardEntry | undefined = run.entries.find((e) => e.model === record.modelId);
  if (!record.artifact || !entry)
    throw new ValidationError(
      `${record.label} kept no fitted pipeline in this run, so it cannot be registered.`,
    );
  if (entry.error) throw new ValidationError(`${record.label} failed in this run (${entry.error}).`);
  const plan = planLadder(frame, ladderOptions(run.settings));
  const trained = takeFrameRows(frame, plan.train);
  const fingerprint = await dataFingerprint(trained);
  const card = makeModelCard({
    pipeline: record.artifact,
    frame: trained,
    entry,
    protocol: protocolOf(run.settings, plan.task, frame.rows, plan.train.length, plan.test.length),
    dataFingerprint: fingerprint,
    appVersion: APP_VERSION,
    // The run puts a binary target's positive class (chosen in Frame) last.
    positiveClass: plan.task === "binary" && plan.classes ? plan.classes[1] : null,
  });
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    projectId: run.projectId,
    label: record.label,
    source: {
      kind: "run",
      runId: run.id,
      modelId: record.modelId,
      datasetId: run.datasetId,
      seed: run.settings.split.seed,
      settings: structuredClone(run.settings),
    },
    file: await makeModelFile(record.artifact, card),
    dataFingerprint: fingerprint,
    metrics: {
      metric: entry.metric,
      cv_mean: finite(entry.cv_mean),
      cv_std: finite(entry.cv_std),
      cv: entry.metrics,
      test: entry.test_metrics,
    },
    note,
  };
}
