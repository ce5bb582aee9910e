import { For, Match, Switch, untrack } from "solid-js";
import type { EditorColumn } from "../../../workers/computeApi.ts";
import type { RowValues } from "../../core/automl/explain/rowValues.ts";
import { cellText, dateInput, parseCell } from "./cellText.ts";

/**
 * The row's values as inputs: a number field per numeric column, a select per categorical or
 * boolean one, a date field per date; each edit goes to `onChange` at once (the caller debounces
 * the explanation). A changed field is marked, and its original value is named beside it. The
 * inputs start from `values` and are not rewritten by it afterwards: remake the editor (keyed) to
 * show other values.
 */
export function WhatIfEditor(props: {
  columns: readonly EditorColumn[];
  values: RowValues;
  original: RowValues | null;
  onChange: (name: string, value: number | string | null) => void;
  onReset: () => void;
}) {
  const changed = (name: string) =>
    props.original !== null && (props.original[name] ?? null) !== (props.values[name] ?? null);
  return (
    <fieldset class="whatif" data-testid="whatif">
      <legend>What if: change a value and the prediction follows</legend>
      <div class="whatif-grid">
        <For each={props.columns}>
          {(col, i) => {
            const id = () => `whatif-${i()}`;
            // Read once: an input keeps what is typed ("1." on the way to "1.5"); the caller makes
            // the editor afresh for another row or a reset.
            const v = () => untrack(() => props.values[col.name] ?? null);
            const set = (text: string) => {
              const x = parseCell(col, text);
              if (x !== undefined) props.onChange(col.name, x);
            };
            const common = () => ({ id: id(), "data-testid": "whatif-input", "data-column": col.name });
            return (
              <div class="field" classList={{ changed: changed(col.name) }}>
                <label for={id()}>{col.name}</label>
                <Switch
                  fallback={
                    <input
                      {...common()}
                      type="text"
                      value={v() ?? ""}
                      onChange={(e) => set(e.currentTarget.value)}
                    />
                  }
                >
                  <Match when={col.kind === "numeric"}>
                    <input
                      {...common()}
                      type="number"
                      step="any"
                      value={v() ?? ""}
                      onInput={(e) => set(e.currentTarget.value)}
                    />
                  </Match>
                  <Match when={col.kind === "datetime"}>
                    <input
                      {...common()}
                      type="date"
                      value={typeof v() === "number" ? dateInput(v() as number) : ""}
                      onInput={(e) => set(e.currentTarget.value)}
                    />
                  </Match>
                  <Match when={col.kind === "boolean"}>
                    <select
                      {...common()}
                      value={v() === null ? "" : String(v())}
                      onChange={(e) => set(e.currentTarget.value)}
                    >
                      <option value="" selected={v() === null}>
                        (missing)
                      </option>
                      <option value="0" selected={v() === 0}>
                        {col.labels?.[0] ?? "false"}
                      </option>
                      <option value="1" selected={v() === 1}>
                        {col.labels?.[1] ?? "true"}
                      </option>
                    </select>
                  </Match>
                  <Match when={col.levels}>
                    {(levels) => (
                      <select {...common()} value={v() ?? ""} onChange={(e) => set(e.currentTarget.value)}>
                        <option value="" selected={v() === null}>
                          (missing)
                        </option>
                        {/* Each option says whether it is chosen: a select's value set before its options exist is lost. */}
                        <For each={levels()}>
                          {(level) => (
                            <option value={level} selected={level === v()}>
                              {level}
                            </option>
                          )}
                        </For>
                      </select>
                    )}
                  </Match>
                </Switch>
                <span class="hint" classList={{ "visually-hidden": !changed(col.name) }}>
                  was {cellText(col, props.original?.[col.name])}
                </span>
              </div>
            );
          }}
        </For>
      </div>
      <button type="button" class="button-quiet" data-testid="whatif-reset" onClick={() => props.onReset()}>
        Reset to the row's values
      </button>
    </fieldset>
  );
}
