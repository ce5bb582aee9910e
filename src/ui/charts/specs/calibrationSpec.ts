import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, NO_DATA } from "./axis.ts";
import { DIAGONAL, seriesColor } from "./curveData.ts";

/** One class's reliability diagram: per bin, the mean predicted probability and the observed share. */
export interface CalibrationSeries {
  class: string;
  meanPredicted: ArrayLike<number>;
  fractionPositive: ArrayLike<number>;
  count: ArrayLike<number>;
}

export interface CalibrationSpecOptions {
  width?: number;
  height?: number;
}

interface Bin {
  series: string;
  x: number;
  y: number;
  count: number;
}

/**
 * Observed share of positives against mean predicted probability per bin, with the diagonal of
 * perfect calibration; dots sized by the rows in the bin. Above the diagonal: under-confident.
 */
export function calibrationSpec(
  curves: readonly CalibrationSeries[],
  opts: CalibrationSpecOptions = {},
): Plot.PlotOptions {
  const ariaLabel = "Calibration curve";
  const base = { width: opts.width, height: opts.height ?? 320, ariaLabel };
  const bins: Bin[] = [];
  for (const c of curves) {
    for (let i = 0; i < c.meanPredicted.length; i++) {
      const x = c.meanPredicted[i];
      const y = c.fractionPositive[i];
      if (Number.isFinite(x) && Number.isFinite(y)) bins.push({ series: c.class, x, y, count: c.count[i] });
    }
  }
  if (bins.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  return {
    ...base,
    marginLeft: 48,
    ariaDescription: `Observed share of positives against the predicted probability in ${bins.length} bins for ${curves.map((c) => c.class).join(", ")}; the diagonal is perfect calibration.`,
    x: { domain: [0, 1], label: "Mean predicted probability", grid: true },
    y: { domain: [0, 1], label: "Observed share of positives", grid: true },
    r: { range: [2, 7] },
    color: seriesColor(
      curves.map((c) => c.class),
      "Class",
    ),
    marks: [
      Plot.line(DIAGONAL, { x: "x", y: "y", stroke: COLORS.muted, strokeDasharray: "4 3" }),
      Plot.line(bins, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 1.5 }),
      Plot.dot(bins, {
        x: "x",
        y: "y",
        r: "count",
        fill: "series",
        title: (d: Bin) =>
          `${d.series}: predicted ${formatNumber(d.x)}, observed ${formatNumber(d.y)} (${formatNumber(d.count)} rows)`,
      }),
    ],
  };
}
