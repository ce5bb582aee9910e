import { For, Show } from "solid-js";
import type { StepConfig } from "../../core/prep/step.ts";
import type { ColumnChoice } from "./columnChoices.ts";

/**
 * Which columns a step reads: "auto" (the step's own rule) or a chosen list among the columns
 * of kinds it accepts. Unticking "auto" starts from every offered column, close to what auto did.
 */
export function ColumnPicker(props: {
  stepId: string;
  columns: StepConfig["columns"];
  choices: ColumnChoice[];
  /** What "auto" picks, in words ("numeric columns"). */
  autoHint: string;
  onChange: (columns: StepConfig["columns"]) => void;
}) {
  const isAuto = () => props.columns === "auto";
  const chosen = () => (props.columns === "auto" ? [] : props.columns);
  const toggle = (name: string, on: boolean) => {
    const rest = chosen().filter((c) => c !== name);
    // Keep the order the picker lists them in, so the saved list reads like the table.
    const next = on ? props.choices.map((c) => c.name).filter((n) => n === name || rest.includes(n)) : rest;
    props.onChange(next);
  };
  return (
    <fieldset class="column-picker">
      <legend>Columns</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={isAuto()}
          data-testid="step-columns-auto"
          onChange={(e) =>
            props.onChange(e.currentTarget.checked ? "auto" : props.choices.map((c) => c.name))
          }
        />
        <span>Auto: {props.autoHint}</span>
      </label>
      <Show when={!isAuto()}>
        <Show
          when={props.choices.length > 0}
          fallback={<p class="hint">No column of a kind this step reads.</p>}
        >
          <div class="column-choices" data-testid="step-columns">
            <For each={props.choices}>
              {(c) => (
                <label class="check" title={c.name}>
                  <input
                    type="checkbox"
                    checked={chosen().includes(c.name)}
                    onChange={(e) => toggle(c.name, e.currentTarget.checked)}
                  />
                  <span class="column-choice-name">{c.name}</span>
                  <Show when={c.kind}>
                    <span class="column-choice-kind">{c.kind}</span>
                  </Show>
                </label>
              )}
            </For>
          </div>
        </Show>
      </Show>
    </fieldset>
  );
}
