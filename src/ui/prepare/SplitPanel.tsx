import { createMemo, Show } from "solid-js";
import type { SplitConfig } from "../../core/prep/splits.ts";
import { dataClient } from "../bridges/dataClient.ts";
import type { RecipeStore } from "../recipe/recipeStore.ts";
import { splitColumnsOf, splitSummary, trainingSummary } from "../recipe/splitSettings.ts";
import { createSplitPicture } from "./createSplitPicture.ts";
import { SplitFields } from "./SplitFields.tsx";
import { SplitPictureView } from "./SplitPictureView.tsx";

/** How rows are split for testing and validation, saved with the recipe, and a picture of it. */
export function SplitPanel(props: { store: RecipeStore }) {
  const state = () => props.store[0];
  const columns = createMemo(() => splitColumnsOf(state().dataset?.columns ?? [], state().target));
  const source = () => {
    const dataset = state().dataset;
    const split = state().split;
    return dataset && split ? { datasetId: dataset.id, split: split as SplitConfig } : null;
  };
  const picture = createSplitPicture(dataClient, source);
  return (
    <section class="split-panel" data-testid="split-panel" aria-labelledby="split-heading">
      <h3 id="split-heading">Split the rows</h3>
      <p class="hint">
        Which rows train a model and which test it. Every split is fixed by its seed, so a run can be repeated
        exactly.
      </p>
      <Show when={state().split}>
        {(split) => (
          <>
            <SplitFields
              split={split()}
              columns={columns()}
              onChange={(next) => props.store[1].setSplit(next)}
            />
            <p class="split-summary" data-testid="split-summary">
              {splitSummary(split())}
            </p>
            <p class="hint" data-testid="split-training">
              {trainingSummary(split(), columns().targetIsClass ? columns().target : null)}
            </p>
          </>
        )}
      </Show>
      <SplitPictureView picture={picture.picture()} loading={picture.loading()} error={picture.error()} />
    </section>
  );
}
