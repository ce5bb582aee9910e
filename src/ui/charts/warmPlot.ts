import { renderChart } from "./renderChart.ts";
import { barSpec } from "./specs/barSpec.ts";

let warmed = false;

/** A real chart was drawn: Plot's code is compiled, so a warm-up still waiting has nothing to do. */
export function markPlotWarm(): void {
  warmed = true;
}

/**
 * Draws one small, detached bar chart when the main thread is next idle, and throws it away.
 * Observable Plot's first drawing in a page compiles its code (scales, axes, marks, d3 formats):
 * done inside the task that shows the first real chart (Explore's overview, as its data arrives),
 * that cost made the task cross issue 16's 50 ms. An idle task of its own pays it instead, before
 * any data comes back; nothing is shown, so the page behaves the same.
 */
export function warmPlotWhenIdle(): void {
  if (warmed || typeof window === "undefined" || typeof window.requestIdleCallback !== "function") return;
  window.requestIdleCallback(
    () => {
      if (warmed) return;
      warmed = true;
      try {
        renderChart(
          barSpec(
            [
              { label: "a", value: 0.25 },
              { label: "b", value: 0.5 },
            ],
            { title: "warm-up", valueLabel: "share", categoryLabel: "column", percent: true, width: 320 },
          ),
        );
      } catch {
        // Only a warm-up: the real chart reports its own failure.
      }
    },
    { timeout: 2000 },
  );
}
