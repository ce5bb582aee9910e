import { For, Show } from "solid-js";
import type { DatasetMeta } from "../../persist/types.ts";

/** Which table (when the project has several) and which of its columns to predict. */
export function TargetPicker(props: {
  datasets: DatasetMeta[];
  dataset: DatasetMeta;
  target: string | null;
  disabled?: boolean;
  onDataset: (id: string) => void;
  onTarget: (target: string | null) => void;
}) {
  return (
    <div class="target-picker">
      <Show when={props.datasets.length > 1}>
        <label class="field">
          <span>Table</span>
          <select data-testid="dataset-select" onChange={(e) => props.onDataset(e.currentTarget.value)}>
            <For each={props.datasets}>
              {(d) => (
                <option value={d.id} selected={d.id === props.dataset.id}>
                  {d.name}
                </option>
              )}
            </For>
          </select>
        </label>
      </Show>
      <label class="field">
        <span>Column to predict</span>
        <select
          data-testid="target-select"
          onChange={(e) => props.onTarget(e.currentTarget.value === "" ? null : e.currentTarget.value)}
        >
          <option value="" selected={props.target === null}>
            No target — explore only
          </option>
          <For each={props.dataset.columns}>
            {(c) => (
              <option value={c.name} selected={c.name === props.target}>
                {c.name} ({c.kind})
              </option>
            )}
          </For>
        </select>
      </label>
    </div>
  );
}
