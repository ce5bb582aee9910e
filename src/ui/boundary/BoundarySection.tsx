import { createSignal, Show } from "solid-js";
import type { RunSettings } from "../../core/automl/run/runSettings.ts";
import { BoundaryPlayground } from "./BoundaryPlayground.tsx";

/**
 * The playground as a section that opens on demand: closed, it costs nothing (no worker, no
 * fits); opened, it prepares the rows once and refits as the sliders move.
 */
export function BoundarySection(props: {
  datasetId: string;
  settings: RunSettings;
  model?: string;
  /** Open from the start (the Train phase's own panel). */
  open?: boolean;
}) {
  const [open, setOpen] = createSignal(Boolean(props.open));
  return (
    <details
      class="boundary-section eval-section"
      data-testid="boundary-section"
      open={open()}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary data-testid="open-boundary">Decision boundary playground</summary>
      <Show when={open()}>
        <BoundaryPlayground datasetId={props.datasetId} settings={props.settings} model={props.model} />
      </Show>
    </details>
  );
}
