import { type CalibrationCurve, calibrationCurve } from "../../eval/calibrationCurve.ts";
import { averagePrecision, type PrCurve, prCurve } from "../../eval/prCurve.ts";
import { type RocCurve, rocAucBinary, rocCurve } from "../../eval/rocCurve.ts";

/** ROC, precision-recall and calibration of one class against the rest. */
export interface ClassCurves {
  /** The class treated as positive. */
  class: string;
  roc: RocCurve;
  auc: number;
  pr: PrCurve;
  averagePrecision: number;
  calibration: CalibrationCurve;
}

/**
 * Keeps at most `max` points of a curve (the first and the last always), evenly spaced by index:
 * enough to draw, small enough to post and plot for any row count.
 */
export function thinCurve<T extends object>(curve: T, max: number): T {
  const columns = curve as unknown as Record<string, Float64Array>;
  const n = Object.values(columns)[0]?.length ?? 0;
  if (n <= max || max < 2) return curve;
  const keep = Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
  const out: Record<string, Float64Array> = {};
  for (const [key, values] of Object.entries(columns)) out[key] = Float64Array.from(keep, (i) => values[i]);
  return out as unknown as T;
}

/**
 * Per-class curves from class indices and row-major probabilities (rows x classes). Two classes:
 * one entry, class 1 positive (the metrics' convention). More: one-vs-rest for every class present
 * with both positive and negative rows. Curves are thinned to `maxPoints`; areas use every row.
 */
export function classCurves(
  yTrue: Float64Array,
  proba: Float64Array,
  classes: string[],
  opts: { maxPoints?: number; bins?: number } = {},
): ClassCurves[] {
  const k = classes.length;
  const n = yTrue.length;
  const max = opts.maxPoints ?? 500;
  const wanted = k === 2 ? [1] : classes.map((_, c) => c);
  const out: ClassCurves[] = [];
  for (const c of wanted) {
    const positive = Uint8Array.from(yTrue, (v) => (v === c ? 1 : 0));
    const count = positive.reduce((a, b) => a + b, 0);
    if (k > 2 && (count === 0 || count === n)) continue;
    const scores = Float64Array.from({ length: n }, (_, i) => proba[i * k + c]);
    out.push({
      class: classes[c],
      roc: thinCurve(rocCurve(positive, scores), max),
      auc: rocAucBinary(positive, scores),
      pr: thinCurve(prCurve(positive, scores), max),
      averagePrecision: averagePrecision(positive, scores),
      calibration: calibrationCurve(positive, scores, opts.bins ?? 10),
    });
  }
  return out;
}
