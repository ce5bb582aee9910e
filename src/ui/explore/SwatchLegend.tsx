import { For, Show } from "solid-js";
import { colorScale, type SeriesColor } from "../charts/specs/colorBy.ts";

/** A colour key in HTML for small multiples, which each leave their own legend out. */
export function SwatchLegend(props: { color: SeriesColor | undefined }) {
  const scale = () => (props.color ? colorScale(props.color).scale : null);
  const items = () => {
    const s = scale();
    if (s?.type !== "ordinal") return [];
    const domain = (s.domain ?? []) as string[];
    const range = (s.range ?? []) as string[];
    return domain.map((d, i) => ({ label: d, color: range[i % range.length] }));
  };
  return (
    <Show when={items().length > 0}>
      <p class="swatches">
        <span class="swatch-title">{props.color?.label}:</span>
        <For each={items()}>
          {(it) => (
            <span class="swatch">
              <span class="swatch-box" style={{ background: it.color }} />
              {it.label}
            </span>
          )}
        </For>
      </p>
    </Show>
  );
}
