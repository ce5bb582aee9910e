import { batch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { MetricId } from "../../core/framing/metrics.ts";
import type { TargetFraming } from "../../core/profile/profileFrame.ts";
import type { Progress } from "../../core/progress.ts";
import { setProjectFraming } from "../../persist/projects.ts";
import type { DatasetMeta, ProjectFraming } from "../../persist/types.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { getDb } from "../shared/appDb.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";
import { checkCriterionText } from "./criterionCheck.ts";
import { readFramingContext, savedTarget } from "./readFramingContext.ts";

export interface FrameState {
  projectId: string | null;
  /** Newest first. */
  datasets: DatasetMeta[];
  datasetId: string | null;
  /** Column to predict; null = exploration only. */
  target: string | null;
  /** Task, metric proposal, reasons and feasibility of `target`, once profiled. */
  framing: TargetFraming | null;
  loading: boolean;
  /** A profile in flight, with its last progress report. */
  profiling: { progress: Progress | null } | null;
  cancelled: boolean;
  /** Why the target cannot be used, or why loading failed. */
  error: string | null;
  metric: MetricId | null;
  /** The success criterion as typed. */
  criterion: string;
  /** A failed save, in plain words. */
  saveError: string | null;
}

export interface FrameActions {
  open(projectId: string): Promise<void>;
  selectDataset(datasetId: string): Promise<void>;
  selectTarget(target: string | null): Promise<void>;
  selectMetric(metric: MetricId): void;
  setCriterion(text: string): void;
  cancel(): void;
  /** Profiles the current target again (after a cancel). */
  retry(): Promise<void>;
}

export type FrameStore = [FrameState, FrameActions];

/** Typing waits this long before the framing is written, so a save is not one per keystroke. */
const SAVE_DELAY_MS = 300;

export function selectedFrameDataset(state: FrameState): DatasetMeta | undefined {
  return state.datasets.find((d) => d.id === state.datasetId);
}

/**
 * The Frame phase's state: which column to predict, what the profile says about it, the metric and
 * the success criterion, written to the project whenever they change (a criterion only when valid).
 */
export function createFrameStore(deps: { client: DataClient }): FrameStore {
  const [state, setState] = createStore<FrameState>({
    projectId: null,
    datasets: [],
    datasetId: null,
    target: null,
    framing: null,
    loading: false,
    profiling: null,
    cancelled: false,
    error: null,
    metric: null,
    criterion: "",
    saveError: null,
  });
  let running: AbortController | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The criterion last written, kept while the typed one does not parse. */
  let savedCriterion: string | null = null;

  const task = () => state.framing?.task ?? null;

  async function save() {
    clearTimeout(saveTimer);
    const { projectId, datasetId, target } = state;
    if (!projectId || !datasetId) return;
    // A target is only written once it proved learnable.
    if (target !== null && state.framing?.target !== target) return;
    const check = checkCriterionText(state.criterion, task());
    if (check.status === "ok") savedCriterion = state.criterion.trim();
    else if (check.status === "empty") savedCriterion = null;
    const framing: ProjectFraming = {
      datasetId,
      target,
      metric: target === null ? null : state.metric,
      criterion: target === null ? null : savedCriterion,
    };
    try {
      await setProjectFraming(await getDb(), projectId, framing);
      setState("saveError", null);
    } catch (err) {
      setState("saveError", `The framing could not be saved: ${errorMessage(err)}`);
    }
  }

  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };

  /** Profiles `state.target`; `keepMetric` keeps a restored metric when it suits the task. */
  async function profileTarget(keepMetric: boolean): Promise<boolean> {
    running?.abort();
    const target = state.target;
    const datasetId = state.datasetId;
    setState({ framing: null, error: null, cancelled: false, profiling: null });
    if (target === null || datasetId === null) return false;
    const ctl = new AbortController();
    running = ctl;
    setState("profiling", { progress: null });
    try {
      const profile = await deps.client.profile(datasetId, target, {
        signal: ctl.signal,
        onProgress: (p) => running === ctl && setState("profiling", { progress: p }),
      });
      if (running !== ctl) return false;
      const framing = profile.framing;
      if (!framing) throw new Error("The profile came back without a framing.");
      const keep = keepMetric && framing.metrics.some((m) => m.id === state.metric);
      batch(() => {
        setState("framing", reconcile(framing));
        setState({ metric: keep ? state.metric : framing.metric, profiling: null });
      });
      return true;
    } catch (err) {
      if (running !== ctl) return false;
      setState({
        profiling: null,
        cancelled: isAbortError(err),
        error: isAbortError(err) ? null : errorMessage(err),
      });
      return false;
    } finally {
      if (running === ctl) running = undefined;
    }
  }

  const actions: FrameActions = {
    async open(projectId) {
      running?.abort();
      setState({ projectId, loading: true, error: null, framing: null, cancelled: false, profiling: null });
      try {
        const ctx = await readFramingContext(projectId);
        if (state.projectId !== projectId) return;
        savedCriterion = ctx.framing?.criterion ?? null;
        setState({
          datasets: ctx.datasets,
          datasetId: ctx.dataset?.id ?? null,
          target: savedTarget(ctx),
          metric: (ctx.framing?.metric as MetricId | null) ?? null,
          criterion: ctx.framing?.criterion ?? "",
          loading: false,
        });
        if (state.target !== null) await profileTarget(true);
      } catch (err) {
        if (state.projectId === projectId) setState({ loading: false, error: errorMessage(err) });
      }
    },

    async selectDataset(datasetId) {
      const dataset = state.datasets.find((d) => d.id === datasetId);
      if (!dataset) return;
      const keep = dataset.columns.some((c) => c.name === state.target);
      setState({ datasetId, target: keep ? state.target : null });
      if (state.target !== null && !(await profileTarget(true))) return;
      if (state.target === null) setState({ framing: null, error: null });
      await save();
    },

    async selectTarget(target) {
      setState({ target, metric: null });
      if (target === null) {
        running?.abort();
        setState({ framing: null, error: null, cancelled: false, profiling: null });
        await save();
        return;
      }
      if (await profileTarget(false)) await save();
    },

    selectMetric(metric) {
      setState("metric", metric);
      void save();
    },

    setCriterion(text) {
      setState("criterion", text);
      saveSoon();
    },

    cancel() {
      running?.abort();
    },

    async retry() {
      if (await profileTarget(true)) await save();
    },
  };
  return [state, actions];
}
