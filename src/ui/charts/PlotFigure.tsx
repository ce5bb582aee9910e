import { createEffect, createMemo, createSignal, onCleanup, Show } from "solid-js";
import { errorMessage } from "../shared/errorMessage.ts";
import { createElementWidth } from "./createElementWidth.ts";
import { type ChartSpec, renderChart, resolveSpec } from "./renderChart.ts";
import { markPlotWarm, warmPlotWhenIdle } from "./warmPlot.ts";

// The chart chunk loads with the first phase that draws; Plot's first drawing is paid while idle.
warmPlotWhenIdle();

/**
 * The one chart component: draws `spec` with Observable Plot at the width of its container and
 * REPLACES the drawing whenever the spec or the width changes (Plot output is never patched). The
 * chart's text alternative comes from the spec's ariaLabel / ariaDescription; the caption defaults
 * to the ariaLabel.
 */
export function PlotFigure(props: {
  spec: ChartSpec;
  /** What kind of chart this is ("histogram", "scatter", ...), for tests and styling. */
  kind: string;
  caption?: string;
  /** A note after the caption ("a sample of 5,000 rows"). */
  note?: string;
  /** Keep the caption for screen readers only (small multiples). */
  hideCaption?: boolean;
  class?: string;
}) {
  let box: HTMLDivElement | undefined;
  const width = createElementWidth(() => box);
  const [failure, setFailure] = createSignal<string | null>(null);
  const options = createMemo(() => (width() > 0 ? resolveSpec(props.spec, width()) : null));

  createEffect(() => {
    const opts = options();
    if (!opts || !box) return;
    let node: Element;
    try {
      node = renderChart(opts);
      markPlotWarm();
      setFailure(null);
    } catch (err) {
      setFailure(errorMessage(err));
      box.replaceChildren();
      return;
    }
    box.replaceChildren(node);
    onCleanup(() => node.remove());
  });

  const caption = () => props.caption ?? options()?.ariaLabel ?? "";
  return (
    <figure class={`chart ${props.class ?? ""}`} data-testid="chart" data-chart={props.kind}>
      <div class="chart-canvas" ref={box} />
      <Show when={failure()}>
        <p class="hint">This chart could not be drawn: {failure()}</p>
      </Show>
      <figcaption class={props.hideCaption ? "visually-hidden" : "chart-caption"}>
        {caption()}
        <Show when={props.note}>
          <span class="chart-note"> · {props.note}</span>
        </Show>
      </figcaption>
    </figure>
  );
}
