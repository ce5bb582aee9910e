import * as Plot from "@observablehq/plot";
import type { BoxSummary } from "../../../core/profile/numericSummary.ts";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, numberTicks } from "./axis.ts";

export interface BoxSpecOptions {
  column: string;
  integer?: boolean;
  /** Values beyond the fences to draw as dots (from the plot sample; the box itself is exact). */
  outliers?: readonly number[];
  width?: number;
  height?: number;
}

/**
 * A horizontal box plot drawn from the profile's exact five-number summary: whiskers to the furthest
 * values within 1.5 IQR, the box from Q1 to Q3, a tick at the median, and outliers as dots.
 */
export function boxSpec(box: BoxSummary, opts: BoxSpecOptions): Plot.PlotOptions {
  const row = opts.column;
  const y = () => row;
  const outliers = (opts.outliers ?? []).filter((v) => v < box.lowerFence || v > box.upperFence);
  const lo = Math.min(box.lowerWhisker, ...outliers);
  const hi = Math.max(box.upperWhisker, ...outliers);
  const data = [box];
  return {
    width: opts.width,
    height: opts.height ?? 130,
    marginLeft: 16,
    marginRight: 16,
    ariaLabel: `Box plot of ${opts.column}`,
    ariaDescription: `Median ${formatNumber(box.median)}, quartiles ${formatNumber(box.q1)} to ${formatNumber(box.q3)}, whiskers ${formatNumber(box.lowerWhisker)} to ${formatNumber(box.upperWhisker)}; ${formatNumber(box.outliers)} values lie beyond 1.5 IQR of the quartiles.`,
    x: { label: opts.column, ...numberTicks(lo, hi, opts.integer), grid: true },
    y: { axis: null, domain: [row] },
    marks: [
      Plot.ruleY(data, { x1: "lowerWhisker", x2: "upperWhisker", y, stroke: COLORS.muted }),
      Plot.tickX(data, { x: "lowerWhisker", y, stroke: COLORS.muted, insetTop: 14, insetBottom: 14 }),
      Plot.tickX(data, { x: "upperWhisker", y, stroke: COLORS.muted, insetTop: 14, insetBottom: 14 }),
      Plot.barX(data, { x1: "q1", x2: "q3", y, fill: COLORS.accent, fillOpacity: 0.35, stroke: COLORS.bar }),
      Plot.tickX(data, { x: "median", y, stroke: COLORS.bar, strokeWidth: 3 }),
      Plot.dot(outliers, { x: (d: number) => d, y, r: 2.5, stroke: COLORS.trend, strokeOpacity: 0.7 }),
    ],
  };
}
