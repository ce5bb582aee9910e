import { For, Show } from "solid-js";
import { ConfirmButton } from "../shared/ConfirmButton.tsx";
import { downloadText } from "../shared/download.ts";
import type { RecipeStore } from "./recipeStore.ts";

/** Export, import and reset: the whole recipe as a file, or back to what the app proposes. */
export function RecipeToolbar(props: { store: RecipeStore }) {
  const state = () => props.store[0];
  const actions = () => props.store[1];
  const exportRecipe = () => {
    const file = actions().exportFile();
    if (file) downloadText(file.text, file.name, "application/json");
  };
  return (
    <div class="recipe-toolbar">
      <button type="button" data-testid="recipe-export" disabled={!state().recipe} onClick={exportRecipe}>
        Export JSON
      </button>
      <label class="file-button file-button-plain" classList={{ disabled: !state().dataset }}>
        Import JSON…
        <input
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          data-testid="recipe-import"
          disabled={!state().dataset}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void actions().importFile(file);
          }}
        />
      </label>
      <ConfirmButton
        label="Reset to proposal"
        confirmLabel="Reset"
        question="Replace every step with the app's proposal?"
        testId="recipe-reset"
        confirmTestId="recipe-reset-confirm"
        disabled={!state().dataset || state().loading}
        onConfirm={() => void actions().resetToProposal()}
      />
      <Show when={state().fileError}>
        {(err) => (
          <div class="alert file-error" role="alert" data-testid="import-error">
            <div>
              <p>{err().message}</p>
              <Show when={err().problems.length > 0}>
                <ul class="problem-list">
                  <For each={err().problems}>{(p) => <li>{p}</li>}</For>
                </ul>
              </Show>
            </div>
            <button type="button" class="link-button" onClick={() => actions().dismissFileError()}>
              Dismiss
            </button>
          </div>
        )}
      </Show>
    </div>
  );
}
