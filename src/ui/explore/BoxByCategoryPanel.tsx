import { createSignal, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { boxByCategorySpec } from "../charts/specs/boxByCategorySpec.ts";
import { ColumnSelect } from "./ColumnSelect.tsx";
import { boxGroupNames, continuousNames, groupValuesOf, numbersOf } from "./sampleColumns.ts";

/**
 * A numeric column's spread within each category of another column. A numeric column of two
 * values (0/1) is offered as a grouping, not as numbers: a box plot of zeros and ones says nothing.
 */
export function BoxByCategoryPanel(props: {
  profile: FrameProfile;
  sample: PlotSample;
  target: string | null;
}) {
  const measures = () => continuousNames(props.profile);
  const groups = () => boxGroupNames(props.profile);
  const [value, setValue] = createSignal(measures().find((n) => n !== props.target) ?? measures()[0] ?? null);
  const [group, setGroup] = createSignal(
    groups().includes(props.target ?? "") ? props.target : (groups()[0] ?? null),
  );
  return (
    <section class="rel-panel" aria-labelledby="boxcat-heading">
      <h4 id="boxcat-heading">Numbers by category</h4>
      <Show
        when={measures().length > 0 && groups().length > 0}
        fallback={<p class="empty">This needs a numeric column and a categorical one.</p>}
      >
        <div class="controls">
          <ColumnSelect
            label="Numbers"
            names={measures()}
            value={value()}
            testId="boxcat-value"
            onChange={setValue}
          />
          <ColumnSelect
            label="Grouped by"
            names={groups()}
            value={group()}
            testId="boxcat-group"
            onChange={setGroup}
          />
        </div>
        <PlotFigure
          kind="box-by-category"
          spec={(width) =>
            boxByCategorySpec(
              numbersOf(props.sample, value()!) ?? [],
              groupValuesOf(props.sample, group()!) ?? [],
              {
                valueLabel: value()!,
                groupLabel: group()!,
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
