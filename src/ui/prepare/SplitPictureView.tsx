import { For, Index, Show } from "solid-js";
import type { SplitPictureView as SplitPictureData } from "../../../workers/dataApi.ts";
import { formatInt, plural } from "../shared/format.ts";

/**
 * Which rows go where, one row of cells per fold: each cell is a run of consecutive rows (in file
 * order, or date order for time splits), coloured by where most of them go.
 */
export function SplitPictureView(props: {
  picture: SplitPictureData | null;
  loading: boolean;
  error: string | null;
}) {
  return (
    <div class="split-picture-box" aria-busy={props.loading}>
      <Show when={props.loading}>
        <p class="status-line" role="status">
          <span class="spinner" aria-hidden="true" /> Splitting the rows…
        </p>
      </Show>
      <Show when={props.error}>
        <p class="hint warn-text" data-testid="split-error">
          {props.error}
        </p>
      </Show>
      <Show when={props.picture}>
        {(view) => (
          <figure class="split-picture" data-testid="split-picture" classList={{ dim: props.loading }}>
            <div class="swatches split-legend">
              <span class="swatch">
                <span class="swatch-box cell-train" /> Train
              </span>
              <span class="swatch">
                <span class="swatch-box cell-test" /> Test
              </span>
              <span class="swatch">
                <span class="swatch-box cell-unused" /> Unused
              </span>
            </div>
            <div class="split-rows">
              <Index each={view().picture.cells}>
                {(cells, fold) => (
                  <div class="split-row" data-testid="split-fold">
                    <span class="split-label">
                      {view().picture.cells.length === 1 ? "Split" : `Fold ${fold + 1}`}
                    </span>
                    <div
                      class="split-cells"
                      style={{ "grid-template-columns": `repeat(${cells().length}, minmax(0, 1fr))` }}
                      role="img"
                      aria-label={`${view().picture.cells.length === 1 ? "Split" : `Fold ${fold + 1}`}: ${formatInt(view().sizes[fold]?.train ?? 0)} train rows, ${formatInt(view().sizes[fold]?.test ?? 0)} test rows`}
                    >
                      <For each={cells()}>{(c) => <span class={`split-cell cell-${c}`} />}</For>
                    </div>
                    <span class="split-counts" data-testid="split-counts">
                      {formatInt(view().sizes[fold]?.train ?? 0)} train ·{" "}
                      {formatInt(view().sizes[fold]?.test ?? 0)} test
                    </span>
                  </div>
                )}
              </Index>
            </div>
            <figcaption class="chart-caption">
              {plural(view().picture.rows, "row")} left to right, {plural(view().picture.bucketSize, "row")}{" "}
              per cell.
            </figcaption>
          </figure>
        )}
      </Show>
    </div>
  );
}
