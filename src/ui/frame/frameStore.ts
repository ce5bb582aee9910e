import { createStore, unwrap } from "solid-js/store";
import type { MetricId } from "../../core/framing/metrics.ts";
import { setProjectFraming } from "../../persist/projects.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { getDb } from "../shared/appDb.ts";
import { setChanged } from "../shared/setChanged.ts";
import * as fs from "./frameState.ts";
import { type FrameModel, type FrameState, makeFrameState } from "./frameState.ts";
import { readFramingContext, savedTarget } from "./readFramingContext.ts";

export { type FrameState, selectedFrameDataset } from "./frameState.ts";

export interface FrameActions {
  open(projectId: string): Promise<void>;
  selectDataset(datasetId: string): Promise<void>;
  selectTarget(target: string | null): Promise<void>;
  selectMetric(metric: MetricId): void;
  /** Binary targets: which class counts as positive. */
  selectPositive(positiveClass: string): void;
  setCriterion(text: string): void;
  cancel(): void;
  /** Profiles the current target again (after a cancel). */
  retry(): Promise<void>;
}

export type FrameStore = [FrameState, FrameActions];

/** Typing waits this long before the framing is written, so a save is not one per keystroke. */
const SAVE_DELAY_MS = 300;

/**
 * The Frame phase's state: which column to predict, what the profile says about it, the metric and
 * the success criterion, written to the project whenever they change (a criterion only when valid).
 * Every decision is a pure function in frameState.ts; this holds the state, calls the data worker
 * and storage, and applies those functions.
 */
export function createFrameStore(deps: { client: DataClient }): FrameStore {
  const [state, setState] = createStore<FrameModel>(makeFrameState());
  let running: AbortController | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const current = (): FrameModel => ({ ...unwrap(state) });
  const set = (next: FrameModel) => setChanged(setState, unwrap(state), next);
  const update = (change: (s: FrameModel) => FrameModel) => set(change(current()));

  async function save() {
    clearTimeout(saveTimer);
    const plan = fs.framingToSave(current());
    set(plan.state);
    if (!plan.write) return;
    try {
      await setProjectFraming(await getDb(), plan.write.projectId, plan.write.framing);
      update(fs.saveSucceeded);
    } catch (err) {
      update((s) => fs.saveFailed(s, err));
    }
  }

  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };

  /** Profiles the state's target; `keepMetric` keeps a restored metric when it suits the task. */
  async function profileTarget(keepMetric: boolean): Promise<boolean> {
    running?.abort();
    const request = fs.profileRequest(current());
    update(fs.profileStarted);
    if (!request) return false;
    const ctl = new AbortController();
    running = ctl;
    try {
      const profile = await deps.client.profile(request.datasetId, request.target, {
        signal: ctl.signal,
        onProgress: (p) => running === ctl && update((s) => fs.profileProgressed(s, p)),
      });
      if (running !== ctl) return false;
      const next = fs.profiled(current(), profile.framing, keepMetric);
      set(next);
      return next.framing !== null;
    } catch (err) {
      if (running === ctl) update((s) => fs.profileFailed(s, err));
      return false;
    } finally {
      if (running === ctl) running = undefined;
    }
  }

  const actions: FrameActions = {
    async open(projectId) {
      running?.abort();
      update((s) => fs.openStarted(s, projectId));
      try {
        const ctx = await readFramingContext(projectId);
        const before = current();
        const next = fs.contextRead(before, projectId, {
          datasets: ctx.datasets,
          datasetId: ctx.dataset?.id ?? null,
          target: savedTarget(ctx),
          framing: ctx.framing,
        });
        if (next === before) return;
        set(next);
        if (next.target !== null) await profileTarget(true);
      } catch (err) {
        update((s) => fs.openFailed(s, projectId, err));
      }
    },

    async selectDataset(datasetId) {
      const next = fs.datasetSelected(current(), datasetId);
      if (!next) return;
      set(next);
      if (next.target !== null && !(await profileTarget(true))) return;
      await save();
    },

    async selectTarget(target) {
      if (target === null) running?.abort();
      update((s) => fs.targetSelected(s, target));
      if (target === null) await save();
      else if (await profileTarget(false)) await save();
    },

    selectMetric(metric) {
      update((s) => fs.metricSelected(s, metric));
      void save();
    },

    selectPositive(positiveClass) {
      update((s) => fs.positiveSelected(s, positiveClass));
      void save();
    },

    setCriterion(text) {
      update((s) => fs.criterionTyped(s, text));
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
