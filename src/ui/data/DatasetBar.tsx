import { For, Show } from "solid-js";
import type { DatasetMeta } from "../../persist/types.ts";
import { ConfirmButton } from "../shared/ConfirmButton.tsx";
import { formatDateTime } from "../shared/format.ts";
import { InlineRename } from "../shared/InlineRename.tsx";

/** The dataset's name (a selector when the project has several), rename and delete. */
export function DatasetBar(props: {
  dataset: DatasetMeta;
  all: DatasetMeta[];
  onSelect: (id: string) => void;
  onRename: (name: string) => void;
  onDelete: () => void;
}) {
  return (
    <div class="dataset-bar">
      <InlineRename
        name={props.dataset.name}
        label="Dataset name"
        testId="rename-dataset"
        inputTestId="rename-dataset-input"
        onSave={(name) => props.onRename(name)}
      >
        <Show when={props.all.length > 1} fallback={<h2 class="dataset-name">{props.dataset.name}</h2>}>
          <label class="field inline">
            <span>Dataset</span>
            <select data-testid="dataset-select" onChange={(e) => props.onSelect(e.currentTarget.value)}>
              <For each={props.all}>
                {(d) => (
                  <option value={d.id} selected={d.id === props.dataset.id}>
                    {d.name} ({formatDateTime(d.createdAt)})
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
      </InlineRename>
      <ConfirmButton
        label="Delete"
        confirmLabel="Delete dataset"
        question={`Delete "${props.dataset.name}"?`}
        testId="delete-dataset"
        confirmTestId="confirm-delete-dataset"
        onConfirm={() => props.onDelete()}
      />
    </div>
  );
}
