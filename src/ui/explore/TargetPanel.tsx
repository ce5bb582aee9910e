import { createSignal, For, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { targetCharts } from "./targetCharts.ts";

/** Charts drawn at first; the rest wait for a click, so a 70-column table stays quick. */
const FIRST = 12;

/** Each feature against the framed target. */
export function TargetPanel(props: {
  profile: FrameProfile;
  sample: PlotSample;
  target: string | null;
  frameHref: string;
}) {
  const [all, setAll] = createSignal(false);
  const charts = () => {
    const task = props.profile.task;
    return props.target && task ? targetCharts(props.profile, props.sample, props.target, task) : [];
  };
  const shown = () => (all() ? charts() : charts().slice(0, FIRST));
  return (
    <section class="rel-panel" aria-labelledby="target-heading">
      <h4 id="target-heading">Features against the target</h4>
      <Show
        when={props.target && props.profile.task}
        fallback={
          <p class="empty">
            No target is framed: <a href={props.frameHref}>pick one in Frame</a> to see each feature against
            it.
          </p>
        }
      >
        <Show
          when={charts().length > 0}
          fallback={<p class="empty">No numeric or categorical features to compare.</p>}
        >
          <div class="target-charts" data-testid="target-charts">
            <For each={shown()}>{(c) => <PlotFigure kind={c.kind} spec={c.spec} />}</For>
          </div>
          <Show when={!all() && charts().length > FIRST}>
            <button type="button" onClick={() => setAll(true)}>
              Show all {charts().length} features
            </button>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
