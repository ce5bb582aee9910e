import { Show } from "solid-js";
import { formatBytes } from "../../persist/storage.ts";
import type { DatasetMeta } from "../../persist/types.ts";
import { plural } from "../shared/format.ts";
import { DELIMITER_LABELS, ENCODING_LABELS } from "./labels.ts";

/** "iris.csv · 150 rows · 5 columns · comma-separated · UTF-8", then what else the reader noted. */
export function DatasetSummary(props: { dataset: DatasetMeta }) {
  const report = () => props.dataset.report;
  return (
    <>
      <p class="dataset-summary" data-testid="dataset-summary">
        {props.dataset.name} · {plural(props.dataset.rows, "row")} ·{" "}
        {plural(props.dataset.columns.length, "column")} ·{" "}
        {DELIMITER_LABELS[report().delimiter] ?? report().delimiter} ·{" "}
        {ENCODING_LABELS[report().encoding] ?? report().encoding}
      </p>
      <p class="hint">
        <Show when={report().decimal === ","}>Decimal comma. </Show>
        <Show when={report().droppedRows > 0}>{plural(report().droppedRows, "ragged row")} dropped. </Show>
        {formatBytes(report().bytes)} read, {formatBytes(props.dataset.storedBytes)} stored on this device.
      </p>
    </>
  );
}
