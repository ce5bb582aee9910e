import { For } from "solid-js";
import type { FramePreviewView } from "../../../workers/dataApi.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { ScrollRegion } from "../shared/ScrollRegion.tsx";

/** Rows of the preview shown after the recipe; the worker sends a few more than fit at a glance. */
const SHOWN_ROWS = 8;

/** A fractional number to 4 significant digits (scaled values run to 17); anything else as sent. */
function shortCell(cell: string): string {
  const n = Number(cell);
  return cell.trim() !== "" && Number.isFinite(n) && !Number.isInteger(n) ? formatNumber(n) : cell;
}

/** The first rows after the recipe, compact, scrolling sideways when the columns are many. */
export function PreviewHead(props: { frame: FramePreviewView }) {
  return (
    <ScrollRegion class="table-scroll head-scroll" label="Preview rows" testId="preview-head">
      <table class="preview compact">
        <thead>
          <tr>
            <For each={props.frame.columns}>
              {(c) => (
                <th
                  scope="col"
                  class={c.kind === "numeric" ? "num" : undefined}
                  title={`${c.name} (${c.kind})`}
                >
                  {c.name}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.frame.head.slice(0, SHOWN_ROWS)}>
            {(row) => (
              <tr>
                <For each={row}>
                  {(cell, i) => (
                    <td
                      classList={{
                        missing: cell === null,
                        num: props.frame.columns[i()]?.kind === "numeric",
                      }}
                      title={cell ?? "missing"}
                    >
                      {cell === null
                        ? "—"
                        : props.frame.columns[i()]?.kind === "numeric"
                          ? shortCell(cell)
                          : cell}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </ScrollRegion>
  );
}
