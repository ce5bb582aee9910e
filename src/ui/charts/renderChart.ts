import * as Plot from "@observablehq/plot";

/** Options for Plot.plot, or a function building them for a width in pixels. */
export type ChartSpec = Plot.PlotOptions | ((width: number) => Plot.PlotOptions);

/** The options for a given width: a function spec is asked; an object spec gets the width set. */
export function resolveSpec(spec: ChartSpec, width: number): Plot.PlotOptions {
  return typeof spec === "function" ? spec(width) : { ...spec, width };
}

/** Draws a spec into a new, detached SVG (or figure, when Plot adds a legend). Needs a DOM. */
export function renderChart(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  return asOneImage(Plot.plot(options));
}

/**
 * Plot labels each mark's group ("rect", "rule", "tip"), which ARIA forbids on a plain `g` and
 * which reads as noise; the chart is one image, named by the label and description its spec gives.
 */
function asOneImage<T extends Element>(chart: T): T {
  for (const svg of chart.tagName.toLowerCase() === "svg"
    ? [chart]
    : Array.from(chart.querySelectorAll("svg"))) {
    for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) g.removeAttribute("aria-label");
    if (svg.hasAttribute("aria-label") || svg.hasAttribute("aria-description"))
      svg.setAttribute("role", "img");
  }
  return chart;
}
