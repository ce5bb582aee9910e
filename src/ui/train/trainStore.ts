import { batch } from "solid-js";
import { createStore, produce, reconcile, unwrap } from "solid-js/store";
import type { PlanSummary } from "../../../workers/trainApi.ts";
import type { LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import type { Progress } from "../../core/progress.ts";
import type { DatasetMeta, ProjectRecord, RunRecord } from "../../persist/types.ts";
import type { TrainClient } from "../bridges/trainClient.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { readTrainContext } from "./readTrainContext.ts";
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
}

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

export interface TrainActions {
  open(projectId: string): Promise<void>;
  toggleModel(id: string, on: boolean): void;
  setDraft(change: Partial<SettingsDraft>): void;
  start(): Promise<void>;
  cancel(): void;
  resume(runId: string): Promise<void>;
  showRun(runId: string): void;
  selectModel(model: string | null): void;
}

export type TrainStore = [TrainState, TrainActions];

export function shownRun(state: TrainState): RunRecord | undefined {
  return state.runs.find((r) => r.id === state.shownRunId);
}

/** Entries of `entries` with `entry` in place of the same model's (or appended). */
function withEntry(entries: LeaderboardEntry[], entry: LeaderboardEntry): LeaderboardEntry[] {
  const at = entries.findIndex((e) => e.model === entry.model);
  return at < 0 ? [...entries, entry] : entries.map((e, i) => (i === at ? entry : e));
}

/**
 * The Train phase's state: the framing and plan, the form, the project's runs (live while one
 * trains) and which run and model are shown. One store for the app, so a run keeps reporting
 * while the person looks at another phase.
 */
export function createTrainStore(deps: { client: TrainClient }): TrainStore {
  const [state, setState] = createStore<TrainState>({
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
  });
  let controller: AbortController | undefined;

  const putRun = (run: RunRecord) => {
    if (run.projectId !== state.projectId) return;
    const at = state.runs.findIndex((r) => r.id === run.id);
    if (at < 0) setState("runs", (runs) => [run, ...runs]);
    else setState("runs", at, reconcile(run));
  };

  const onProgress = (p: Progress) => {
    setState(
      "active",
      produce((a) => {
        if (!a) return;
        if (p.phase === "fold") {
          a.done = p.done;
          a.total = p.total;
        }
        const line = progressLine(p, a.models);
        if (line) a.text = line;
      }),
    );
  };

  const onEntry = (runId: string) => (entry: LeaderboardEntry) => {
    const at = state.runs.findIndex((r) => r.id === runId);
    if (at >= 0) setState("runs", at, "entries", (entries) => withEntry(entries, entry));
  };

  async function train(begin: (signal: AbortSignal) => Promise<RunRecord>) {
    controller = new AbortController();
    try {
      const run = await begin(controller.signal);
      putRun(run);
    } catch (err) {
      setState("error", errorMessage(err));
    } finally {
      controller = undefined;
      setState("active", null);
    }
  }

  const startActive = (run: RunRecord) => {
    batch(() => {
      setState("active", {
        runId: run.id,
        projectId: run.projectId,
        models: run.settings.models,
        done: 0,
        total: null,
        text: "Starting…",
        cancelling: false,
      });
      putRun(run);
      setState({ shownRunId: run.id, selectedModel: null, error: null });
    });
  };

  async function planFor(project: ProjectRecord, dataset: DatasetMeta) {
    setState({ planning: true });
    try {
      const settings = toRunSettings(unwrap(project), { ...DEFAULT_DRAFT, models: ["baseline"] }, null, [
        "baseline",
      ]);
      const plan = await deps.client.plan(dataset.id, settings);
      if (state.projectId !== project.id) return;
      batch(() => {
        setState({ plan, planning: false });
        const known = state.draft.models.filter((m) => plan.models.some((p) => p.id === m));
        setState("draft", "models", known.length > 0 ? known : plan.models.map((m) => m.id));
      });
    } catch (err) {
      if (state.projectId === project.id) setState({ planning: false, error: errorMessage(err) });
    }
  }

  const actions: TrainActions = {
    async open(projectId) {
      setState({ projectId, loading: true, error: null, plan: null, selectedModel: null });
      try {
        const ctx = await readTrainContext(projectId);
        const runs = await deps.client.settleRuns(ctx.runs);
        if (state.projectId !== projectId) return;
        const latest = runs[0];
        batch(() => {
          setState({
            project: ctx.project,
            dataset: ctx.dataset,
            runs,
            shownRunId: state.active?.projectId === projectId ? state.active.runId : (latest?.id ?? null),
            draft: latest ? draftFromRun(latest) : { ...DEFAULT_DRAFT },
            loading: false,
          });
        });
        if (ctx.project.framing?.target && ctx.dataset) await planFor(ctx.project, ctx.dataset);
      } catch (err) {
        if (state.projectId === projectId) setState({ loading: false, error: errorMessage(err) });
      }
    },

    toggleModel(id, on) {
      const models = state.draft.models.filter((m) => m !== id);
      setState("draft", "models", on ? [...models, id] : models);
    },

    setDraft(change) {
      setState("draft", (d) => ({ ...d, ...change }));
    },

    async start() {
      const { project, dataset, plan } = state;
      if (!project || !dataset || !plan || state.active) return;
      const problem = checkDraft(state.draft);
      if (problem) return void setState("error", problem);
      // Plain data: the settings are posted to a worker and stored.
      const settings = toRunSettings(
        unwrap(project),
        state.draft,
        plan.task,
        plan.models.map((m) => m.id),
      );
      await train((signal) =>
        deps.client.startRun(
          { projectId: project.id, datasetId: dataset.id, settings },
          {
            signal,
            onStart: startActive,
            onProgress,
            onEntry: (e) => state.active && onEntry(state.active.runId)(e),
          },
        ),
      );
    },

    cancel() {
      if (!controller || !state.active) return;
      setState("active", "cancelling", true);
      controller.abort();
    },

    async resume(runId) {
      if (state.active) return;
      await train((signal) =>
        deps.client.resumeRun(runId, { signal, onStart: startActive, onProgress, onEntry: onEntry(runId) }),
      );
    },

    showRun(runId) {
      setState({ shownRunId: runId, selectedModel: null });
    },

    selectModel(model) {
      setState("selectedModel", state.selectedModel === model ? null : model);
    },
  };
  return [state, actions];
}
