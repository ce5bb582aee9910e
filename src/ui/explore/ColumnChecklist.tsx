import { For } from "solid-js";

/** Pick several columns, between `min` and `max` of them. */
export function ColumnChecklist(props: {
  label: string;
  names: readonly string[];
  chosen: readonly string[];
  min: number;
  max: number;
  testId: string;
  onChange: (chosen: string[]) => void;
}) {
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...props.chosen, name] : props.chosen.filter((n) => n !== name);
    // Keep the table's column order, whatever order they were ticked in.
    props.onChange(props.names.filter((n) => next.includes(n)));
  };
  return (
    <fieldset class="checklist" data-testid={props.testId}>
      <legend>
        {props.label} ({props.min} to {props.max})
      </legend>
      <For each={props.names}>
        {(name) => {
          const on = () => props.chosen.includes(name);
          return (
            <label class="check">
              <input
                type="checkbox"
                checked={on()}
                disabled={on() ? props.chosen.length <= props.min : props.chosen.length >= props.max}
                onChange={(e) => toggle(name, e.currentTarget.checked)}
              />
              <span title={name}>{name}</span>
            </label>
          );
        }}
      </For>
    </fieldset>
  );
}
