/**
 * The Train phase's state and its changes as plain functions (no Solid), so they are tested in
 * Node; `createTrainStore` only wires them to a reactive store and to the train client.
 */
import type { PlanSummary } from "../../../workers/trainApi.ts";
import type { LadderProgress, TrialProgress } from "../../core/automl/ladder/ladderProgress.ts";
import { withEntry } from "../../core/automl/run/runRecord.ts";
import { type RunSettings, runSettingsProblem } from "../../core/automl/run/runSettings.ts";
import type { DatasetMeta, ProjectRecord, RunRecord } from "../../persist/types.ts";
import { progressLine } from "./runProgressText.ts";
import { checkDraft, DEFAULT_DRAFT, draftFromRun, type SettingsDraft, toRunSettings } from "./runSettings.ts";

/** The run this tab is training: where it is. */
export interface ActiveRun {
  runId: string;
  projectId: string;
  /** Model ids of the run in ladder order, for "model 3 of 5". */
  models: string[];
  /** Fold jobs done and in all, for the bar (null until the first report). */
  done: number;
  total: number | null;
  /** "Model 3 of 5 · gbdt · fold 3 of 5", with the epoch for the neural net. */
  text: string;
  cancelling: boolean;
  /** The search of each model being tuned: its latest trial report (best so far, the defaults). */
  trials: Record<string, LiveTrials>;
}

/** A tuned model's search as it runs: trials done of about `total`, and the latest trial state. */
export type LiveTrials = TrialProgress & { done: number; total: number };

export interface TrainState {
  projectId: string | null;
  loading: boolean;
  error: string | null;
  project: ProjectRecord | null;
  dataset: DatasetMeta | null;
  /** Task, metric and the ladder's models for the project's framing. */
  plan: PlanSummary | null;
  planning: boolean;
  draft: SettingsDraft;
  /** The project's runs, newest first. */
  runs: RunRecord[];
  /** The run whose leaderboard is shown. */
  shownRunId: string | null;
  active: ActiveRun | null;
  /** The model whose evaluation is open. */
  selectedModel: string | null;
}

export function makeTrainState(): TrainState {
  return {
    projectId: null,
    loading: false,
    error: null,
    project: null,
    dataset: null,
    plan: null,
    planning: false,
    draft: { ...DEFAULT_DRAFT },
    runs: [],
    shownRunId: null,
    active: null,
    selectedModel: null,
  };
}

/** The run whose leaderboard is shown. */
export function shownRun(state: TrainState): RunRecord | undefined {
  return state.runs.find((r) => r.id === state.shownRunId);
}

/** Entries with a finished model's entry in place of its older one, or appended (as stored). */
export { withEntry };

/** `runs` with `run` in place of its older copy, or first (newest) when new. */
export function withRun(runs: readonly RunRecord[], run: RunRecord): RunRecord[] {
  const at = runs.findIndex((r) => r.id === run.id);
  return at < 0 ? [run, ...runs] : runs.map((r, i) => (i === at ? run : r));
}

/** The active run as it starts. */
export function startedRun(run: RunRecord): ActiveRun {
  return {
    runId: run.id,
    projectId: run.projectId,
    models: [...run.settings.models],
    done: 0,
    total: null,
    text: "Starting…",
    cancelling: false,
    trials: {},
  };
}

/** The active run after a progress report: fold counts for the bar, the status line. */
export function withProgress(active: ActiveRun, p: LadderProgress): ActiveRun {
  const next = p.phase === "fold" ? { ...active, done: p.done, total: p.total } : { ...active };
  if (p.phase === "trial" && p.trial && p.model)
    next.trials = { ...active.trials, [p.model]: { ...p.trial, done: p.done, total: p.total } };
  const line = progressLine(p, active.models);
  if (line) next.text = line;
  return next;
}

/**
 * What the page shows first for a project: the run this tab trains, else its newest run that was
 * not cancelled or failed (a cancelled run must not hide the finished one before it), else its
 * newest run; the form starts from the newest run's choices.
 */
export function openedView(
  projectId: string,
  runs: readonly RunRecord[],
  active: ActiveRun | null,
): { shownRunId: string | null; draft: SettingsDraft } {
  const latest = runs[0];
  const kept = runs.find((r) => r.status !== "cancelled" && r.status !== "failed") ?? latest;
  return {
    shownRunId: active?.projectId === projectId ? active.runId : (kept?.id ?? null),
    draft: latest ? draftFromRun(latest) : { ...DEFAULT_DRAFT },
  };
}

/** The draft's models that the plan's ladder has (all of them when none is left). */
export function plannedModels(draft: SettingsDraft, plan: PlanSummary): string[] {
  const known = draft.models.filter((m) => plan.models.some((p) => p.id === m));
  return known.length > 0 ? known : plan.models.map((m) => m.id);
}

/** Settings that plan the project's ladder (the task, metric, rows and models) before any choice. */
export function planningSettings(project: ProjectRecord): RunSettings {
  return toRunSettings(project, { ...DEFAULT_DRAFT, models: ["baseline"] }, null, ["baseline"]);
}

/**
 * The settings of a run from the project and the form, or the sentence that says why it cannot
 * start (the form's own check, then the one validation every run goes through).
 */
export function runToStart(
  project: ProjectRecord,
  draft: SettingsDraft,
  plan: PlanSummary,
): { settings: RunSettings } | { problem: string } {
  const problem = checkDraft(draft);
  if (problem) return { problem };
  const settings = toRunSettings(
    project,
    draft,
    plan.task,
    plan.models.map((m) => m.id),
  );
  const invalid = runSettingsProblem(settings);
  return invalid ? { problem: invalid } : { settings };
}

/** The plan's rows on this table: "120 training rows in 5 folds, 30 test rows" (or "no test part"). */
export function planRowsText(plan: Pick<PlanSummary, "trainRows" | "testRows" | "folds">): string {
  const test = plan.testRows > 0 ? `${plan.testRows} test rows` : "no test part";
  return `On this table: ${plan.trainRows} training rows in ${plan.folds} folds, ${test}.`;
}
