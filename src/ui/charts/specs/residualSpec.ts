import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, extent, NO_DATA, numberTicks } from "./axis.ts";

export interface ResidualSpecOptions {
  target: string;
  width?: number;
  height?: number;
}

interface Point {
  predicted: number;
  residual: number;
}

/**
 * Residuals (actual − predicted) against predicted values with a rule at zero: a good model's
 * dots form a level band around it; a funnel or a curve says what it misses.
 */
export function residualSpec(
  predicted: ArrayLike<number>,
  residual: ArrayLike<number>,
  opts: ResidualSpecOptions,
): Plot.PlotOptions {
  const points: Point[] = [];
  for (let i = 0; i < Math.min(predicted.length, residual.length); i++) {
    if (Number.isFinite(predicted[i]) && Number.isFinite(residual[i]))
      points.push({ predicted: predicted[i], residual: residual[i] });
  }
  const ariaLabel = `Residuals against predicted ${opts.target}`;
  const base = { width: opts.width, height: opts.height ?? 300, ariaLabel };
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  const [x0, x1] = extent(points.map((p) => p.predicted));
  const [r0, r1] = extent(points.map((p) => p.residual));
  const bound = Math.max(Math.abs(r0), Math.abs(r1)) || 1;
  return {
    ...base,
    marginLeft: 56,
    ariaDescription: `${formatNumber(points.length)} rows; residuals run from ${formatNumber(r0)} to ${formatNumber(r1)}.`,
    x: { label: `Predicted ${opts.target}`, grid: true, ...numberTicks(x0, x1) },
    y: {
      domain: [-bound * 1.05, bound * 1.05],
      label: "Residual (actual − predicted)",
      grid: true,
      ...numberTicks(-bound, bound),
    },
    marks: [
      Plot.ruleY([0], { stroke: COLORS.trend, strokeWidth: 1.5 }),
      Plot.dot(points, { x: "predicted", y: "residual", r: 2.5, fill: COLORS.accent, fillOpacity: 0.5 }),
    ],
  };
}

/** Residual counts in equal-width bins (edges ascending, one more than counts). */
export interface ResidualHistogram {
  edges: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/** The distribution of every row's residual, with a rule at zero. */
export function residualHistogramSpec(
  hist: ResidualHistogram,
  opts: { width?: number; height?: number } = {},
): Plot.PlotOptions {
  const bins = Array.from(hist.counts, (count, i) => ({ x1: hist.edges[i], x2: hist.edges[i + 1], count }));
  const ariaLabel = "Histogram of residuals";
  const base = { width: opts.width, height: opts.height ?? 240, ariaLabel };
  if (bins.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  const total = bins.reduce((s, b) => s + b.count, 0);
  const lo = bins[0].x1;
  const hi = bins[bins.length - 1].x2;
  const peak = Math.max(...bins.map((b) => b.count));
  return {
    ...base,
    marginLeft: 48,
    ariaDescription: `${formatNumber(total)} residuals in ${bins.length} bins from ${formatNumber(lo)} to ${formatNumber(hi)}.`,
    x: { label: "Residual (actual − predicted)", ...numberTicks(lo, hi) },
    y: { label: "Rows", grid: true, ...numberTicks(0, peak, true) },
    marks: [
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: COLORS.bar, inset: 0.5 }),
      Plot.ruleY([0]),
      ...(lo <= 0 && hi >= 0 ? [Plot.ruleX([0], { stroke: COLORS.trend, strokeDasharray: "4 3" })] : []),
    ],
  };
}
