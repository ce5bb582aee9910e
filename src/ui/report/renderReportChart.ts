import type * as Plot from "@observablehq/plot";
import { markupFromDom } from "../../core/safe/markupFromDom.ts";
import type { MarkupNode } from "../../core/safe/serializeMarkup.ts";
import { renderChart } from "../charts/renderChart.ts";

/**
 * Draws a chart with Plot and takes the drawing as markup nodes, read from the DOM Plot built, for
 * the report's serializer: the chart never becomes a markup string that could be reparsed.
 */
export function renderReportChart(options: Plot.PlotOptions): MarkupNode {
  return markupFromDom(renderChart(options)) ?? "";
}
