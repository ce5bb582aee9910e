import { planLadder } from "../src/core/automl/ladder/ladderPlan.ts";
import { ladderOptions } from "../src/core/automl/run/runParts.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { modelFileOfRun } from "../src/core/deploy/modelFileOfRun.ts";
import { ValidationError } from "../src/core/errors.ts";
import type { NewVersion } from "../src/persist/registry.ts";
import type { ModelRecord, RunRecord } from "../src/persist/types.ts";

/** Put in by Vite's `define` from package.json (build/appVersion.ts). */
declare const __APP_VERSION__: string;

/** The app's version, written into every model card: package.json's "version", at build time. */
export const APP_VERSION: string = __APP_VERSION__;

/**
 * The version a run's model becomes: the model file `train --out` would write for it (card made
 * from the run's training part, dealt again from its settings and seed; reference sketches for
 * monitoring), the fingerprint of those rows, and the run's scores.
 */
export async function versionFromRun(
  run: RunRecord,
  record: ModelRecord,
  frame: Frame,
  note: string,
): Promise<NewVersion> {
  const entry = run.entries.find((e) => e.model === record.modelId);
  if (!record.artifact || !entry)
    throw new ValidationError(
      `${record.label} kept no fitted pipeline in this run, so it cannot be registered.`,
    );
  if (entry.error) throw new ValidationError(`${record.label} failed in this run (${entry.error}).`);
  const plan = planLadder(frame, ladderOptions(run.settings));
  const file = await modelFileOfRun({
    frame,
    plan,
    pipeline: record.artifact,
    entry,
    appVersion: APP_VERSION,
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
    file,
    dataFingerprint: file.card.data_fingerprint ?? "",
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
