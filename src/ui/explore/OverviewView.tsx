import { For, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { barSpec } from "../charts/specs/barSpec.ts";
import { overviewFacts } from "./overviewFacts.ts";
import { PLOT_SAMPLE_SEED } from "./plotSample.ts";
import { sampleNote } from "./sampleNote.ts";

/** The table at a glance: its size, duplicates and gaps, and which numbers come from a sample. */
export function OverviewView(props: { profile: FrameProfile; sample: PlotSample }) {
  const facts = () => overviewFacts(props.profile);
  const note = () =>
    sampleNote({
      rows: props.profile.rows,
      plotRows: props.sample.rows.length,
      plotSampled: props.sample.sampled,
      plotSeed: PLOT_SAMPLE_SEED,
      correlationRows: props.profile.sample.sampleSize,
      correlationSampled: props.profile.sample.sampled,
      correlationSeed: props.profile.sample.seed,
    });
  const missing = () =>
    props.profile.columns.filter((c) => c.missing > 0).map((c) => ({ label: c.name, value: c.missingShare }));
  return (
    <section aria-labelledby="overview-heading">
      <h3 id="overview-heading">Overview</h3>
      <dl class="stat-grid overview-stats" data-testid="overview">
        <For each={facts()}>
          {(f) => (
            <div>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          )}
        </For>
      </dl>
      <p class="sample-note" data-testid="sample-note">
        {note()}
      </p>
      <Show when={props.profile.correlations.omitted.length > 0}>
        <p class="hint">
          Left out of the correlation matrices (too many columns):{" "}
          {props.profile.correlations.omitted.join(", ")}.
        </p>
      </Show>
      <Show when={missing().length > 0} fallback={<p class="ok-line">No missing values in any column.</p>}>
        <PlotFigure
          kind="bar"
          spec={(width) =>
            barSpec(missing(), {
              title: "Missing values per column",
              valueLabel: "Share of rows missing",
              categoryLabel: "Column",
              percent: true,
              width,
            })
          }
        />
      </Show>
    </section>
  );
}
