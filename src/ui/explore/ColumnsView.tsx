import { createSignal, For, Show } from "solid-js";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { ColumnCard } from "./ColumnCard.tsx";
import { numbersOf } from "./sampleColumns.ts";

/** A card per column; a filter box narrows them down on wide tables. */
export function ColumnsView(props: { profile: FrameProfile; sample: PlotSample }) {
  const [filter, setFilter] = createSignal("");
  const shown = () => {
    const f = filter().trim().toLowerCase();
    return f ? props.profile.columns.filter((c) => c.name.toLowerCase().includes(f)) : props.profile.columns;
  };
  const sampledFrom = () => (props.sample.sampled ? props.profile.rows : undefined);
  return (
    <section aria-labelledby="columns-view-heading">
      <h3 id="columns-view-heading">Columns</h3>
      <Show when={props.profile.columns.length > 8}>
        <label class="field inline column-filter">
          <span>Find a column</span>
          <input type="text" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
      </Show>
      <div class="column-cards">
        <For each={shown()} fallback={<p class="empty">No column matches "{filter()}".</p>}>
          {(c) => (
            <ColumnCard
              column={c}
              sampleValues={numbersOf(props.sample, c.name)}
              sampledFrom={sampledFrom()}
            />
          )}
        </For>
      </div>
    </section>
  );
}
