import { Show } from "solid-js";
import type { ActiveRun } from "./trainStore.ts";

/** The running ladder: a bar over its fold jobs, where it is, and Cancel (finished models are kept). */
export function RunProgress(props: { active: ActiveRun; onCancel: () => void }) {
  const total = () => props.active.total;
  return (
    <div class="run-progress" role="status">
      <Show when={total()} fallback={<progress data-testid="run-progress" aria-label="Training progress" />}>
        {(t) => (
          <progress
            data-testid="run-progress"
            aria-label="Training progress"
            max={t()}
            value={Math.min(props.active.done, t())}
          />
        )}
      </Show>
      <span class="run-status" data-testid="run-status">
        {props.active.cancelling ? "Stopping…" : props.active.text}
      </span>
      <button
        type="button"
        class="button-quiet"
        data-testid="cancel-run"
        disabled={props.active.cancelling}
        onClick={() => props.onCancel()}
      >
        Cancel
      </button>
    </div>
  );
}
