import { RUN_LIMITS, type RunSettings, runSplitOf } from "../../core/automl/run/runSettings.ts";
import { DEFAULT_TUNE, type TuneBudget } from "../../core/automl/tune/tuning.ts";
import type { ProjectRecord, RunRecord } from "../../persist/types.ts";

/**
 * The Train form as the person fills it in: only what belongs to a run. How rows are split (test
 * share, folds, seed, kind) is the project's split, set in Prepare, and shown read-only here.
 */
export interface SettingsDraft {
  /** Model ids to train, a subset of the plan's ladder. */
  models: string[];
  /** The neural net's most epochs; null keeps its default. */
  mlpEpochs: number | null;
  /** End with the ensemble rung, a weighted blend of the finished models. */
  ensemble: boolean;
  /** The hyperparameter search's budget: a preset, or trials per model. */
  tune: TuneBudget;
}

export const DEFAULT_DRAFT: SettingsDraft = {
  models: [],
  mlpEpochs: null,
  ensemble: true,
  tune: DEFAULT_TUNE,
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

/**
 * Why the form's own fields cannot start a run, or null. The run's settings as a whole are
 * checked by `validateRunSettings`, the one check every run goes through.
 */
export function checkDraft(draft: SettingsDraft): string | null {
  if (draft.models.length === 0) return "Pick at least one model to train.";
  if (draft.mlpEpochs !== null && !(Number.isInteger(draft.mlpEpochs) && draft.mlpEpochs >= 1))
    return "The neural net's epochs must be a whole number, 1 or more.";
  const { min, max } = RUN_LIMITS.tune;
  if (
    typeof draft.tune === "number" &&
    !(Number.isInteger(draft.tune) && draft.tune >= min && draft.tune <= max)
  )
    return `Trials per model must be a whole number from ${min} to ${max}.`;
  return null;
}

/** The settings of a run from the project's framing, recipe and split (Prepare) and the form. */
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
    split: runSplitOf(project.split),
    criterion: framing.criterion,
    backend: backendOverride(),
    ensemble: draft.ensemble,
    tune: draft.tune,
  };
  // A recipe made for another target would train on the wrong columns: the plan proposes one instead.
  if (project.recipe && !staleRecipeNote(project)) settings.recipe = project.recipe;
  if (framing.positiveClass) settings.positiveClass = framing.positiveClass;
  if (draft.mlpEpochs !== null && chosen.includes("mlp"))
    settings.params = { mlp: { max_epochs: draft.mlpEpochs } };
  return settings;
}

/**
 * Says when the project's recipe (Prepare) was made for another target than the framed one: the
 * run then trains on a fresh proposal for the framed target instead, and the page says so.
 */
export function staleRecipeNote(project: ProjectRecord): string | null {
  const recipe = project.recipe;
  const target = project.framing?.target;
  if (!recipe || !target || recipe.target === target) return null;
  const made = recipe.target ? `the target "${recipe.target}"` : "no target";
  return `The recipe in Prepare was made for ${made}, not "${target}": this run uses the proposed recipe for "${target}" (reset the recipe in Prepare to review it).`;
}

/** The form filled from an earlier run, so the next run starts from the last one's choices. */
export function draftFromRun(run: RunRecord): SettingsDraft {
  const s = run.settings;
  const epochs = s.params?.mlp?.max_epochs;
  return {
    models: [...s.models],
    mlpEpochs: typeof epochs === "number" ? epochs : null,
    ensemble: s.ensemble !== false,
    // A run from before tuning existed trained without it; the next one starts from today's default.
    tune: s.tune ?? DEFAULT_TUNE,
  };
}

/** A run can be resumed when it stopped before every model finished. */
export function canResume(run: RunRecord): boolean {
  return run.status === "interrupted" || run.status === "cancelled" || run.status === "failed";
}
