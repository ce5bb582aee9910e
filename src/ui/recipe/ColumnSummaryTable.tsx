import { For } from "solid-js";
import type { FramePreviewView } from "../../../workers/dataApi.ts";
import { distinctLabels } from "../charts/specs/axis.ts";
import { formatInt, plural } from "../shared/format.ts";
import { ScrollRegion } from "../shared/ScrollRegion.tsx";

/** Longest column name shown whole; longer ones keep both ends ("MS_SubClass=One…_Finished"). */
const NAME_CHARS = 30;

/**
 * Name, kind, missing and distinct values of each column, before or after the recipe. Names cut
 * to fit stay told apart (one-hot columns share long prefixes); the full name is the tooltip.
 */
export function ColumnSummaryTable(props: { title: string; frame: FramePreviewView; testId: string }) {
  const shown = () =>
    distinctLabels(
      props.frame.columns.map((c) => c.name),
      NAME_CHARS,
    );
  return (
    <section class="summary-side" data-testid={props.testId}>
      <h4>
        {props.title}{" "}
        <span class="hint-inline">
          {plural(props.frame.rows, "row")} × {plural(props.frame.columns.length, "column")}
        </span>
      </h4>
      <ScrollRegion class="table-scroll summary-scroll" label="Column summary">
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
                    {shown().get(c.name) ?? c.name}
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
      </ScrollRegion>
    </section>
  );
}
