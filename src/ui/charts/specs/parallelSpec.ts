import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, labelWidth, NO_DATA, truncateLabel } from "./axis.ts";
import { colorScale, type SeriesColor } from "./colorBy.ts";
import { normaliseColumn } from "./normalise.ts";

export interface ParallelSpecOptions {
  color?: SeriesColor;
  /** Most lines drawn (an even stride through the rows); default 1,000. */
  maxLines?: number;
  sampledFrom?: number;
  width?: number;
  height?: number;
}

interface Vertex {
  row: number;
  axis: string;
  value: number | null;
  c: string | number | null;
}

/**
 * Parallel coordinates: one vertical axis per numeric column, each scaled 0..1 over its own range
 * (min at the bottom, max at the top, both printed), one line per row coloured by the target.
 * A missing value breaks that row's line.
 */
export function parallelSpec(
  columns: readonly { name: string; values: readonly (number | null)[] }[],
  opts: ParallelSpecOptions = {},
): Plot.PlotOptions {
  const axes = columns.map((c) => normaliseColumn(c.name, c.values));
  const names = axes.map((a) => a.name);
  const rows = Math.min(...columns.map((c) => c.values.length));
  const ariaLabel = `Parallel coordinates of ${names.length} numeric columns`;
  if (axes.length < 2 || !Number.isFinite(rows) || rows === 0) {
    return {
      width: opts.width,
      height: 80,
      ariaLabel,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const maxLines = opts.maxLines ?? 1000;
  const stride = Math.max(1, Math.ceil(rows / maxLines));
  const color = opts.color ? colorScale(opts.color) : undefined;
  const data: Vertex[] = [];
  let lines = 0;
  for (let r = 0; r < rows; r += stride) {
    lines++;
    const c = color ? color.value(opts.color!.values[r]) : null;
    for (const a of axes) data.push({ row: r, axis: a.name, value: a.values[r], c });
  }
  // Rotate the names only when they would run into each other at this width.
  const spacing = ((opts.width ?? 640) - 100) / Math.max(1, names.length - 1);
  const rotate = labelWidth(names) > spacing * 0.9;
  const sample = opts.sampledFrom ? ` of a random sample of ${formatNumber(opts.sampledFrom)} rows` : "";
  const colored = opts.color ? `, coloured by ${opts.color.label}` : "";
  return {
    width: opts.width,
    height: opts.height ?? 380,
    marginLeft: 56,
    marginRight: 36,
    marginTop: 24,
    marginBottom: rotate ? Math.round(labelWidth(names) * 0.72) + 10 : 40,
    ariaLabel,
    ariaDescription: `${formatNumber(lines)} rows${sample} drawn across ${names.join(", ")}${colored}; each axis runs from its column's minimum (bottom) to maximum (top).`,
    x: {
      type: "point",
      domain: names,
      label: null,
      tickRotate: rotate ? -35 : 0,
      tickFormat: (d: string) => truncateLabel(d),
    },
    y: {
      domain: [0, 1],
      label: "Position in the column's range",
      labelAnchor: "center",
      ticks: 5,
      tickFormat: "~%",
    },
    color: color?.scale,
    marks: [
      Plot.ruleX(names, { stroke: "#d9dee5", strokeWidth: 2 }),
      Plot.lineY(data, {
        x: "axis",
        y: "value",
        z: "row",
        stroke: color ? "c" : COLORS.accent,
        strokeOpacity: Math.min(0.6, Math.max(0.12, 60 / lines)),
        strokeWidth: 1,
      }),
      Plot.text(axes, {
        x: "name",
        y: 1,
        text: (a: (typeof axes)[number]) => formatNumber(a.max),
        dy: -10,
        fill: COLORS.muted,
      }),
      Plot.text(axes, {
        x: "name",
        y: 0,
        text: (a: (typeof axes)[number]) => formatNumber(a.min),
        // Inside the frame, just above the bottom and right of the axis: the names sit below it.
        dy: -7,
        dx: 4,
        textAnchor: "start",
        fill: COLORS.muted,
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  };
}
