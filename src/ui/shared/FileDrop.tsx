import { createSignal, onCleanup } from "solid-js";

/**
 * A drop target with a visible "Choose file" button for one kind of file (mouse, keyboard, touch):
 * the Data phase's table loader and Deploy's model and CSV inputs.
 */
export function FileDrop(props: {
  lead: string;
  hint: string;
  accept: string;
  testId: string;
  /** The file input's test id; default `<testId>-input`. */
  inputTestId?: string;
  /** The region's name; default the lead text. */
  label?: string;
  compact?: boolean;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
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
      aria-label={props.label ?? props.lead}
      classList={{ over: over(), disabled: props.disabled, compact: props.compact }}
      data-testid={props.testId}
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
      <p class="dropzone-lead">{props.lead}</p>
      <label class="file-button" classList={{ disabled: props.disabled }}>
        Choose file
        <input
          type="file"
          class="visually-hidden"
          data-testid={props.inputTestId ?? `${props.testId}-input`}
          accept={props.accept}
          disabled={props.disabled}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so that choosing the same file again still takes it.
            input.value = "";
            take(file);
          }}
        />
      </label>
      <p class="hint">{props.hint}</p>
    </section>
  );
}
