import { For, Match, Show, Switch } from "solid-js";
import type { ParamField } from "./paramFields.ts";

/** One input of a step's config form; edits are reported on change (blur or Enter), not per key. */
export function ParamFieldInput(props: {
  field: ParamField;
  stepId: string;
  onInput: (value: string | boolean) => void;
}) {
  const id = () => `param-${props.stepId}-${props.field.key}`;
  const f = () => props.field;
  return (
    <div class="param-field" data-param={f().key}>
      <Switch>
        <Match when={f().control === "checkbox"}>
          <label class="check">
            <input
              id={id()}
              type="checkbox"
              checked={f().value === true}
              data-testid="param-input"
              onChange={(e) => props.onInput(e.currentTarget.checked)}
            />
            <span>{f().label}</span>
          </label>
        </Match>
        <Match when={true}>
          <label for={id()} class="param-label">
            {f().label}
          </label>
          <FieldControl id={id()} field={f()} onInput={props.onInput} />
        </Match>
      </Switch>
      <Show when={f().doc}>
        <span class="param-doc">{f().doc}</span>
      </Show>
    </div>
  );
}

type Of<C extends ParamField["control"]> = ParamField & { control: C };

function FieldControl(props: { id: string; field: ParamField; onInput: (value: string) => void }) {
  const f = () => props.field;
  const num = () => props.field as Of<"number">;
  const onChange = (e: Event & { currentTarget: { value: string } }) => props.onInput(e.currentTarget.value);
  return (
    <Switch>
      <Match when={f().control === "select"}>
        <select id={props.id} data-testid="param-input" onChange={onChange}>
          <For each={(f() as Of<"select">).options}>
            {(o) => (
              <option value={o} selected={o === f().value}>
                {o.replace(/_/g, " ")}
              </option>
            )}
          </For>
        </select>
      </Match>
      <Match when={f().control === "number"}>
        <input
          id={props.id}
          type="number"
          inputmode="decimal"
          value={num().value}
          min={num().min}
          max={num().max}
          step={num().step}
          placeholder={num().nullable ? "off" : undefined}
          data-testid="param-input"
          onChange={onChange}
        />
      </Match>
      <Match when={f().control === "json"}>
        <textarea
          id={props.id}
          rows={3}
          value={String(f().value)}
          data-testid="param-input"
          spellcheck={false}
          onChange={onChange}
        />
      </Match>
      <Match when={true}>
        <input
          id={props.id}
          type="text"
          value={String(f().value)}
          placeholder={f().control === "list" ? "comma-separated" : undefined}
          data-testid="param-input"
          spellcheck={false}
          onChange={onChange}
        />
      </Match>
    </Switch>
  );
}
