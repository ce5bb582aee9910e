import { For, Show } from "solid-js";
import type { RunRecord } from "../../persist/types.ts";
import { formatDateTime } from "../shared/format.ts";
import { runSummary } from "./leaderboardRows.ts";
import { canResume } from "./runSettings.ts";

/** The project's runs, newest first: status, progress, best model; show one, resume an unfinished one. */
export function RunHistory(props: {
  runs: readonly RunRecord[];
  shownRunId: string | null;
  busy: boolean;
  onShow: (runId: string) => void;
  onResume: (runId: string) => void;
}) {
  return (
    <section class="run-history" aria-labelledby="run-history-heading">
      <h3 id="run-history-heading">Runs</h3>
      <ol data-testid="run-history">
        <For each={props.runs}>
          {(run) => (
            <li
              data-testid="run-item"
              data-run={run.id}
              data-status={run.status}
              class="run-item"
              classList={{ shown: run.id === props.shownRunId }}
            >
              <span class="run-when">{formatDateTime(run.createdAt)}</span>
              <span class={`run-badge status-${run.status}`} data-testid="run-item-status">
                {run.status}
              </span>
              <span class="run-summary">{runSummary(run)}</span>
              <Show when={run.error}>
                <span class="hint warn-text">{run.error}</span>
              </Show>
              <span class="run-actions">
                <Show when={run.id !== props.shownRunId}>
                  <button
                    type="button"
                    class="button-quiet"
                    data-testid="show-run"
                    onClick={() => props.onShow(run.id)}
                  >
                    Show
                  </button>
                </Show>
                <Show when={canResume(run)}>
                  <button
                    type="button"
                    data-testid="resume-run"
                    disabled={props.busy}
                    onClick={() => props.onResume(run.id)}
                  >
                    Resume
                  </button>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
