import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, NO_DATA, numberTickFormat } from "./axis.ts";
import { kde } from "./kde.ts";

export interface DensitySpecOptions {
  column: string;
  /** Rows in the sample behind the curve, when it is a sample of more rows. */
  sampledFrom?: number;
  bandwidth?: number;
  width?: number;
  height?: number;
}

/** A Gaussian kernel density curve (Silverman bandwidth) over the plot sample's values. */
export function densitySpec(values: readonly (number | null)[], opts: DensitySpecOptions): Plot.PlotOptions {
  const { bandwidth, points } = kde(values, { bandwidth: opts.bandwidth });
  const ariaLabel = `Density of ${opts.column}`;
  const base = { width: opts.width, height: opts.height ?? 200, ariaLabel };
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  let peak = points[0];
  for (const p of points) if (p.density > peak.density) peak = p;
  const n = values.filter((v) => v !== null && Number.isFinite(v)).length;
  const sample = opts.sampledFrom ? ` (a sample of ${formatNumber(opts.sampledFrom)} rows)` : "";
  const lo = points[0].x;
  const hi = points[points.length - 1].x;
  return {
    ...base,
    marginLeft: 56,
    ariaDescription: `Kernel density of ${formatNumber(n)} values${sample}, Gaussian kernel with Silverman bandwidth ${formatNumber(bandwidth)}; highest near ${formatNumber(peak.x)}.`,
    x: { label: opts.column, tickFormat: numberTickFormat(lo, hi) },
    y: { label: "Density", grid: true, tickFormat: "~g" },
    marks: [
      Plot.areaY(points, { x: "x", y: "density", fill: COLORS.accent, fillOpacity: 0.25 }),
      Plot.lineY(points, { x: "x", y: "density", stroke: COLORS.bar, strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
}
