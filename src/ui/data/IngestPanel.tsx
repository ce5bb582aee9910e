import { createSignal, Show } from "solid-js";
import type { IngestOptions, IngestSource } from "../../../workers/dataApi.ts";
import { useClassroom } from "../share/ClassroomContext.tsx";
import { DropZone } from "./DropZone.tsx";
import { IngestOptionsFields } from "./IngestOptionsFields.tsx";
import { PasteData } from "./PasteData.tsx";
import { SampleStrip } from "./SampleStrip.tsx";
import { sampleSource } from "./samples.ts";

/** Every way to bring a table in: drop, choose, paste or a sample, with the reading options. */
export function IngestPanel(props: {
  busy: boolean;
  /** Smaller once a table is shown, so that the table is what the page opens on. */
  compact: boolean;
  /** `frameOn`: a sample's target, to frame a project that has no framing yet. */
  onLoad: (source: IngestSource, opts: IngestOptions, frameOn?: string) => void;
}) {
  const [options, setOptions] = createSignal<IngestOptions>({ raggedRows: "keep" });
  const load = (source: IngestSource, frameOn?: string) => props.onLoad(source, options(), frameOn);

  return (
    <section class="panel ingest-panel" aria-labelledby="ingest-heading">
      <h2 id="ingest-heading">{props.compact ? "Load another table" : "Load data"}</h2>
      <DropZone
        disabled={props.busy}
        compact={props.compact}
        onFile={(file) => load({ type: "file", file, name: file.name })}
      />
      <PasteData disabled={props.busy} onLoad={(text) => load({ type: "text", text, name: "pasted.csv" })} />
      <SampleStrip disabled={props.busy} onPick={(s) => load(sampleSource(s), s.target)} />
      {/* Reading options are an advanced control a teacher may leave out for beginners. */}
      <Show when={!useClassroom().advancedHidden()}>
        <IngestOptionsFields value={options()} onChange={setOptions} />
      </Show>
    </section>
  );
}
