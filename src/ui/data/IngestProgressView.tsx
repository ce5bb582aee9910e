import { Show } from "solid-js";
import { formatBytes } from "../../persist/storage.ts";
import { formatInt } from "../shared/format.ts";
import type { IngestProgress } from "./datasetStore.ts";

/** "48.2 MB of 150.0 MB · 312,000 rows", or bytes read alone when the size is unknown. */
export function ingestStatusText(p: IngestProgress): string {
  const bytes =
    p.total > 0 ? `${formatBytes(p.done)} of ${formatBytes(p.total)}` : `${formatBytes(p.done)} read`;
  return `${bytes} · ${formatInt(p.rows)} rows`;
}

export function IngestProgressView(props: { progress: IngestProgress; onCancel: () => void }) {
  return (
    <section class="panel ingest-progress" aria-label="Loading">
      <p class="ingest-name">
        Loading {props.progress.name}
        {props.progress.message ? ` · ${props.progress.message}` : ""}…
      </p>
      <Show
        when={props.progress.total > 0}
        fallback={<progress data-testid="ingest-progress" aria-label="Loading progress" />}
      >
        <progress
          data-testid="ingest-progress"
          aria-label="Loading progress"
          max={props.progress.total}
          value={Math.min(props.progress.done, props.progress.total)}
        />
      </Show>
      <div class="ingest-row">
        <span data-testid="ingest-status">{ingestStatusText(props.progress)}</span>
        <button type="button" data-testid="ingest-cancel" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </section>
  );
}
