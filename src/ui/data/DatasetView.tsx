import { createResource, Show } from "solid-js";
import { getProject } from "../../persist/projects.ts";
import type { DatasetMeta } from "../../persist/types.ts";
import { useApp } from "../app/AppContext.tsx";
import { getDb } from "../shared/appDb.ts";
import { ColumnTable } from "./ColumnTable.tsx";
import { DataPreview } from "./DataPreview.tsx";
import { DatasetBar } from "./DatasetBar.tsx";
import { DatasetSummary } from "./DatasetSummary.tsx";
import { ProblemsReport } from "./ProblemsReport.tsx";

/** One loaded dataset: which one, its shape, its columns, its first rows and its problems. */
export function DatasetView(props: { dataset: DatasetMeta }) {
  const { datasets } = useApp();
  const [state, actions] = datasets;
  const rows = () => (state.preview?.datasetId === props.dataset.id ? state.preview.rows : []);
  // The column framed as the target in Frame (roles stored with a table are set when it loads).
  const [target] = createResource(
    () => ({ projectId: props.dataset.projectId, datasetId: props.dataset.id, idle: state.ingest === null }),
    async ({ projectId, datasetId }) => {
      const framing = (await getProject(await getDb(), projectId)).framing;
      return framing?.datasetId === datasetId ? (framing.target ?? null) : null;
    },
  );

  return (
    <section class="panel dataset" aria-label="Dataset">
      <DatasetBar
        dataset={props.dataset}
        all={state.datasets}
        onSelect={(id) => void actions.select(id)}
        onRename={(name) => void actions.rename(props.dataset.id, name)}
        onDelete={() => void actions.remove(props.dataset.id)}
      />
      <DatasetSummary dataset={props.dataset} />
      <ColumnTable
        dataset={props.dataset}
        target={target.latest ?? null}
        pending={state.pendingKind}
        onKind={(index, kind) => actions.setKind(index, kind)}
      />
      <Show when={rows().length > 0 || state.previewLoading}>
        <DataPreview
          columns={props.dataset.columns}
          rows={rows()}
          total={props.dataset.rows}
          loading={state.previewLoading}
          onMore={() => void actions.showMore()}
        />
      </Show>
      <ProblemsReport report={props.dataset.report} />
    </section>
  );
}
