import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, extent, NO_DATA, numberTicks } from "./axis.ts";

export interface PredictedActualSpecOptions {
  /** The target's name, for the axis labels. */
  target: string;
  /** Rows behind the points when they are a sample. */
  sampledFrom?: number;
  width?: number;
  height?: number;
}

interface Point {
  actual: number;
  predicted: number;
}

/**
 * Predicted against actual values, one dot per row, with the line y = x where a perfect model's
 * dots would lie. Both axes share one domain so the line is the diagonal.
 */
export function predictedActualSpec(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  opts: PredictedActualSpecOptions,
): Plot.PlotOptions {
  const points: Point[] = [];
  for (let i = 0; i < Math.min(actual.length, predicted.length); i++) {
    if (Number.isFinite(actual[i]) && Number.isFinite(predicted[i]))
      points.push({ actual: actual[i], predicted: predicted[i] });
  }
  const ariaLabel = `Predicted against actual ${opts.target}`;
  const base = { width: opts.width, height: opts.height ?? 340, ariaLabel };
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  const [lo, hi] = extent(points.flatMap((p) => [p.actual, p.predicted]));
  const pad = (hi - lo) * 0.02 || 1;
  const domain = [lo - pad, hi + pad];
  const sample =
    opts.sampledFrom && opts.sampledFrom > points.length
      ? ` (a sample of ${formatNumber(opts.sampledFrom)} rows)`
      : "";
  return {
    ...base,
    marginLeft: 56,
    ariaDescription: `${formatNumber(points.length)} rows${sample}; the dashed line is y = x, where predictions equal the actual values.`,
    x: { domain, label: `Actual ${opts.target}`, grid: true, ...numberTicks(lo, hi) },
    y: { domain, label: `Predicted ${opts.target}`, grid: true, ...numberTicks(lo, hi) },
    marks: [
      Plot.dot(points, { x: "actual", y: "predicted", r: 2.5, fill: COLORS.accent, fillOpacity: 0.5 }),
      Plot.line(
        [
          { x: domain[0], y: domain[0] },
          { x: domain[1], y: domain[1] },
        ],
        { x: "x", y: "y", stroke: COLORS.trend, strokeWidth: 1.5, strokeDasharray: "5 3" },
      ),
    ],
  };
}
