import { For } from "solid-js";
import type { MetricRow } from "./metricRows.ts";

/** Every metric of the model, cross-validated (out-of-fold) and on the held-back test part. */
export function MetricTable(props: { rows: readonly MetricRow[]; hasTest: boolean }) {
  return (
    <table class="metric-table" data-testid="metric-table">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th
            scope="col"
            data-testid="pooled-header"
            title="All out-of-fold predictions scored together; the leaderboard shows the mean of the folds' scores, a second number on purpose"
          >
            Cross-validation, all folds pooled
          </th>
          <th scope="col">Test part</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr data-metric={row.id} classList={{ ranking: row.ranking }}>
              <th scope="row" title={row.direction}>
                {row.label}
                {row.ranking ? " (ranking)" : ""}
              </th>
              <td class="num">{row.oof}</td>
              <td class="num">{props.hasTest ? row.test : "no test part"}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
