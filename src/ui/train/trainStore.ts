import { batch } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import type { LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import type { DatasetMeta, ProjectRecord, RunRecord } from "../../persist/types.ts";
import type { TrainClient } from "../bridges/trainClient.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { readTrainContext } from "./readTrainContext.ts";
import { DEFAULT_DRAFT, type SettingsDraft } from "./runSettings.ts";
import {
  makeTrainState,
  openedView,
  plannedModels,
  planningSettings,
  runToStart,
  startedRun,
  type TrainState,
  withEntry,
  withProgress,
} from "./trainState.ts";

export { type ActiveRun, shownRun, type TrainState } from "./trainState.ts";

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

/**
 * The Train phase's state: the framing and plan, the form, the project's runs (live while one
 * trains) and which run and model are shown. One store for the app, so a run keeps reporting
 * while the person looks at another phase. The changes are the plain functions of trainState.ts;
 * this wires them to Solid and to the train client, which owns the runs' records.
 */
export function createTrainStore(deps: {
  client: TrainClient;
  /** Called as a run starts or resumes (the app lets the data worker drop its copy of the table). */
  beforeRun?: () => void;
}): TrainStore {
  const [state, setState] = createStore<TrainState>(makeTrainState());
  let controller: AbortController | undefined;

  const putRun = (run: RunRecord) => {
    if (run.projectId !== state.projectId) return;
    const at = state.runs.findIndex((r) => r.id === run.id);
    if (at < 0) setState("runs", (runs) => [run, ...runs]);
    else setState("runs", at, reconcile(run));
  };

  const onEntry = (runId: string) => (entry: LeaderboardEntry) => {
    const at = state.runs.findIndex((r) => r.id === runId);
    if (at >= 0) setState("runs", at, "entries", (entries) => withEntry(entries, entry));
  };

  const callbacks = (signal: AbortSignal) => ({
    signal,
    onStart: (run: RunRecord) =>
      batch(() => {
        setState("active", startedRun(run));
        putRun(run);
        setState({ shownRunId: run.id, selectedModel: null, error: null });
      }),
    onProgress: (p: Parameters<typeof withProgress>[1]) =>
      setState("active", (a) => (a ? withProgress(a, p) : a)),
    onEntry: (e: LeaderboardEntry) => state.active && onEntry(state.active.runId)(e),
  });

  async function train(begin: (signal: AbortSignal) => Promise<RunRecord>) {
    controller = new AbortController();
    deps.beforeRun?.();
    try {
      putRun(await begin(controller.signal));
    } catch (err) {
      setState("error", errorMessage(err));
    } finally {
      controller = undefined;
      setState("active", null);
    }
  }

  async function planFor(project: ProjectRecord, dataset: DatasetMeta) {
    setState({ planning: true });
    try {
      const plan = await deps.client.plan(dataset.id, planningSettings(unwrap(project)));
      if (state.projectId !== project.id) return;
      batch(() => {
        setState({ plan, planning: false });
        setState("draft", "models", plannedModels(state.draft, plan));
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
        const view = openedView(projectId, runs, state.active);
        // A shared experiment's run choices fill the form until the project's first run.
        const shared = ctx.project.shared?.run;
        if (runs.length === 0 && shared)
          view.draft = { tune: DEFAULT_DRAFT.tune, ...shared, models: [...shared.models] };
        setState({ project: ctx.project, dataset: ctx.dataset, runs, ...view, loading: false });
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
      // Plain data: the settings are posted to a worker and stored.
      const next = runToStart(unwrap(project), unwrap(state.draft), plan);
      if ("problem" in next) return void setState("error", next.problem);
      await train((signal) =>
        deps.client.startRun(
          { projectId: project.id, datasetId: dataset.id, settings: next.settings },
          callbacks(signal),
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
        deps.client.resumeRun(runId, { ...callbacks(signal), onEntry: onEntry(runId) }),
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
