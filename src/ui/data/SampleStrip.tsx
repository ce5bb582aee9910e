import { For } from "solid-js";
import { SAMPLES, type Sample } from "./samples.ts";

/** The samples, compact, for loading one into the current project. */
export function SampleStrip(props: { disabled: boolean; onPick: (sample: Sample) => void }) {
  return (
    <div class="sample-strip">
      <span class="sample-strip-label" id="sample-strip-label">
        Or load a sample:
      </span>
      <ul aria-labelledby="sample-strip-label">
        <For each={SAMPLES}>
          {(sample) => (
            <li>
              <button
                type="button"
                class="chip"
                data-testid={`load-sample-${sample.id}`}
                title={sample.teaches}
                disabled={props.disabled}
                onClick={() => props.onPick(sample)}
              >
                {sample.title}
              </button>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
