import { Show } from "solid-js";
import type { Progress } from "../../core/progress.ts";
import { progressText } from "./progressText.ts";

/** The one line shown while the data worker profiles the table, with a way to stop it. */
export function ProfileProgress(props: { progress: Progress | null; onCancel: () => void }) {
  return (
    <div class="profile-progress" role="status" data-testid="profile-progress">
      <Show when={props.progress} fallback={<progress aria-label="Profiling progress" />}>
        {(p) => (
          <progress aria-label="Profiling progress" max={p().total} value={Math.min(p().done, p().total)} />
        )}
      </Show>
      <span>{progressText(props.progress)}…</span>
      <button
        type="button"
        class="button-quiet"
        data-testid="profile-cancel"
        onClick={() => props.onCancel()}
      >
        Cancel
      </button>
    </div>
  );
}
