import { createSignal, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { scatterSpec } from "../charts/specs/scatterSpec.ts";
import { ColumnSelect } from "./ColumnSelect.tsx";
import { measureNames, numbersOf, strongestPair, targetColor } from "./sampleColumns.ts";

/** Two numeric columns against each other with a least-squares line; starts on the strongest pair. */
export function ScatterPanel(props: { profile: FrameProfile; sample: PlotSample; target: string | null }) {
  const names = () => measureNames(props.profile);
  const first = strongestPair(props.profile);
  const [x, setX] = createSignal(first?.[0] ?? null);
  const [y, setY] = createSignal(first?.[1] ?? null);
  const [colored, setColored] = createSignal(true);
  const sampledFrom = () => (props.sample.sampled ? props.profile.rows : undefined);
  return (
    <section class="rel-panel" aria-labelledby="scatter-heading">
      <h4 id="scatter-heading">Scatter with trend line</h4>
      <Show when={names().length >= 2} fallback={<p class="empty">Fewer than two numeric columns.</p>}>
        <div class="controls">
          <ColumnSelect label="x" names={names()} value={x()} testId="scatter-x" onChange={setX} />
          <ColumnSelect label="y" names={names()} value={y()} testId="scatter-y" onChange={setY} />
          <Show when={props.target}>
            <label class="check">
              <input
                type="checkbox"
                checked={colored()}
                onChange={(e) => setColored(e.currentTarget.checked)}
              />
              Colour by {props.target}
            </label>
          </Show>
        </div>
        <PlotFigure
          kind="scatter"
          spec={(width) =>
            scatterSpec(numbersOf(props.sample, x()!) ?? [], numbersOf(props.sample, y()!) ?? [], {
              xLabel: x()!,
              yLabel: y()!,
              color: colored() ? targetColor(props.sample, props.target) : undefined,
              sampledFrom: sampledFrom(),
              width,
            })
          }
        />
      </Show>
    </section>
  );
}
