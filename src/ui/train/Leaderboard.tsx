import { createMemo, For, Show } from "solid-js";
import { METRICS } from "../../core/framing/metrics.ts";
import type { RunRecord } from "../../persist/types.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { RegisterButton } from "../deploy/RegisterButton.tsx";
import { ScrollRegion } from "../shared/ScrollRegion.tsx";
import {
  leaderboardRows,
  liveTuningCell,
  OVERFIT_RULE,
  pendingRows,
  type TuningCell,
} from "./leaderboardRows.ts";
import type { LiveTrials } from "./trainState.ts";

/** A tuned model's best trial beside its defaults (inner scores of the search). */
function TuningText(props: { cell: TuningCell | null }) {
  return (
    <Show when={props.cell} fallback="–">
      {(c) => (
        <span data-testid="tuning-cell" title={c().detail}>
          {c().best} <span class="hint">vs defaults {c().defaults}</span>
        </span>
      )}
    </Show>
  );
}

/**
 * The run's models best first by the cross-validated metric, with the training score beside it
 * (far better on training rows: the model overfits), the test score, time and the neural net's
 * backend; models still to come below. A row opens the model's evaluation.
 */
export function Leaderboard(props: {
  run: RunRecord;
  labels: ReadonlyMap<string, string>;
  live: boolean;
  selected: string | null;
  onSelect: (model: string) => void;
  /** Live searches of the models being tuned (the active run's), by model. */
  trials?: Record<string, LiveTrials>;
}) {
  const tuned = () => props.run.entries.some((e) => e.tuning) || Object.keys(props.trials ?? {}).length > 0;
  const liveCell = (model: string) => {
    const t = props.trials?.[model];
    return t ? liveTuningCell(t) : null;
  };
  const rows = createMemo(() => leaderboardRows(props.run.entries));
  const pending = createMemo(() => pendingRows(props.run, props.labels, props.live));
  const metric = () => {
    const id = props.run.entries[0]?.metric ?? props.run.settings.metric;
    return id ? METRICS[id].label : "Score";
  };
  return (
    <ScrollRegion class="table-scroll" label="Leaderboard">
      <table class="leaderboard" data-testid="leaderboard">
        <caption class="visually-hidden">Leaderboard, best first by cross-validated {metric()}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Model</th>
            <th
              scope="col"
              title="Mean ± standard deviation of the folds' scores. The evaluation also scores all out-of-fold predictions pooled together, a second number on purpose."
            >
              CV {metric()}, mean of folds
            </th>
            <th scope="col">Train</th>
            <th scope="col">Test</th>
            <Show when={tuned()}>
              <th
                scope="col"
                title="The search's best trial beside the model's defaults, both scored on the inner validation rows of each fold's training rows (mean over the folds); the CV score is the tuned model's on rows the search never saw."
              >
                Tuning: best trial
              </th>
            </Show>
            <th scope="col">Time</th>
            <th scope="col">Backend</th>
            <th scope="col">Status</th>
            <th scope="col">Deploy</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(row) => (
              <tr
                data-testid="leaderboard-row"
                data-model={row.model}
                class={props.selected === row.model ? "selected" : undefined}
                aria-selected={props.selected === row.model}
              >
                <td class="num">{row.rank ?? "–"}</td>
                <td>
                  <button
                    type="button"
                    class="link-button row-open"
                    data-testid="open-evaluation"
                    aria-expanded={props.selected === row.model}
                    onClick={() => props.onSelect(row.model)}
                  >
                    {row.label}
                  </button>
                  <Show when={row.members}>
                    {(members) => (
                      <span class="ensemble-members" data-testid="ensemble-members">
                        {members()
                          .map(
                            (m) => `${props.labels.get(m.model) ?? m.model} ${Math.round(m.weight * 100)}%`,
                          )
                          .join(" · ")}
                      </span>
                    )}
                  </Show>
                </td>
                <td class="num" data-testid="cv-score">
                  {row.cv}
                </td>
                <td
                  class={`num${row.overfits ? " overfit" : ""}`}
                  data-testid="train-score"
                  title={
                    Number.isFinite(row.gap)
                      ? `${formatNumber(row.gap)} better on its own training rows${row.overfits ? ": a sign of overfitting" : ""}`
                      : undefined
                  }
                >
                  {row.train}
                  <Show when={row.overfits}>
                    <span class="overfit-flag"> overfits</span>
                  </Show>
                </td>
                <td class="num" data-testid="test-score">
                  {row.test}
                </td>
                <Show when={tuned()}>
                  <td class="num">
                    <TuningText cell={row.tuning} />
                  </td>
                </Show>
                <td class="num">{row.seconds}</td>
                <td
                  data-testid="backend"
                  title={
                    row.backend === "js" ? "Trained in typed arrays on the CPU (no tfjs kernels)" : undefined
                  }
                >
                  {row.backend ?? "–"}
                </td>
                <td>
                  <Show when={row.error} fallback={<span class="status-done">done</span>}>
                    <span class="status-failed" title={row.error ?? ""}>
                      failed: {row.error}
                    </span>
                  </Show>
                </td>
                <td>
                  <Show when={!row.error && !props.live}>
                    <RegisterButton
                      projectId={props.run.projectId}
                      runId={props.run.id}
                      modelId={row.model}
                      label={row.label}
                    />
                  </Show>
                </td>
              </tr>
            )}
          </For>
          <For each={pending()}>
            {(row) => (
              <tr data-testid="leaderboard-pending" data-model={row.model} class="pending">
                <td class="num">–</td>
                <td>{row.label}</td>
                <td colSpan={2} />
                <td />
                <Show when={tuned()}>
                  <td class="num" data-testid="live-tuning">
                    <TuningText cell={liveCell(row.model)} />
                  </td>
                </Show>
                <td colSpan={2} />
                <td class={`status-${row.status.replace(" ", "-")}`}>{row.status}</td>
                <td />
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={rows().some((r) => r.overfits)}>
        <p class="hint" data-testid="overfit-rule">
          {OVERFIT_RULE}
        </p>
      </Show>
    </ScrollRegion>
  );
}
