import { createSignal, type JSX, onMount, Show } from "solid-js";

/**
 * A name with a "Rename" button that swaps in an input: Enter saves, Escape cancels, and leaving
 * the field cancels too (saving on blur would make Escape-then-click surprising).
 */
export function InlineRename(props: {
  name: string;
  label: string;
  testId: string;
  inputTestId: string;
  onSave: (name: string) => void;
  children: JSX.Element;
}) {
  const [editing, setEditing] = createSignal(false);
  const save = (value: string) => {
    const name = value.trim();
    setEditing(false);
    if (name && name !== props.name) props.onSave(name);
  };
  return (
    <Show
      when={editing()}
      fallback={
        <>
          {props.children}
          <button
            type="button"
            class="button-quiet"
            data-testid={props.testId}
            onClick={() => setEditing(true)}
          >
            Rename
          </button>
        </>
      }
    >
      <RenameInput
        value={props.name}
        label={props.label}
        testId={props.inputTestId}
        onSave={save}
        onCancel={() => setEditing(false)}
      />
    </Show>
  );
}

function RenameInput(props: {
  value: string;
  label: string;
  testId: string;
  onSave: (v: string) => void;
  onCancel: () => void;
}) {
  let input!: HTMLInputElement;
  onMount(() => {
    input.focus();
    input.select();
  });
  return (
    <input
      ref={input}
      class="rename-input"
      type="text"
      value={props.value}
      aria-label={props.label}
      data-testid={props.testId}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          props.onSave(e.currentTarget.value);
        } else if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
      onBlur={() => props.onCancel()}
    />
  );
}
