import { CATEGORY_COLORS } from "./colorBy.ts";

/** One class's curve as drawable points. */
export interface CurvePoint {
  series: string;
  x: number;
  y: number;
}

/** Zips two typed arrays into points of one series, leaving out non-finite pairs. */
export function curvePoints(series: string, xs: ArrayLike<number>, ys: ArrayLike<number>): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) out.push({ series, x: xs[i], y: ys[i] });
  }
  return out;
}

/** An ordinal colour scale over the series names (one colour and no legend for one series). */
export function seriesColor(names: readonly string[], label: string) {
  return {
    type: "ordinal" as const,
    domain: [...names],
    range: [...CATEGORY_COLORS],
    legend: names.length > 1,
    label,
  };
}

/** The dashed reference line from (0, 0) to (1, 1): chance for ROC, perfect calibration. */
export const DIAGONAL = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
];
