import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, extent, NO_DATA, numberTicks } from "./axis.ts";

/** Scores against training-set size (the shape of core's LearningCurve). */
export interface LearningCurveData {
  sizes: readonly number[];
  trainMean: readonly number[];
  trainStd: readonly number[];
  validationMean: readonly number[];
  validationStd: readonly number[];
}

export interface LearningCurveSpecOptions {
  /** The metric's display name, for the y axis. */
  metricLabel: string;
  width?: number;
  height?: number;
}

interface Point {
  series: "Training" | "Validation";
  size: number;
  mean: number;
  lo: number;
  hi: number;
}

export const SERIES_COLORS = { Training: COLORS.trend, Validation: COLORS.accent } as const;

/**
 * Training and validation scores against the rows trained on, each with a band of ± one standard
 * deviation over the folds. A gap that stays wide says more data would help; curves that meet
 * low say the model is too simple.
 */
export function learningCurveSpec(
  curve: LearningCurveData,
  opts: LearningCurveSpecOptions,
): Plot.PlotOptions {
  const points: Point[] = [];
  const add = (series: Point["series"], mean: readonly number[], std: readonly number[]) => {
    curve.sizes.forEach((size, i) => {
      const m = mean[i];
      if (!Number.isFinite(m) || !Number.isFinite(size)) return;
      const s = Number.isFinite(std[i]) ? std[i] : 0;
      points.push({ series, size, mean: m, lo: m - s, hi: m + s });
    });
  };
  add("Training", curve.trainMean, curve.trainStd);
  add("Validation", curve.validationMean, curve.validationStd);
  const ariaLabel = `Learning curve: ${opts.metricLabel} against training rows`;
  const base = { width: opts.width, height: opts.height ?? 300, ariaLabel };
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  const last = (s: Point["series"]) => points.filter((p) => p.series === s).at(-1);
  const t = last("Training");
  const v = last("Validation");
  const end =
    t && v
      ? ` At ${formatNumber(v.size)} rows: training ${formatNumber(t.mean)}, validation ${formatNumber(v.mean)}.`
      : "";
  const [x0, x1] = extent(points.map((p) => p.size));
  const [y0, y1] = extent(points.flatMap((p) => [p.lo, p.hi]));
  return {
    ...base,
    marginLeft: 56,
    ariaDescription: `${opts.metricLabel} on the training rows and on held-out rows as the training set grows.${end}`,
    x: { label: "Training rows", grid: true, ...numberTicks(x0, x1, true) },
    y: { label: opts.metricLabel, grid: true, ...numberTicks(y0, y1) },
    color: {
      type: "ordinal",
      domain: ["Training", "Validation"],
      range: [SERIES_COLORS.Training, SERIES_COLORS.Validation],
      legend: true,
    },
    marks: [
      Plot.areaY(points, { x: "size", y1: "lo", y2: "hi", z: "series", fill: "series", fillOpacity: 0.15 }),
      Plot.line(points, { x: "size", y: "mean", z: "series", stroke: "series", strokeWidth: 2 }),
      Plot.dot(points, {
        x: "size",
        y: "mean",
        fill: "series",
        r: 3,
        title: (d: Point) => `${d.series}: ${formatNumber(d.mean)} at ${formatNumber(d.size)} rows`,
      }),
    ],
  };
}
