import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { NO_DATA } from "./axis.ts";
import { curvePoints, seriesColor } from "./curveData.ts";

/** One class's precision-recall curve with its average precision. */
export interface PrSeries {
  class: string;
  recall: ArrayLike<number>;
  precision: ArrayLike<number>;
  averagePrecision: number;
}

export interface PrSpecOptions {
  width?: number;
  height?: number;
}

/** Precision against recall on the unit square, drawn as steps (precision holds until recall moves). */
export function prSpec(curves: readonly PrSeries[], opts: PrSpecOptions = {}): Plot.PlotOptions {
  const ariaLabel = "Precision-recall curve";
  const base = { width: opts.width, height: opts.height ?? 320, ariaLabel };
  const named = curves.map((c) => ({ ...c, name: `${c.class} (AP ${formatNumber(c.averagePrecision)})` }));
  const points = named.flatMap((c) => curvePoints(c.name, c.recall, c.precision));
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  return {
    ...base,
    marginLeft: 48,
    ariaDescription: `Precision against recall for ${named.map((c) => c.name).join(", ")}.`,
    x: { domain: [0, 1], label: "Recall", grid: true },
    y: { domain: [0, 1], label: "Precision", grid: true },
    color: seriesColor(
      named.map((c) => c.name),
      "Class",
    ),
    marks: [
      Plot.line(points, {
        x: "x",
        y: "y",
        z: "series",
        stroke: "series",
        strokeWidth: 2,
        curve: "step-before",
      }),
    ],
  };
}
