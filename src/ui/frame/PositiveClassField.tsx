import { For, Show } from "solid-js";
import type { TaskDetection } from "../../core/framing/detectTask.ts";
import { positiveNote } from "./positiveNote.ts";

/**
 * Binary targets: which class the metrics, curves and the threshold treat as positive. The
 * proposal is preselected with why it was proposed; any of the two classes may be chosen.
 */
export function PositiveClassField(props: {
  detection: TaskDetection;
  value: string | null;
  onChange: (positiveClass: string) => void;
}) {
  const classes = () => props.detection.classes ?? [];
  return (
    <section class="frame-block" aria-labelledby="positive-heading">
      <h3 id="positive-heading">Positive class</h3>
      <label class="field inline">
        <span>Treat as positive</span>
        <select data-testid="positive-select" onChange={(e) => props.onChange(e.currentTarget.value)}>
          <For each={classes()}>
            {(c) => (
              <option value={c} selected={c === props.value}>
                {c}
                {c === props.detection.positiveClass ? " (proposed)" : ""}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={props.value}>
        {(value) => (
          <p class="hint" data-testid="positive-note">
            {positiveNote(props.detection, value())}
          </p>
        )}
      </Show>
    </section>
  );
}
