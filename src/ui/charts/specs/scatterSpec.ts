import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { allIntegers, COLORS, extent, NO_DATA, numberTicks } from "./axis.ts";
import { colorScale, type SeriesColor } from "./colorBy.ts";
import { linearFit } from "./linearFit.ts";

export interface ScatterSpecOptions {
  xLabel: string;
  yLabel: string;
  /** Colour the points by another column (the target). */
  color?: SeriesColor;
  /** Draw the least-squares line (default true). */
  trend?: boolean;
  /** Rows in the whole table, when the points are a sample of it. */
  sampledFrom?: number;
  width?: number;
  height?: number;
}

interface Point {
  x: number;
  y: number;
  c: string | number | null;
}

/** Points for each row where both values are present, with a least-squares trend line over them. */
export function scatterSpec(
  xs: readonly (number | null)[],
  ys: readonly (number | null)[],
  opts: ScatterSpecOptions,
): Plot.PlotOptions {
  const points: Point[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    points.push({ x, y, c: opts.color ? opts.color.values[i] : null });
  }
  const ariaLabel = `${opts.yLabel} against ${opts.xLabel}`;
  const base = { width: opts.width, height: opts.height ?? 320, ariaLabel };
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  const [x0, x1] = extent(points.map((p) => p.x));
  const [y0, y1] = extent(points.map((p) => p.y));
  const fit = opts.trend === false ? null : linearFit(xs, ys);
  const color = opts.color ? colorScale(opts.color) : undefined;
  const sample = opts.sampledFrom ? ` (a random sample of ${formatNumber(opts.sampledFrom)} rows)` : "";
  const line = fit
    ? ` Least-squares line: ${opts.yLabel} = ${formatNumber(fit.intercept)} + ${formatNumber(fit.slope)} × ${opts.xLabel}, R² ${formatNumber(fit.r2)}.`
    : "";
  const marks: Plot.Markish[] = [
    Plot.dot(points, {
      x: "x",
      y: "y",
      r: 2.5,
      fill: color ? (d: Point) => color.value(d.c) : COLORS.accent,
      fillOpacity: 0.55,
    }),
  ];
  if (fit) {
    marks.push(
      Plot.line(
        [
          { x: x0, y: fit.intercept + fit.slope * x0 },
          { x: x1, y: fit.intercept + fit.slope * x1 },
        ],
        { x: "x", y: "y", stroke: COLORS.trend, strokeWidth: 2 },
      ),
    );
  }
  return {
    ...base,
    marginLeft: 56,
    ariaDescription: `${formatNumber(points.length)} rows${sample}.${line}`,
    x: { label: opts.xLabel, ...numberTicks(x0, x1, allIntegers(points.map((p) => p.x))), grid: true },
    y: { label: opts.yLabel, ...numberTicks(y0, y1, allIntegers(points.map((p) => p.y))), grid: true },
    color: color?.scale,
    marks,
  };
}
