import { createSignal, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { parallelSpec } from "../charts/specs/parallelSpec.ts";
import { ColumnChecklist } from "./ColumnChecklist.tsx";
import { measureNames, numbersOf, targetColor } from "./sampleColumns.ts";

const MAX_AXES = 12;

/** Every row across all numeric columns at once: parallel coordinates coloured by the target. */
export function MultivariateView(props: {
  profile: FrameProfile;
  sample: PlotSample;
  target: string | null;
}) {
  const names = () => measureNames(props.profile).filter((n) => n !== props.target);
  const [chosen, setChosen] = createSignal(names().slice(0, 8));
  return (
    <section aria-labelledby="multivariate-heading">
      <h3 id="multivariate-heading">Multivariate</h3>
      <p class="hint">
        Each line is one row; each axis a numeric column scaled from its minimum (bottom) to its maximum
        (top). Rows that cross together share a pattern{props.target ? `; colour shows ${props.target}` : ""}.
      </p>
      <Show when={names().length >= 2} fallback={<p class="empty">Fewer than two numeric columns.</p>}>
        <Show when={names().length > 2}>
          <ColumnChecklist
            label="Axes"
            names={names()}
            chosen={chosen()}
            min={2}
            max={MAX_AXES}
            testId="parallel-columns"
            onChange={setChosen}
          />
        </Show>
        <PlotFigure
          kind="parallel"
          spec={(width) =>
            parallelSpec(
              chosen().map((name) => ({ name, values: numbersOf(props.sample, name) ?? [] })),
              {
                color: targetColor(props.sample, props.target),
                sampledFrom: props.sample.sampled ? props.profile.rows : undefined,
                width,
              },
            )
          }
        />
      </Show>
    </section>
  );
}
