import { For, Index, Show } from "solid-js";
import type { SplitPictureView as SplitPictureData } from "../../../workers/dataApi.ts";
import { formatInt, formatPercent, plural } from "../shared/format.ts";
import { MIN_PART_SHARE, splitCellParts } from "./splitCellParts.ts";

/**
 * Which rows go where, one row of cells per fold: each cell is a run of consecutive rows (in file
 * order, or date order for time splits), its colours stacked by the share of those rows in each
 * part, so a 20% test share shows as a fifth of every cell rather than vanishing under a majority.
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
                      <For each={cells()}>
                        {(_, b) => (
                          <span class="split-cell">
                            <For
                              each={splitCellParts(
                                view().picture.testShare[fold]?.[b()] ?? 0,
                                view().picture.unusedShare?.[fold]?.[b()] ?? 0,
                              )}
                            >
                              {(p) => (
                                <span
                                  class={`split-band cell-${p.part}`}
                                  style={{ height: `${(p.share * 100).toFixed(2)}%` }}
                                />
                              )}
                            </For>
                          </span>
                        )}
                      </For>
                    </div>
                    <span class="split-counts" data-testid="split-counts">
                      {formatInt(view().sizes[fold]?.train ?? 0)} train ·{" "}
                      {formatInt(view().sizes[fold]?.test ?? 0)} test (
                      {formatPercent(
                        view().sizes[fold]?.test ?? 0,
                        (view().sizes[fold]?.train ?? 0) + (view().sizes[fold]?.test ?? 0),
                      )}
                      )
                    </span>
                  </div>
                )}
              </Index>
            </div>
            <figcaption class="chart-caption" data-testid="split-caption">
              {plural(view().picture.rows, "row")} left to right, {plural(view().picture.bucketSize, "row")}{" "}
              per cell. Each cell's colours stack the share of its rows in train, test and unused
              {view().picture.bucketSize > 1
                ? `; a part with any rows in a cell is drawn at least ${Math.round(MIN_PART_SHARE * 100)}% tall so that it shows`
                : ""}
              .
            </figcaption>
          </figure>
        )}
      </Show>
    </div>
  );
}
