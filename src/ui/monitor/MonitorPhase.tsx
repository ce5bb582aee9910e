import { createEffect, createMemo, For, on, onCleanup, Show } from "solid-js";
import { versionName } from "../../persist/registryAliases.ts";
import { monitorClient } from "../bridges/monitorClient.ts";
import { projectHref } from "../router/route.ts";
import { getDb } from "../shared/appDb.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { FileDrop } from "../shared/FileDrop.tsx";
import { BatchReport } from "./BatchReport.tsx";
import { MonitorTimeline } from "./MonitorTimeline.tsx";
import { createMonitorStore } from "./monitorStore.ts";
import { RetrainPanel } from "./RetrainPanel.tsx";
import "./monitor.css";

/**
 * Monitor: new batches of data dropped against a registered version, each tested for drift and
 * scored (measured with labels, estimated without), the batches on a timeline against the success
 * criterion, and from there a challenger retrained, compared and promoted (or not).
 */
export function MonitorPhase(props: { projectId: string }) {
  const [state, actions] = createMonitorStore({ client: monitorClient, db: getDb });
  createEffect(
    on(
      () => props.projectId,
      (id) => void actions.open(id),
    ),
  );
  // Leaving the phase stops what runs for it.
  onCleanup(() => actions.cancel());
  const version = createMemo(() => state.versions.find((v) => v.id === state.versionId) ?? null);
  // The criterion as set in Frame; else the one the open version's run was trained under.
  const criterion = () => {
    const v = version();
    return state.criterion ?? (v?.source.kind === "run" ? v.source.settings.criterion : null);
  };
  const batch = createMemo(() => state.batches.find((b) => b.id === state.batchId) ?? null);
  const role = (id: string) =>
    state.registry?.champion === id
      ? " (champion)"
      : state.registry?.challenger === id
        ? " (challenger)"
        : "";
  const share = () => (state.busy && state.busy.total > 0 ? state.busy.done / state.busy.total : undefined);

  return (
    <section class="panel monitor-phase" aria-labelledby="monitor-heading">
      <h2 id="monitor-heading">Monitor</h2>
      <p class="hint">
        Drop each new batch of data here, with or without the true outcome. Every column is compared with the
        data the model was trained on, the model's answers too, and its performance is measured (with labels)
        or estimated (without). Nothing leaves this device.
      </p>
      <ErrorAlert message={state.error} onDismiss={actions.dismissError} />
      <Show
        when={state.versions.length > 0}
        fallback={
          <Show when={!state.loading}>
            <p class="empty" data-testid="monitor-no-versions">
              No model versions yet. Register a model from a run's leaderboard in{" "}
              <a href={projectHref(props.projectId, "train")}>Train</a>, then monitor it here.
            </p>
          </Show>
        }
      >
        <div class="monitor-toolbar">
          <label class="field">
            <span>Model version</span>
            <select
              data-testid="monitor-version"
              value={state.versionId ?? ""}
              disabled={Boolean(state.busy)}
              onChange={(e) => void actions.selectVersion(e.currentTarget.value)}
            >
              <For each={state.versions}>
                {(v) => (
                  <option value={v.id}>
                    {versionName(v.number)} · {v.label}
                    {role(v.id)}
                  </option>
                )}
              </For>
            </select>
          </label>
          <FileDrop
            compact
            lead="Drop a batch of new rows (CSV) here, or"
            hint={`Rows with ${version()?.card.inputs.length ?? "the model's"} input columns${version() ? ` and, if known, "${version()!.card.target}"` : ""}. Extra columns are ignored.`}
            accept=".csv,text/csv,.tsv,.txt"
            testId="batch-drop"
            disabled={Boolean(state.busy) || !state.versionId}
            onFile={(f) => void actions.dropBatch(f)}
          />
          <label class="monitor-keep">
            <input
              type="checkbox"
              data-testid="keep-rows"
              checked={state.keepRows}
              onChange={(e) => actions.setKeepRows(e.currentTarget.checked)}
            />{" "}
            Keep its rows for retraining (stored on this device; otherwise only sketches and results are kept)
          </label>
        </div>
        <Show when={state.busy}>
          {(busy) => (
            <div class="run-progress" data-testid="monitor-busy" data-kind={busy().kind}>
              <Show when={share()} fallback={<progress aria-label="Monitor progress" />}>
                {(value) => <progress max="1" value={value()} aria-label="Monitor progress" />}
              </Show>
              <span class="status-line">{busy().message}…</span>
              <Show when={busy().kind !== "alias"}>
                <button
                  type="button"
                  class="button-quiet"
                  data-testid="monitor-cancel"
                  onClick={() => actions.cancel()}
                >
                  Stop
                </button>
              </Show>
            </div>
          )}
        </Show>
        <Show
          when={state.batches.length > 0}
          fallback={
            <Show when={!state.loading}>
              <p class="empty" data-testid="no-batches">
                No batch monitored for this version yet.
              </p>
            </Show>
          }
        >
          <MonitorTimeline
            batches={state.batches}
            criterion={criterion()}
            referenceScore={version()?.metrics.cv_mean ?? null}
          />
          <nav class="monitor-batches" aria-label="Batches">
            <For each={state.batches}>
              {(b) => (
                <button
                  type="button"
                  class="button-quiet"
                  data-testid="batch-item"
                  data-batch={b.number}
                  aria-pressed={b.id === state.batchId}
                  classList={{ drifted: b.report.dataset_drift }}
                  onClick={() => actions.selectBatch(b.id)}
                >
                  #{b.number} {b.name}
                  {b.report.dataset_drift ? " · drift" : ""}
                </button>
              )}
            </For>
          </nav>
          <Show when={batch()}>
            {(b) => (
              <BatchReport
                batch={b()}
                reference={state.reference}
                drill={state.drill}
                busy={Boolean(state.busy)}
                onOverride={(c, o) => void actions.setOverride(c, o)}
                onDrill={actions.drill}
              />
            )}
          </Show>
        </Show>
        <RetrainPanel state={state} actions={actions} />
      </Show>
    </section>
  );
}
