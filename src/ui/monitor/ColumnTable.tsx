import { For, Show } from "solid-js";
import type { DriftOverride } from "../../core/monitor/columnDrift.ts";
import {
  DEFAULT_THRESHOLD,
  DRIFT_TEST_LABELS,
  DRIFT_TESTS,
  type DriftTestId,
  NUMERIC_ONLY_TESTS,
  P_VALUE_TESTS,
} from "../../core/monitor/driftTestInfo.ts";
import type { ColumnReport } from "../../core/monitor/monitorBatch.ts";
import { formatStat } from "./monitorText.ts";

const isNumeric = (kind: string) => kind === "numeric" || kind === "datetime" || kind === "boolean";

/**
 * One row per input column: the test (changeable), its statistic, p-value or distance against the
 * threshold (changeable), whether it drifted, PSI, and a button to draw its distributions.
 */
export function ColumnTable(props: {
  columns: ColumnReport[];
  overrides: Record<string, DriftOverride>;
  drill: string | null;
  busy: boolean;
  onOverride: (column: string, override: DriftOverride | null) => void;
  onDrill: (column: string) => void;
}) {
  const tests = (kind: string) =>
    DRIFT_TESTS.filter((t) => isNumeric(kind) || !NUMERIC_ONLY_TESTS.includes(t));
  return (
    <div class="table-scroll">
      <table class="compact monitor-columns" data-testid="drift-columns">
        <caption class="visually-hidden">Drift per input column</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Test</th>
            <th scope="col">Statistic</th>
            <th scope="col">p-value</th>
            <th scope="col">Threshold</th>
            <th scope="col">Drift</th>
            <th scope="col">PSI</th>
            <th scope="col">
              <span class="visually-hidden">Distributions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.columns}>
            {(c) => (
              <tr
                data-testid="drift-row"
                data-column={c.name}
                data-drift={String(c.drift)}
                classList={{ selected: props.drill === c.name }}
              >
                <th scope="row">
                  {c.name} <span class="hint-inline">{c.kind}</span>
                </th>
                <td>
                  <select
                    aria-label={`Test for ${c.name}`}
                    data-testid="drift-test"
                    disabled={props.busy}
                    value={c.test}
                    onChange={(e) => {
                      const test = e.currentTarget.value as DriftTestId;
                      props.onOverride(c.name, { test, threshold: DEFAULT_THRESHOLD[test] });
                    }}
                  >
                    <For each={tests(c.kind)}>{(t) => <option value={t}>{DRIFT_TEST_LABELS[t]}</option>}</For>
                  </select>
                  <Show when={props.overrides[c.name]}>
                    <button
                      type="button"
                      class="link-button"
                      disabled={props.busy}
                      aria-label={`Back to the default test for ${c.name}`}
                      onClick={() => props.onOverride(c.name, null)}
                    >
                      default
                    </button>
                  </Show>
                </td>
                <td class="num">{formatStat(c.statistic)}</td>
                <td class="num">{formatStat(c.p_value)}</td>
                <td>
                  <span class="hint-inline">{P_VALUE_TESTS.includes(c.test) ? "p <" : "≥"}</span>{" "}
                  <input
                    type="number"
                    class="threshold"
                    step="any"
                    min="0"
                    aria-label={`Drift threshold for ${c.name}`}
                    data-testid="drift-threshold"
                    disabled={props.busy}
                    value={c.threshold}
                    onChange={(e) => {
                      const threshold = Number(e.currentTarget.value);
                      if (Number.isFinite(threshold) && threshold > 0)
                        props.onOverride(c.name, { test: c.test, threshold });
                      else e.currentTarget.value = String(c.threshold);
                    }}
                  />
                </td>
                <td data-testid="drift-verdict">
                  <span classList={{ badge: true, "badge-drift": c.drift, "badge-ok": !c.drift }}>
                    {c.drift ? "drift" : "no drift"}
                  </span>
                </td>
                <td class="num">{formatStat(c.psi)}</td>
                <td>
                  <button
                    type="button"
                    class="button-quiet"
                    data-testid="drill"
                    aria-pressed={props.drill === c.name}
                    aria-label={`Show the distributions of ${c.name}`}
                    onClick={() => props.onDrill(c.name)}
                  >
                    Distributions
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
