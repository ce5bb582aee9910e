import * as Plot from "@observablehq/plot";
import type { PipelinePdp } from "../../core/automl/explain/pipelinePartialDependence.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { COLORS, NO_DATA, numberTicks, truncateLabel } from "../charts/specs/axis.ts";

/** Options of `pdpSpec`. */
export interface PdpSpecOptions {
  /** What the y values are ("probability of yes", "predicted price"). */
  scale: string;
  width?: number;
  /** The x axis shows dates (a datetime column: epoch ms). */
  dates?: boolean;
}

interface Point {
  line: number;
  x: number | string | Date;
  y: number;
}

/**
 * Partial dependence with ICE lines: one thin grey line per sampled row (its output as the column
 * alone changes) and their mean, the partial dependence, thick on top. A numeric column on a
 * linear x axis (time for dates); a categorical one at its levels, most frequent first.
 */
export function pdpSpec(pd: PipelinePdp, opts: PdpSpecOptions): Plot.PlotOptions {
  const numeric = pd.grid.kind === "numeric";
  const xs: Point["x"][] =
    pd.grid.kind === "numeric" ? pd.grid.values.map((v) => (opts.dates ? new Date(v) : v)) : pd.grid.levels;
  const ariaLabel = `Partial dependence of the ${opts.scale} on ${pd.column}`;
  const base = { width: opts.width, height: 300, ariaLabel };
  if (xs.length === 0)
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  const ice: Point[] = pd.ice.flatMap((line, i) => line.map((y, g) => ({ line: i, x: xs[g], y })));
  const mean: Point[] = pd.pdp.map((y, g) => ({ line: -1, x: xs[g], y }));
  const ys = ice.map((p) => p.y).concat(pd.pdp);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const lo = pd.pdp.indexOf(Math.min(...pd.pdp));
  const hi = pd.pdp.indexOf(Math.max(...pd.pdp));
  const at = (g: number) =>
    pd.grid.kind === "numeric" ? formatNumber(pd.grid.values[g]) : truncateLabel(pd.grid.levels[g]);
  const x: Plot.ScaleOptions = numeric
    ? {
        label: pd.column,
        grid: true,
        ...(opts.dates ? { type: "utc" } : numberTicks(Number(xs[0]), Number(xs.at(-1)))),
      }
    : {
        label: pd.column,
        type: "point",
        domain: xs,
        tickFormat: (s: string) => truncateLabel(s, 14),
        padding: 0.3,
      };
  const dot = numeric ? [] : [Plot.dot(mean, { x: "x", y: "y", r: 4, fill: COLORS.trend })];
  return {
    ...base,
    marginLeft: 56,
    marginBottom: numeric ? 36 : 48,
    ariaDescription: `${pd.ice.length} rows' lines (ICE) and their mean (PDP) over ${xs.length} values of ${pd.column}. The mean is lowest, ${formatNumber(pd.pdp[lo])}, at ${at(lo)} and highest, ${formatNumber(pd.pdp[hi])}, at ${at(hi)}.`,
    x,
    y: { label: opts.scale, grid: true, ...numberTicks(y0, y1) },
    marks: [
      Plot.line(ice, {
        x: "x",
        y: "y",
        z: "line",
        stroke: COLORS.other,
        strokeOpacity: 0.45,
        strokeWidth: 1,
      }),
      Plot.line(mean, { x: "x", y: "y", stroke: COLORS.trend, strokeWidth: 3 }),
      ...dot,
    ],
  };
}
