import { createSignal, Show } from "solid-js";
import { downloadText } from "../shared/download.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { formatDateTime } from "../shared/format.ts";
import { buildReportHtml } from "./buildReportHtml.ts";
import { makeReportInput, type ReportSource } from "./makeReportInput.ts";
import { renderReportChart } from "./renderReportChart.ts";
import { reportFileName } from "./reportFileName.ts";

/** Builds the self-contained HTML report of what Explore shows and hands it to the browser's downloads. */
export function ExportReportButton(props: {
  source: () => Omit<ReportSource, "render" | "generatedAt"> | null;
}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const run = () => {
    const src = props.source();
    if (!src) return;
    setBusy(true);
    setError(null);
    // Let the button show its busy state before the charts are drawn (synchronous work).
    setTimeout(() => {
      try {
        const input = makeReportInput({
          ...src,
          generatedAt: formatDateTime(Date.now()),
          render: renderReportChart,
        });
        downloadText(buildReportHtml(input), reportFileName(src.datasetName), "text/html;charset=utf-8");
      } catch (err) {
        setError(`The report could not be built: ${errorMessage(err)}`);
      } finally {
        setBusy(false);
      }
    }, 0);
  };
  return (
    <div class="export">
      <button
        type="button"
        class="button-primary"
        data-testid="export-report"
        disabled={busy() || !props.source()}
        onClick={run}
      >
        {busy() ? "Building report…" : "Export report (HTML)"}
      </button>
      <Show when={error()}>
        <p class="hint warn-text" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
