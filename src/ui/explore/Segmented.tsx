import { For } from "solid-js";

/** A small set of mutually exclusive choices as toggle buttons (chart type, correlation method). */
export function Segmented<T extends string>(props: {
  label: string;
  options: readonly { value: T; label: string; disabled?: boolean }[];
  value: T;
  testId: string;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="segmented" data-testid={props.testId}>
      <legend class="visually-hidden">{props.label}</legend>
      <For each={props.options}>
        {(o) => (
          <button
            type="button"
            aria-pressed={o.value === props.value}
            data-value={o.value}
            disabled={o.disabled}
            onClick={() => props.onChange(o.value)}
          >
            {o.label}
          </button>
        )}
      </For>
    </fieldset>
  );
}
