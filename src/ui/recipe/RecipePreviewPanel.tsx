import { Show } from "solid-js";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { plural } from "../shared/format.ts";
import { ColumnSummaryTable } from "./ColumnSummaryTable.tsx";
import { PreviewHead } from "./PreviewHead.tsx";
import { featureCountText, previewNote } from "./previewText.ts";
import { PREVIEW_SEED, type RecipeStore } from "./recipeStore.ts";
import { StepTraceTable } from "./StepTraceTable.tsx";

/**
 * The recipe fitted on a sample: feature count, columns before and after side by side, the first
 * rows after, and what each step did. Shows its progress, a Cancel, and the error when it fails.
 */
export function RecipePreviewPanel(props: { store: RecipeStore }) {
  const state = () => props.store[0];
  const actions = () => props.store[1];
  return (
    <section
      class="recipe-preview"
      data-testid="recipe-preview"
      aria-labelledby="recipe-preview-heading"
      aria-busy={state().previewing}
    >
      <div class="preview-head-line">
        <h3 id="recipe-preview-heading">Preview</h3>
        <Show when={state().preview}>
          {(view) => (
            <span class="hint-inline" data-testid="preview-note">
              {previewNote(view(), PREVIEW_SEED)}
            </span>
          )}
        </Show>
      </div>
      <Show when={state().previewing}>
        <div class="preview-running" role="status" data-testid="preview-running">
          <span class="spinner" aria-hidden="true" />
          <span>Fitting the recipe on the sample…</span>
          <button
            type="button"
            class="button-quiet"
            data-testid="preview-cancel"
            onClick={actions().cancelPreview}
          >
            Cancel
          </button>
        </div>
      </Show>
      <Show when={state().previewCancelled && !state().previewing}>
        <p class="status-line" role="status">
          Preview cancelled.{" "}
          <button
            type="button"
            class="link-button"
            data-testid="preview-rerun"
            onClick={actions().rerunPreview}
          >
            Run it again
          </button>
        </p>
      </Show>
      <Show when={state().previewStale}>
        <p class="hint warn-text">
          This preview is from before your latest edits: fix the problems named above to update it.
        </p>
      </Show>
      <ErrorAlert message={state().previewError} />
      <Show when={state().preview}>
        {(view) => (
          <div class="preview-body" classList={{ dim: state().previewing || state().previewStale }}>
            <p class="feature-count">
              <strong data-testid="feature-count">{featureCountText(view().features.length)}</strong>{" "}
              <span class="hint-inline">
                for a model, from {plural(view().before.columns.length, "column")} in the table
              </span>
            </p>
            <div class="summary-pair">
              <ColumnSummaryTable title="Before" frame={view().before} testId="summary-before" />
              <ColumnSummaryTable title="After" frame={view().after} testId="summary-after" />
            </div>
            <h4>First rows after the recipe</h4>
            <PreviewHead frame={view().after} />
            <h4>Step by step</h4>
            <Show when={view().trace.length > 0} fallback={<p class="empty">No step is switched on.</p>}>
              <StepTraceTable trace={view().trace} />
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
