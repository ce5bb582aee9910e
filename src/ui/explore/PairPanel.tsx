import { createMemo, createSignal, For, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { MAX_PAIR_COLUMNS, MIN_PAIR_COLUMNS, pairSpec } from "../charts/specs/pairSpec.ts";
import { ColumnChecklist } from "./ColumnChecklist.tsx";
import { SwatchLegend } from "./SwatchLegend.tsx";
import { measureNames, numbersOf, targetColor } from "./sampleColumns.ts";

/** A scatterplot matrix of 2 to 5 chosen numeric columns, coloured by a categorical target. */
export function PairPanel(props: { profile: FrameProfile; sample: PlotSample; target: string | null }) {
  const names = () => measureNames(props.profile).filter((n) => n !== props.target);
  const [chosen, setChosen] = createSignal(names().slice(0, 4));
  // Numeric targets colour a scatter well but not a small-multiple grid without a legend.
  const color = () => {
    const c = targetColor(props.sample, props.target);
    return c?.values.every((v) => typeof v !== "number") ? c : undefined;
  };
  const pairs = createMemo(() =>
    pairSpec(
      chosen().map((name) => ({ name, values: numbersOf(props.sample, name) ?? [] })),
      { color: color() },
    ),
  );
  return (
    <section class="rel-panel" aria-labelledby="pairs-heading">
      <h4 id="pairs-heading">Pair plot</h4>
      <Show
        when={names().length >= MIN_PAIR_COLUMNS}
        fallback={<p class="empty">Fewer than two numeric columns.</p>}
      >
        <ColumnChecklist
          label="Columns"
          names={names()}
          chosen={chosen()}
          min={MIN_PAIR_COLUMNS}
          max={MAX_PAIR_COLUMNS}
          testId="pair-columns"
          onChange={setChosen}
        />
        <SwatchLegend color={color()} />
        <div
          class="pair-grid"
          data-testid="pair-grid"
          style={{ "grid-template-columns": `repeat(${chosen().length}, minmax(8.5rem, 1fr))` }}
        >
          <For each={pairs().cells}>
            {(cell) => (
              <PlotFigure
                kind={cell.kind === "histogram" ? "pair-histogram" : "pair-scatter"}
                hideCaption
                // Each panel is square at whatever width its grid cell gets.
                spec={(w) => ({ ...cell.options, width: w, height: w })}
              />
            )}
          </For>
        </div>
      </Show>
    </section>
  );
}
