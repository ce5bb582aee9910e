import { Index, Show } from "solid-js";
import type { ColumnMeta } from "../../persist/types.ts";
import { createSlices } from "../shared/createSlices.ts";
import { formatInt } from "../shared/format.ts";
import { ScrollRegion } from "../shared/ScrollRegion.tsx";
import { PREVIEW_PAGE } from "./datasetStore.ts";

const alignRight = (c: ColumnMeta) => c.kind === "numeric";

/** The first rows as the worker formats them; missing cells are a dimmed dash. */
export function DataPreview(props: {
  columns: ColumnMeta[];
  rows: (string | null)[][];
  total: number;
  loading: boolean;
  onMore: () => void;
}) {
  // 100 rows of 20 columns are thousands of cells: a slice per task keeps each task short.
  const shown = createSlices(() => props.rows, 20);
  return (
    <section aria-labelledby="preview-heading">
      <h3 id="preview-heading">First rows</h3>
      <ScrollRegion class="table-scroll preview-scroll" label="First rows">
        <table class="preview" data-testid="data-preview">
          <thead>
            <tr>
              <Index each={props.columns}>
                {(c) => (
                  <th scope="col" classList={{ num: alignRight(c()) }}>
                    {c().name}
                  </th>
                )}
              </Index>
            </tr>
          </thead>
          <tbody>
            <Index each={shown()}>
              {(row) => (
                <tr>
                  <Index each={row()}>
                    {(cell, j) => (
                      <td classList={{ num: props.columns[j] ? alignRight(props.columns[j]) : false }}>
                        <Show
                          when={cell() !== null}
                          fallback={
                            <span class="missing" title="missing">
                              —
                            </span>
                          }
                        >
                          {cell()}
                        </Show>
                      </td>
                    )}
                  </Index>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </ScrollRegion>
      <p class="preview-footer">
        <span data-testid="preview-count">
          Showing {formatInt(props.rows.length)} of {formatInt(props.total)} rows.
        </span>
        <Show when={props.rows.length < props.total}>
          <button
            type="button"
            data-testid="preview-more"
            disabled={props.loading}
            onClick={() => props.onMore()}
          >
            Show {Math.min(PREVIEW_PAGE, props.total - props.rows.length)} more
          </button>
        </Show>
      </p>
    </section>
  );
}
