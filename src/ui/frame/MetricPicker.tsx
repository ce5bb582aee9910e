import { For, Show } from "solid-js";
import { METRICS, type MetricId, metricsForTask } from "../../core/framing/metrics.ts";
import type { Task } from "../../core/framing/task.ts";

/** The metric models are ranked by: the proposal preselected, any metric of the task allowed. */
export function MetricPicker(props: {
  task: Task;
  metric: MetricId | null;
  proposed: MetricId;
  reasons: readonly string[];
  onMetric: (m: MetricId) => void;
}) {
  const info = () => (props.metric ? METRICS[props.metric] : null);
  return (
    <section class="frame-block" aria-labelledby="metric-heading">
      <h3 id="metric-heading">Metric</h3>
      <label class="field inline">
        <span>Rank models by</span>
        <select
          data-testid="metric-select"
          onChange={(e) => props.onMetric(e.currentTarget.value as MetricId)}
        >
          <For each={metricsForTask(props.task)}>
            {(m) => (
              <option value={m.id} selected={m.id === props.metric}>
                {m.label}
                {m.id === props.proposed ? " (proposed)" : ""}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={info()}>
        {(m) => (
          <p class="hint" data-testid="metric-description">
            {m().label}: {m().description}; {m().direction} is better.
          </p>
        )}
      </Show>
      <ul class="reasons" data-testid="metric-reasons">
        <For each={props.reasons}>{(r) => <li>{r}</li>}</For>
      </ul>
    </section>
  );
}
