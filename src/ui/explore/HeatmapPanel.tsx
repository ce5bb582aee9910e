import { createSignal, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { type CorrelationMethod, heatmapSpec, METHOD_LABELS } from "../charts/specs/heatmapSpec.ts";
import { formatInt } from "../shared/format.ts";
import { Segmented } from "./Segmented.tsx";

const METHOD_NOTES: Record<CorrelationMethod, string> = {
  pearson: "Pearson's r measures straight-line association between numeric columns, from -1 to 1.",
  spearman: "Spearman's ρ is Pearson's r on ranks: any steadily rising or falling relation, from -1 to 1.",
  cramersV:
    "Cramér's V (bias-corrected) measures association between categorical columns, from 0 (none) to 1.",
};

/** The correlation matrix of the profile as a heatmap, with a switch between three measures. */
export function HeatmapPanel(props: { profile: FrameProfile }) {
  const corr = () => props.profile.correlations;
  const size = (m: CorrelationMethod) => corr()[m].columns.length;
  const [method, setMethod] = createSignal<CorrelationMethod>(
    size("pearson") < 2 && size("cramersV") >= 2 ? "cramersV" : "pearson",
  );
  return (
    <section class="rel-panel" aria-labelledby="heatmap-heading">
      <h4 id="heatmap-heading">Correlations</h4>
      <Segmented
        label="Correlation measure"
        testId="corr-method"
        value={method()}
        options={(["pearson", "spearman", "cramersV"] as const).map((m) => ({
          value: m,
          label: METHOD_LABELS[m],
          disabled: size(m) < 2,
        }))}
        onChange={setMethod}
      />
      <p class="hint">
        {METHOD_NOTES[method()]}
        <Show when={corr().sampled}>
          {" "}
          Computed on a random sample of {formatInt(corr().sampleSize)} of {formatInt(corr().rows)} rows (seed{" "}
          {corr().seed}).
        </Show>
      </p>
      <Show when={size(method()) >= 2} fallback={<p class="empty">Fewer than two columns to correlate.</p>}>
        <PlotFigure
          kind="heatmap"
          spec={(width) => heatmapSpec(corr()[method()], { method: method(), width })}
        />
      </Show>
    </section>
  );
}
