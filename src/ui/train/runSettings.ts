import type { ProjectRecord, RunRecord, RunSettings } from "../../persist/types.ts";

/** The Train form as the person fills it in. */
export interface SettingsDraft {
  /** Model ids to train, a subset of the plan's ladder. */
  models: string[];
  folds: number;
  testSize: number;
  seed: number;
  /** The neural net's most epochs; null keeps its default. */
  mlpEpochs: number | null;
  /** End with the ensemble rung, a weighted blend of the finished models. */
  ensemble: boolean;
}

export const DEFAULT_DRAFT: SettingsDraft = {
  models: [],
  folds: 5,
  testSize: 0.2,
  seed: 0,
  mlpEpochs: null,
  ensemble: true,
};

const BACKENDS = ["webgpu", "webgl", "wasm", "cpu"];

/**
 * A tfjs backend forced with `?backend=webgpu` (or webgl, wasm, cpu) in the page address, for
 * comparing backends; null (the default) lets the app measure and choose.
 */
export function backendOverride(search: string = globalThis.location?.search ?? ""): string | null {
  const value = new URLSearchParams(search).get("backend");
  return value && BACKENDS.includes(value) ? value : null;
}

/** Why the draft cannot start a run, or null when it can. */
export function checkDraft(draft: SettingsDraft): string | null {
  if (draft.models.length === 0) return "Pick at least one model to train.";
  if (!(Number.isInteger(draft.folds) && draft.folds >= 2 && draft.folds <= 20))
    return "Folds must be a whole number from 2 to 20.";
  if (!(draft.testSize >= 0 && draft.testSize <= 0.5)) return "The test share must be from 0 to 0.5.";
  if (!Number.isInteger(draft.seed) || draft.seed < 0) return "The seed must be a whole number, 0 or more.";
  if (draft.mlpEpochs !== null && !(Number.isInteger(draft.mlpEpochs) && draft.mlpEpochs >= 1))
    return "The neural net's epochs must be a whole number, 1 or more.";
  return null;
}

/** The stored settings of a run from the project's framing and recipe and the form. */
export function toRunSettings(
  project: ProjectRecord,
  draft: SettingsDraft,
  task: RunSettings["task"],
  models: readonly string[],
): RunSettings {
  const framing = project.framing;
  if (!framing?.target) throw new Error("Pick a target column in Frame first.");
  // Ladder order, whatever order the boxes were ticked in.
  const chosen = models.filter((m) => draft.models.includes(m));
  const settings: RunSettings = {
    target: framing.target,
    task,
    metric: (framing.metric as RunSettings["metric"]) ?? null,
    models: chosen,
    folds: draft.folds,
    testSize: draft.testSize,
    seed: draft.seed,
    criterion: framing.criterion,
    backend: backendOverride(),
    ensemble: draft.ensemble,
  };
  if (project.recipe) settings.recipe = project.recipe;
  if (project.split) settings.split = project.split;
  if (draft.mlpEpochs !== null && chosen.includes("mlp"))
    settings.params = { mlp: { max_epochs: draft.mlpEpochs } };
  return settings;
}

/** The form filled from an earlier run, so the next run starts from the last one's choices. */
export function draftFromRun(run: RunRecord): SettingsDraft {
  const s = run.settings;
  const epochs = s.params?.mlp?.max_epochs;
  return {
    models: [...s.models],
    folds: s.folds,
    testSize: s.testSize,
    seed: s.seed,
    mlpEpochs: typeof epochs === "number" ? epochs : null,
    ensemble: s.ensemble !== false,
  };
}

/** A run can be resumed when it stopped before every model finished. */
export function canResume(run: RunRecord): boolean {
  return run.status === "interrupted" || run.status === "cancelled" || run.status === "failed";
}
