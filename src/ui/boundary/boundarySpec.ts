import * as Plot from "@observablehq/plot";
import { formatNumber } from "../charts/formatNumber.ts";
import { COLORS, numberTicks, truncateLabel } from "../charts/specs/axis.ts";
import { CATEGORY_COLORS } from "../charts/specs/colorBy.ts";

/** The picture a playground fit gives (the shape of the worker's BoundaryView, plain arrays allowed). */
export interface BoundaryPicture {
  grid: { nx: number; ny: number; x0: number; x1: number; y0: number; y1: number };
  classes: readonly string[] | null;
  cls: ArrayLike<number> | null;
  prob: ArrayLike<number> | null;
  value: ArrayLike<number> | null;
  points: {
    x: ArrayLike<number>;
    y: ArrayLike<number>;
    target: ArrayLike<number>;
    part: ArrayLike<number>;
  } | null;
}

export interface BoundarySpecOptions {
  xLabel: string;
  yLabel: string;
  /** The target's name, for the legend. */
  target: string;
  /** The model's display name, for the text alternative. */
  modelLabel: string;
  width?: number;
  height?: number;
}

/** Region opacity at a chance-level probability and at certainty: sure regions read darker. */
const OPACITY = [0.08, 0.6] as const;
export const PART_LABELS = ["Training row", "Validation row"] as const;

/** A class's probability as the region's opacity: 1/k (a coin toss) faint, 1 strong. */
export function regionOpacity(p: number, classes: number): number {
  const chance = 1 / Math.max(2, classes);
  const t = Math.min(1, Math.max(0, (p - chance) / (1 - chance)));
  return OPACITY[0] + t * (OPACITY[1] - OPACITY[0]);
}

interface Point {
  x: number;
  y: number;
  target: string | number;
  part: (typeof PART_LABELS)[number];
}

/**
 * A fitted model over two columns: its decision regions (classes: each cell coloured by the
 * predicted class, more opaque the surer the model) or its prediction surface (values, on a
 * continuous scale), as a raster under the rows' points coloured by their true class or value,
 * training rows as circles and validation rows as triangles.
 */
export function boundarySpec(pic: BoundaryPicture, opts: BoundarySpecOptions): Plot.PlotOptions {
  const { grid } = pic;
  const classes = pic.classes;
  const height = opts.height ?? Math.round(Math.min(520, Math.max(300, (opts.width ?? 600) * 0.7)));
  const points: Point[] = [];
  const p = pic.points;
  if (p) {
    for (let i = 0; i < p.x.length; i++) {
      const t = p.target[i];
      points.push({
        x: p.x[i],
        y: p.y[i],
        target: classes ? (classes[t] ?? String(t)) : t,
        part: PART_LABELS[p.part[i] ? 1 : 0],
      });
    }
  }
  const n = grid.nx * grid.ny;
  const fill: (string | number)[] = new Array(n);
  const opacity = new Float64Array(n);
  if (classes && pic.cls) {
    for (let i = 0; i < n; i++) {
      fill[i] = classes[pic.cls[i]];
      opacity[i] = regionOpacity(pic.prob ? pic.prob[i] : 1, classes.length);
    }
  } else if (pic.value) {
    for (let i = 0; i < n; i++) fill[i] = pic.value[i];
    opacity.fill(0.85);
  }
  const color: Plot.ScaleOptions = classes
    ? {
        type: "ordinal",
        domain: [...classes],
        range: [...CATEGORY_COLORS],
        label: truncateLabel(opts.target),
        legend: true,
      }
    : { type: "linear", scheme: "viridis", label: truncateLabel(opts.target), legend: true };
  const what = classes ? "Decision regions" : "Prediction surface";
  return {
    width: opts.width,
    height,
    marginLeft: 56,
    marginBottom: 40,
    ariaLabel: `${what} of ${opts.modelLabel} on ${opts.xLabel} and ${opts.yLabel}`,
    ariaDescription: classes
      ? `Each area is coloured by the class the model predicts there, stronger where it is surer; the points are the rows, coloured by their true class.`
      : `The background is the value the model predicts; the points are the rows, coloured by their true ${opts.target}.`,
    x: {
      label: truncateLabel(opts.xLabel, 40),
      domain: [grid.x0, grid.x1],
      ...numberTicks(grid.x0, grid.x1),
    },
    y: {
      label: truncateLabel(opts.yLabel, 40),
      domain: [grid.y0, grid.y1],
      ...numberTicks(grid.y0, grid.y1),
    },
    color,
    // The regions' opacities are computed here (see regionOpacity), not scaled again.
    opacity: { type: "identity" },
    symbol: { domain: [...PART_LABELS], range: ["circle", "triangle"], legend: true },
    marks: [
      Plot.raster(fill, {
        width: grid.nx,
        height: grid.ny,
        x1: grid.x0,
        x2: grid.x1,
        y1: grid.y0,
        y2: grid.y1,
        fill: (_: unknown, i: number) => fill[i],
        fillOpacity: (_: unknown, i: number) => opacity[i],
        imageRendering: classes ? "pixelated" : "auto",
      }),
      Plot.frame({ stroke: COLORS.muted, strokeOpacity: 0.4 }),
      Plot.dot(points, {
        x: "x",
        y: "y",
        fill: "target",
        symbol: "part",
        r: 3.2,
        stroke: "white",
        strokeWidth: 0.9,
        title: (d: Point) =>
          `${d.part}: ${opts.target} ${typeof d.target === "number" ? formatNumber(d.target) : d.target}`,
      }),
    ],
  };
}
