import * as Plot from "@observablehq/plot";
import { formatNumber } from "../charts/formatNumber.ts";
import { extent, NO_DATA, numberTicks } from "../charts/specs/axis.ts";
import { SERIES_COLORS } from "../charts/specs/learningCurveSpec.ts";

/** Scores against one hyperparameter (the shape of core's ValidationCurve). */
export interface ValidationCurveData {
  label: string;
  log: boolean;
  values: readonly number[];
  trainMean: readonly number[];
  trainStd: readonly number[];
  validationMean: readonly number[];
  validationStd: readonly number[];
}

interface Point {
  series: "Training" | "Validation";
  value: number;
  mean: number;
  lo: number;
  hi: number;
}

/**
 * Training and validation scores against a hyperparameter's value, each with a band of ± one
 * standard deviation over the folds (a log axis for log-scaled parameters such as C). Where the
 * curves part, the model starts to overfit; where both are low, it underfits.
 */
export function validationCurveSpec(
  curve: ValidationCurveData,
  opts: { metricLabel: string; direction?: "higher" | "lower"; width?: number; height?: number },
): Plot.PlotOptions {
  const points: Point[] = [];
  const add = (series: Point["series"], mean: readonly number[], std: readonly number[]) => {
    curve.values.forEach((value, i) => {
      const m = mean[i];
      if (!Number.isFinite(m) || !Number.isFinite(value)) return;
      const s = Number.isFinite(std[i]) ? std[i] : 0;
      points.push({ series, value, mean: m, lo: m - s, hi: m + s });
    });
  };
  add("Training", curve.trainMean, curve.trainStd);
  add("Validation", curve.validationMean, curve.validationStd);
  const ariaLabel = `Validation curve: ${opts.metricLabel} against ${curve.label}`;
  const base = { width: opts.width, height: opts.height ?? 300, ariaLabel };
  if (points.length === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  const valid = points.filter((p) => p.series === "Validation");
  const lower = opts.direction === "lower";
  const best = valid.reduce(
    (a, b) => ((lower ? b.mean < a.mean : b.mean > a.mean) ? b : a),
    valid[0] ?? points[0],
  );
  const [x0, x1] = extent(points.map((p) => p.value));
  const [y0, y1] = extent(points.flatMap((p) => [p.lo, p.hi]));
  return {
    ...base,
    marginLeft: 56,
    ariaDescription: `${opts.metricLabel} on the training rows and on held-out rows as ${curve.label} changes. Best validation score ${formatNumber(best.mean)} at ${formatNumber(best.value)}.`,
    x: curve.log
      ? { type: "log", label: curve.label, grid: true }
      : { label: curve.label, grid: true, ...numberTicks(x0, x1, true) },
    y: { label: opts.metricLabel, grid: true, ...numberTicks(y0, y1) },
    color: {
      type: "ordinal",
      domain: ["Training", "Validation"],
      range: [SERIES_COLORS.Training, SERIES_COLORS.Validation],
      legend: true,
    },
    marks: [
      Plot.areaY(points, { x: "value", y1: "lo", y2: "hi", z: "series", fill: "series", fillOpacity: 0.15 }),
      Plot.line(points, { x: "value", y: "mean", z: "series", stroke: "series", strokeWidth: 2 }),
      Plot.dot(points, {
        x: "value",
        y: "mean",
        fill: "series",
        r: 3,
        title: (d: Point) =>
          `${d.series}: ${formatNumber(d.mean)} at ${curve.label} ${formatNumber(d.value)}`,
      }),
    ],
  };
}
