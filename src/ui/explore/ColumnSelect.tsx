import { For } from "solid-js";

/** A labelled select of column names. */
export function ColumnSelect(props: {
  label: string;
  names: readonly string[];
  value: string | null;
  testId: string;
  onChange: (name: string) => void;
}) {
  return (
    <label class="field inline">
      <span>{props.label}</span>
      <select data-testid={props.testId} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={props.names}>
          {(n) => (
            <option value={n} selected={n === props.value}>
              {n}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}
