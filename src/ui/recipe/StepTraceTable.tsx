import { For } from "solid-js";
import type { StepTrace } from "../../core/pipeline/fittedRecipe.ts";
import { getStepInfo, hasStep } from "../../core/pipeline/stepCatalogue.ts";
import { formatInt } from "../shared/format.ts";
import { ScrollRegion } from "../shared/ScrollRegion.tsx";
import { durationText, namesText } from "./previewText.ts";

const arrow = (a: number, b: number) => (a === b ? formatInt(a) : `${formatInt(a)} → ${formatInt(b)}`);

/** What each enabled step did to the sample: rows and columns in and out, names added and removed, time. */
export function StepTraceTable(props: { trace: StepTrace[] }) {
  return (
    <ScrollRegion class="table-scroll" label="Step by step trace" testId="step-trace">
      <table>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col" class="num">
              Rows
            </th>
            <th scope="col" class="num">
              Columns
            </th>
            <th scope="col">Added</th>
            <th scope="col">Removed</th>
            <th scope="col" class="num">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.trace}>
            {(t) => (
              <tr data-testid="trace-row" data-step-id={t.id}>
                <th scope="row">
                  {hasStep(t.type) ? getStepInfo(t.type).label : t.type} <span class="step-id">{t.id}</span>
                </th>
                <td class="num">{arrow(t.rowsBefore, t.rowsAfter)}</td>
                <td class="num">{arrow(t.columnsBefore, t.columnsAfter)}</td>
                <td class="names-cell" title={t.added.join(", ")}>
                  {namesText(t.added)}
                </td>
                <td class="names-cell" title={t.removed.join(", ")}>
                  {namesText(t.removed)}
                </td>
                <td class="num">{durationText(t.ms)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </ScrollRegion>
  );
}
