import { createMemo, Show } from "solid-js";
import type { RunRecord } from "../../persist/types.ts";
import { EvaluationView } from "../evaluate/EvaluationView.tsx";
import { formatDateTime } from "../shared/format.ts";
import { Leaderboard } from "./Leaderboard.tsx";
import { criterionStatus } from "./leaderboardRows.ts";
import type { LiveTrials } from "./trainState.ts";

const STATUS_TEXT: Record<RunRecord["status"], string> = {
  running: "running",
  done: "done",
  cancelled: "cancelled: the models finished before the cancel are kept",
  failed: "failed",
  interrupted: "interrupted: the tab closed while it ran; the models finished before are kept",
};

/** One run: its state, the success criterion, the leaderboard and the chosen model's evaluation. */
export function RunResults(props: {
  run: RunRecord;
  labels: ReadonlyMap<string, string>;
  live: boolean;
  selected: string | null;
  onSelect: (model: string) => void;
  /** The active run's live searches, by model. */
  trials?: Record<string, LiveTrials>;
}) {
  const criterion = createMemo(() => criterionStatus(props.run));
  const entryOf = (model: string) => props.run.entries.find((e) => e.model === model);
  return (
    <section class="run-results" aria-labelledby="run-heading">
      <h3 id="run-heading">
        Run of {formatDateTime(props.run.createdAt)}:{" "}
        <span
          class={`run-state status-${props.run.status}`}
          data-testid="run-state"
          data-status={props.run.status}
        >
          {STATUS_TEXT[props.run.status]}
        </span>
      </h3>
      <Show when={props.run.error}>
        <p class="hint warn-text">{props.run.error}</p>
      </Show>
      <Show when={criterion()}>
        {(c) => (
          <p
            class={`criterion-status ${c().met === true ? "met" : c().met === false ? "not-met" : ""}`}
            data-testid="criterion-status"
            data-met={c().met === null ? "pending" : String(c().met)}
          >
            {c().met === true ? "✓ " : c().met === false ? "✗ " : ""}
            {c().text}
          </p>
        )}
      </Show>
      <Leaderboard
        run={props.run}
        labels={props.labels}
        live={props.live}
        selected={props.selected}
        onSelect={props.onSelect}
        trials={props.trials}
      />
      <Show when={props.run.entries.length > 0 && !props.selected}>
        <p class="hint">
          Open a model to see its evaluation: metrics, charts, learning curve and feature importance.
        </p>
      </Show>
      {/* Keyed on the model: another model gets a fresh view (its own on-demand results). */}
      <Show when={props.selected} keyed>
        {(model) => (
          <Show when={entryOf(model)}>
            {(entry) => (
              <EvaluationView run={props.run} entry={entry()} onClose={() => props.onSelect(model)} />
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}
