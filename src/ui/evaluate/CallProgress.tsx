import { Show } from "solid-js";
import type { Progress } from "../../core/progress.ts";

/** A running on-demand computation: a bar, what it is doing, and Cancel. */
export function CallProgress(props: { progress: Progress | null; label: string; onCancel: () => void }) {
  return (
    <div class="call-progress" role="status">
      <Show when={props.progress} fallback={<progress aria-label={props.label} />}>
        {(p) => <progress aria-label={props.label} max={p().total} value={Math.min(p().done, p().total)} />}
      </Show>
      <span>{props.progress?.message ?? "Starting…"}</span>
      <button type="button" class="button-quiet" onClick={() => props.onCancel()}>
        Cancel
      </button>
    </div>
  );
}
