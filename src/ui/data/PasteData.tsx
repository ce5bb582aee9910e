import { createSignal } from "solid-js";

/** Rows pasted from a spreadsheet or a text file, behind a disclosure. */
export function PasteData(props: { disabled: boolean; onLoad: (text: string) => void }) {
  const [text, setText] = createSignal("");
  return (
    <details class="paste">
      <summary data-testid="paste-toggle">Paste data</summary>
      <label class="field">
        <span>Rows to load, the first line being the header</span>
        <textarea
          data-testid="paste-input"
          rows={6}
          spellcheck={false}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        class="button-primary"
        data-testid="paste-load"
        disabled={props.disabled || text().trim() === ""}
        onClick={() => props.onLoad(text())}
      >
        Load pasted rows
      </button>
    </details>
  );
}
