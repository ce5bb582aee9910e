import { createSignal, mergeProps } from "solid-js";
import { createStore } from "solid-js/store";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import type { Progress } from "../../core/progress.ts";
import type { DatasetMeta, ProjectFraming } from "../../persist/types.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { readFramingContext, savedTarget } from "../frame/readFramingContext.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";
import { PLOT_SAMPLE_SIZE } from "./plotSample.ts";

interface ExploreFields {
  projectId: string | null;
  dataset: DatasetMeta | null;
  /** The project's target, when one is framed and usable. */
  target: string | null;
  framing: ProjectFraming | null;
  loading: boolean;
  /** Work in flight in the data worker, with its last progress report. */
  working: { progress: Progress | null } | null;
  cancelled: boolean;
  error: string | null;
  /** A plain note on something set aside (a saved target that no longer works). */
  note: string | null;
}

/**
 * The profile and plot sample are large, plain data read by chart specs: they live in signals, not
 * in the store, so they are neither wrapped in proxies nor merged into each other on replacement.
 */
export type ExploreState = ExploreFields & { profile: FrameProfile | null; sample: PlotSample | null };

export interface ExploreActions {
  open(projectId: string): Promise<void>;
  cancel(): void;
}

export type ExploreStore = [ExploreState, ExploreActions];

/** The Explore phase's data: the full profile (with the framed target) and a seeded plot sample. */
export function createExploreStore(deps: { client: DataClient }): ExploreStore {
  const [fields, setFields] = createStore<ExploreFields>({
    projectId: null,
    dataset: null,
    target: null,
    framing: null,
    loading: false,
    working: null,
    cancelled: false,
    error: null,
    note: null,
  });
  const [profile, setProfile] = createSignal<FrameProfile | null>(null);
  const [sample, setSample] = createSignal<PlotSample | null>(null);
  let running: AbortController | undefined;

  const actions: ExploreActions = {
    async open(projectId) {
      running?.abort();
      const ctl = new AbortController();
      running = ctl;
      const call = {
        signal: ctl.signal,
        onProgress: (p: Progress) => running === ctl && setFields("working", { progress: p }),
      };
      setProfile(null);
      setSample(null);
      setFields({ projectId, loading: true, working: null, cancelled: false, error: null, note: null });
      try {
        const ctx = await readFramingContext(projectId);
        if (running !== ctl) return;
        const dataset = ctx.dataset;
        setFields({ dataset, framing: ctx.framing, target: savedTarget(ctx), loading: false });
        if (!dataset) return;
        setFields("working", { progress: null });
        let result: FrameProfile;
        try {
          result = await deps.client.profile(dataset.id, fields.target, call);
        } catch (err) {
          if (fields.target === null || (err as { name?: string })?.name !== "ValidationError") throw err;
          // The framed target stopped being learnable (re-typed, say): explore without it.
          setFields({ note: `The saved target is set aside: ${errorMessage(err)}`, target: null });
          result = await deps.client.profile(dataset.id, null, call);
        }
        const rows = await deps.client.plotSample(dataset.id, PLOT_SAMPLE_SIZE, { signal: ctl.signal });
        if (running !== ctl) return;
        setProfile(result);
        setSample(rows);
        setFields("working", null);
      } catch (err) {
        if (running !== ctl) return;
        setFields({
          loading: false,
          working: null,
          cancelled: isAbortError(err),
          error: isAbortError(err) ? null : errorMessage(err),
        });
      } finally {
        if (running === ctl) running = undefined;
      }
    },

    cancel() {
      running?.abort();
    },
  };

  const state = mergeProps(fields, {
    get profile() {
      return profile();
    },
    get sample() {
      return sample();
    },
  }) as ExploreState;
  return [state, actions];
}
