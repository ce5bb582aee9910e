import { For, Show } from "solid-js";
import type { Feasibility } from "../../core/profile/feasibility.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { formatInt, formatPercent } from "../shared/format.ts";

/** Whether the table can carry the problem: the counts that matter, then plain warnings. */
export function FeasibilityView(props: { feasibility: Feasibility }) {
  const f = () => props.feasibility;
  return (
    <section class="frame-block" data-testid="feasibility" aria-labelledby="feasibility-heading">
      <h3 id="feasibility-heading">Feasibility</h3>
      <dl class="stat-grid">
        <div>
          <dt>Rows</dt>
          <dd>{formatInt(f().rows)}</dd>
        </div>
        <div>
          <dt>Labelled rows</dt>
          <dd>{formatInt(f().labelledRows)}</dd>
        </div>
        <div>
          <dt>Features</dt>
          <dd>{formatInt(f().features)}</dd>
        </div>
        <div>
          <dt>Rows per feature</dt>
          <dd>
            {f().rowsPerFeature === null ? "–" : formatNumber(Math.round(f().rowsPerFeature! * 10) / 10)}
          </dd>
        </div>
        <Show when={f().minClass !== undefined}>
          <div>
            <dt>Smallest class</dt>
            <dd>
              {f().minClass} ({formatInt(f().minClassCount ?? 0)} rows)
            </dd>
          </div>
        </Show>
        <div>
          <dt>Missing feature cells</dt>
          <dd>{formatPercent(f().missingShare, 1)}</dd>
        </div>
      </dl>
      <Show when={f().rowsPerClass}>
        {(classes) => (
          <p class="hint" data-testid="rows-per-class">
            Rows per class:{" "}
            {classes()
              .map((c) => `${c.label} ${formatInt(c.rows)}`)
              .join(", ")}
            .
          </p>
        )}
      </Show>
      <Show
        when={f().warnings.length > 0}
        fallback={<p class="ok-line">No warnings: the data looks sufficient.</p>}
      >
        <ul class="warnings">
          <For each={f().warnings}>{(w) => <li data-testid="feasibility-warning">{w}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}
