import { createSignal, For, Show } from "solid-js";
import type { ColumnProfile } from "../../core/profile/columnStats.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { formatInt, formatPercent } from "../shared/format.ts";
import { columnChart, NUMERIC_VIEWS, type NumericView } from "./columnChart.ts";
import { columnStatRows } from "./columnStatRows.ts";
import { Segmented } from "./Segmented.tsx";

const VIEW_LABELS: Record<NumericView, string> = { histogram: "Histogram", box: "Box", density: "Density" };

/** One column: its kind, its statistics and its chart (numeric columns switch between three). */
export function ColumnCard(props: {
  column: ColumnProfile;
  /** The column in the plot sample (numbers only), for density and outlier dots. */
  sampleValues: (number | null)[] | null;
  /** Rows in the table when the plot sample is a sample of them. */
  sampledFrom: number | undefined;
}) {
  const [view, setView] = createSignal<NumericView>("histogram");
  const chart = () => columnChart(props.column, view(), props.sampleValues, props.sampledFrom);
  const top = () => props.column.categories?.top ?? [];
  return (
    <article class="column-card" data-testid="column-card" data-column={props.column.name}>
      <header class="column-card-head">
        <h4 title={props.column.name}>{props.column.name}</h4>
        <span class="badge">{props.column.kind}</span>
        <Show when={props.column.role === "target"}>
          <span class="badge badge-target">target</span>
        </Show>
      </header>
      <Show when={props.column.numeric && props.column.kind === "numeric"}>
        <Segmented
          label={`Chart of ${props.column.name}`}
          testId="chart-mode"
          value={view()}
          options={NUMERIC_VIEWS.map((v) => ({
            value: v,
            label: VIEW_LABELS[v],
            disabled: v === "density" && !props.sampleValues,
          }))}
          onChange={setView}
        />
      </Show>
      <Show
        when={chart()}
        fallback={
          <p class="hint">
            {props.column.kind === "id"
              ? "An identifier: nearly every value is different, so there is nothing to chart."
              : "No values to chart."}
          </p>
        }
      >
        {(c) => <PlotFigure kind={c().kind} spec={c().spec} note={c().note} />}
      </Show>
      <dl class="stat-list">
        <For each={columnStatRows(props.column)}>
          {(s) => (
            <div>
              <dt>{s.label}</dt>
              <dd>{s.value}</dd>
            </div>
          )}
        </For>
      </dl>
      <Show when={top().length > 0}>
        <details class="top-values">
          <summary>Top values</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col" class="num">
                  Rows
                </th>
                <th scope="col" class="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={top()}>
                {(t) => (
                  <tr>
                    <td class="value-cell">{t.value}</td>
                    <td class="num">{formatInt(t.count)}</td>
                    <td class="num">{formatPercent(t.share, 1)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </details>
      </Show>
    </article>
  );
}
