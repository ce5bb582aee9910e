import * as Plot from "@observablehq/plot";
import type { Histogram } from "../../../core/profile/histogram.ts";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, NO_DATA, numberTickFormat, numberTicks } from "./axis.ts";

export interface HistogramSpecOptions {
  column: string;
  /** The column holds whole numbers only (ticks on whole values). */
  integer?: boolean;
  width?: number;
  height?: number;
}

/** Bars of the profile's exact histogram (every row), one rect per bin. */
export function histogramSpec(hist: Histogram, opts: HistogramSpecOptions): Plot.PlotOptions {
  const bins = hist.counts.map((count, i) => ({ x1: hist.edges[i], x2: hist.edges[i + 1], count }));
  // A constant column has one bin of no width: widen it so it still shows.
  if (bins.length === 1 && bins[0].x1 === bins[0].x2) {
    const pad = Math.abs(bins[0].x1) * 0.05 || 0.5;
    bins[0] = { ...bins[0], x1: bins[0].x1 - pad, x2: bins[0].x2 + pad };
  }
  const ariaLabel = `Histogram of ${opts.column}`;
  const base = { width: opts.width, height: opts.height ?? 200, ariaLabel };
  if (bins.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  let total = 0;
  let peak = bins[0];
  for (const b of bins) {
    total += b.count;
    if (b.count > peak.count) peak = b;
  }
  const lo = bins[0].x1;
  const hi = bins[bins.length - 1].x2;
  return {
    ...base,
    marginLeft: 48,
    ariaDescription: `${formatNumber(total)} values in ${bins.length} bins from ${formatNumber(lo)} to ${formatNumber(hi)}; the fullest bin, ${formatNumber(peak.x1)} to ${formatNumber(peak.x2)}, holds ${formatNumber(peak.count)} rows.`,
    x: { label: opts.column, ...numberTicks(lo, hi, opts.integer) },
    y: { label: "Rows", grid: true, tickFormat: numberTickFormat(0, peak.count) },
    marks: [
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: COLORS.bar, inset: 0.5, tip: true }),
      Plot.ruleY([0]),
    ],
  };
}
