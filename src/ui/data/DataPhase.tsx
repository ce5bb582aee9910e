import { createEffect, on, Show } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { DatasetView } from "./DatasetView.tsx";
import { selectedDataset } from "./datasetStore.ts";
import { IngestPanel } from "./IngestPanel.tsx";
import { IngestProgressView } from "./IngestProgressView.tsx";

/** Load a table, then see its columns, first rows and problems. */
export function DataPhase(props: { projectId: string }) {
  const { datasets } = useApp();
  const [state, actions] = datasets;
  createEffect(
    on(
      () => props.projectId,
      (id) => void actions.open(id),
    ),
  );

  const progressHere = () => (state.ingest?.projectId === props.projectId ? state.ingest : null);

  return (
    <div class="data-phase">
      <ErrorAlert message={state.error} onDismiss={actions.dismissError} />
      <Show when={progressHere()}>
        {(p) => <IngestProgressView progress={p()} onCancel={actions.cancelIngest} />}
      </Show>
      <p class="status-line" role="status" data-testid="status-line">
        {state.status ?? ""}
      </p>
      <IngestPanel
        busy={state.ingest !== null}
        compact={selectedDataset(state) !== undefined}
        onLoad={(source, opts, frameOn) => void actions.ingest(props.projectId, source, opts, frameOn)}
      />
      <Show
        when={selectedDataset(state)}
        fallback={
          <Show when={!state.listLoading && !progressHere()}>
            <p class="empty" data-testid="no-dataset">
              No data in this project yet.
            </p>
          </Show>
        }
      >
        {(d) => <DatasetView dataset={d()} />}
      </Show>
    </div>
  );
}
