import { For } from "solid-js";
import type { FramePreviewView } from "../../../workers/dataApi.ts";
import { formatInt, plural } from "../shared/format.ts";

/** Name, kind, missing and distinct values of each column, before or after the recipe. */
export function ColumnSummaryTable(props: { title: string; frame: FramePreviewView; testId: string }) {
  return (
    <section class="summary-side" data-testid={props.testId}>
      <h4>
        {props.title}{" "}
        <span class="hint-inline">
          {plural(props.frame.rows, "row")} × {plural(props.frame.columns.length, "column")}
        </span>
      </h4>
      <div class="table-scroll summary-scroll" tabindex="0" role="region" aria-label="Column summary">
        <table>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Kind</th>
              <th scope="col" class="num">
                Missing
              </th>
              <th scope="col" class="num">
                Distinct
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.frame.columns}>
              {(c) => (
                <tr>
                  <th scope="row" class="col-name" title={c.name}>
                    {c.name}
                  </th>
                  <td>{c.kind}</td>
                  <td class="num" classList={{ "warn-text": c.missing > 0 }}>
                    {formatInt(c.missing)}
                  </td>
                  <td class="num">{formatInt(c.unique)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
