import { createSignal, onCleanup } from "solid-js";

export const FILE_ACCEPT = ".csv,.tsv,.txt,text/csv,text/tab-separated-values";

/** A drop target with a visible "Choose file" button, for mouse, keyboard and touch alike. */
export function DropZone(props: { disabled: boolean; compact?: boolean; onFile: (file: File) => void }) {
  const [over, setOver] = createSignal(false);

  // A file dropped beside the zone would make the browser open it and leave the app.
  const stray = (e: DragEvent) => e.preventDefault();
  window.addEventListener("dragover", stray);
  window.addEventListener("drop", stray);
  onCleanup(() => {
    window.removeEventListener("dragover", stray);
    window.removeEventListener("drop", stray);
  });

  const take = (file: File | undefined) => {
    if (file && !props.disabled) props.onFile(file);
  };

  return (
    <section
      class="dropzone"
      aria-label="Drop a file to load"
      classList={{ over: over(), disabled: props.disabled, compact: props.compact }}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = props.disabled ? "none" : "copy";
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files[0]);
      }}
    >
      <p class="dropzone-lead">Drop a CSV file here, or</p>
      <label class="file-button" classList={{ disabled: props.disabled }}>
        Choose file
        <input
          type="file"
          class="visually-hidden"
          data-testid="file-input"
          accept={FILE_ACCEPT}
          disabled={props.disabled}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so that choosing the same file again still loads it.
            input.value = "";
            take(file);
          }}
        />
      </label>
      <p class="hint">CSV, TSV or text with a header row. Large files are read in chunks, on this device.</p>
    </section>
  );
}
