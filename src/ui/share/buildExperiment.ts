import type { PackRequest } from "../../../workers/shareApi.ts";
import { runSplitOf } from "../../core/automl/run/runSettings.ts";
import { ValidationError } from "../../core/errors.ts";
import {
  EXPERIMENT_FORMAT,
  EXPERIMENT_VERSION,
  type SharedRunSettings,
  type TeacherSettings,
} from "../../core/share/experiment.ts";
import { listDatasets } from "../../persist/datasets.ts";
import { getProject } from "../../persist/projects.ts";
import { listRuns } from "../../persist/runs.ts";
import type { PhaseId } from "../project/phases.ts";
import { getDb } from "../shared/appDb.ts";
import { draftFromRun, type SettingsDraft } from "../train/runSettings.ts";

/** What the share dialog adds to the project's own state. */
export interface ShareChoices {
  phase: PhaseId;
  teacher: TeacherSettings | null;
  /** The Train form as it is on screen for this project, when it is open; else the last run's. */
  draft: SettingsDraft | null;
}

function runOf(d: SettingsDraft): SharedRunSettings {
  const run: SharedRunSettings = { models: [...d.models], mlpEpochs: d.mlpEpochs, ensemble: d.ensemble };
  // The tuning budget changes the leaderboard, so it travels whenever the form has one.
  const tune = (d as { tune?: SharedRunSettings["tune"] }).tune;
  if (tune !== undefined) run.tune = tune;
  return run;
}

/**
 * The experiment of a project as stored, but for its table: the framing, recipe, split (test
 * share, folds, seed) and the Train form's choices, and which table (the framed one, else the
 * newest). The share worker adds the table as exact CSV with its SHA-256 and packs it.
 */
export async function buildExperiment(
  projectId: string,
  choices: ShareChoices,
): Promise<Omit<PackRequest, "maxPayloadChars">> {
  const db = await getDb();
  const [project, datasets, runs] = await Promise.all([
    getProject(db, projectId),
    listDatasets(db, projectId),
    listRuns(db, projectId),
  ]);
  const dataset = datasets.find((d) => d.id === project.framing?.datasetId) ?? datasets.at(-1);
  if (!dataset) throw new ValidationError("Load a table first: a shared experiment carries its data.");
  const framing = project.framing;
  const draft = choices.draft ?? (runs[0] ? draftFromRun(runs[0]) : null);
  return {
    datasetId: dataset.id,
    datasetName: dataset.name,
    shell: {
      format: EXPERIMENT_FORMAT,
      version: EXPERIMENT_VERSION,
      name: project.name,
      phase: choices.phase,
      framing: framing
        ? {
            target: framing.target,
            metric: framing.metric,
            criterion: framing.criterion,
            positiveClass: framing.positiveClass ?? null,
          }
        : null,
      recipe: project.recipe ?? null,
      split: project.split ? runSplitOf(project.split) : null,
      run: draft ? runOf(draft) : (project.shared?.run ?? null),
      teacher: choices.teacher,
    },
  };
}
