import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, NO_DATA } from "./axis.ts";
import { curvePoints, DIAGONAL, seriesColor } from "./curveData.ts";

/** One class's ROC curve (the positive class of a binary problem, or one class against the rest). */
export interface RocSeries {
  class: string;
  fpr: ArrayLike<number>;
  tpr: ArrayLike<number>;
  auc: number;
}

export interface RocSpecOptions {
  width?: number;
  height?: number;
}

/** ROC curves on the unit square with the chance diagonal; a series per class, named with its AUC. */
export function rocSpec(curves: readonly RocSeries[], opts: RocSpecOptions = {}): Plot.PlotOptions {
  const ariaLabel = "ROC curve";
  const base = { width: opts.width, height: opts.height ?? 320, ariaLabel };
  const named = curves.map((c) => ({ ...c, name: `${c.class} (AUC ${formatNumber(c.auc)})` }));
  const points = named.flatMap((c) => curvePoints(c.name, c.fpr, c.tpr));
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  return {
    ...base,
    marginLeft: 48,
    ariaDescription: `True positive rate against false positive rate for ${named.map((c) => c.name).join(", ")}.`,
    x: { domain: [0, 1], label: "False positive rate", grid: true },
    y: { domain: [0, 1], label: "True positive rate", grid: true },
    color: seriesColor(
      named.map((c) => c.name),
      "Class",
    ),
    marks: [
      Plot.line(DIAGONAL, { x: "x", y: "y", stroke: COLORS.muted, strokeDasharray: "4 3" }),
      Plot.line(points, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 2 }),
    ],
  };
}
