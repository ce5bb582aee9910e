import { For, Index, Show } from "solid-js";
import { COLUMN_KINDS, type ColumnKind } from "../../core/data/frame.ts";
import type { ColumnMeta, DatasetMeta } from "../../persist/types.ts";
import { createSlices } from "../shared/createSlices.ts";
import { formatPercent } from "../shared/format.ts";
import { ScrollRegion } from "../shared/ScrollRegion.tsx";

/** One row per column: its kind (which the user may change), missing and distinct counts, role. */
export function ColumnTable(props: {
  dataset: DatasetMeta;
  /** The column framed as the target, shown with that role. */
  target: string | null;
  pending: number | null;
  onKind: (index: number, kind: ColumnKind) => Promise<boolean>;
}) {
  // A wide table (ames: 74 columns) is a row per column: a slice per task keeps each task short.
  const shown = createSlices(() => props.dataset.columns, 16);
  return (
    <section aria-labelledby="columns-heading">
      <h3 id="columns-heading">Columns</h3>
      <ScrollRegion class="table-scroll" label="Columns">
        <table class="columns" data-testid="column-table">
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
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {/* Index, not For: a re-typed column replaces the metadata, and rows must keep focus. */}
            <Index each={shown()}>
              {(col, i) => (
                <ColumnRow
                  column={col()}
                  rows={props.dataset.rows}
                  target={props.target}
                  pending={props.pending === i}
                  disabled={props.pending !== null}
                  onKind={(kind) => props.onKind(i, kind)}
                />
              )}
            </Index>
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function ColumnRow(props: {
  column: ColumnMeta;
  rows: number;
  target: string | null;
  pending: boolean;
  disabled: boolean;
  onKind: (kind: ColumnKind) => Promise<boolean>;
}) {
  return (
    <tr data-testid="column-row" data-column={props.column.name} aria-busy={props.pending}>
      <th scope="row" class="col-name">
        {props.column.name}
      </th>
      <td class="kind">
        <select
          data-testid="kind-select"
          aria-label={`Kind of ${props.column.name}`}
          disabled={props.disabled}
          onChange={async (e) => {
            const select = e.currentTarget;
            const ok = await props.onKind(select.value as ColumnKind);
            if (!ok) select.value = props.column.kind;
          }}
        >
          <For each={COLUMN_KINDS}>
            {(kind) => (
              <option value={kind} selected={kind === props.column.kind}>
                {kind}
              </option>
            )}
          </For>
        </select>
        <Show when={props.column.kind !== props.column.inferredKind}>
          <span class="inferred"> (inferred: {props.column.inferredKind})</span>
        </Show>
      </td>
      <td class="num" data-testid="col-missing">
        <span class="count">{props.column.missing}</span>{" "}
        <span class="pct">{formatPercent(props.column.missing, props.rows)}</span>
      </td>
      <td class="num" data-testid="col-unique">
        {props.column.unique}
      </td>
      <td class="role" data-testid="col-role">
        {props.column.name === props.target ? "target" : props.column.role}
      </td>
    </tr>
  );
}
