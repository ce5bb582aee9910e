import * as Plot from "@observablehq/plot";

/** Options for Plot.plot, or a function building them for a width in pixels. */
export type ChartSpec = Plot.PlotOptions | ((width: number) => Plot.PlotOptions);

/** The options for a given width: a function spec is asked; an object spec gets the width set. */
export function resolveSpec(spec: ChartSpec, width: number): Plot.PlotOptions {
  return typeof spec === "function" ? spec(width) : { ...spec, width };
}

/** Draws a spec into a new, detached SVG (or figure, when Plot adds a legend). Needs a DOM. */
export function renderChart(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  return Plot.plot(options);
}

/** Options drawn as markup, for a self-contained file: Plot inlines its styles into the SVG. */
export function renderChartMarkup(options: Plot.PlotOptions): string {
  return renderChart(options).outerHTML;
}
