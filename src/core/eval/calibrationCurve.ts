import { ValidationError } from "../errors.ts";
import { checkLengths, type Numbers } from "./metricInput.ts";

/** One point per non-empty bin, in increasing order of predicted probability. */
export interface CalibrationCurve {
  /** Mean predicted probability in the bin. */
  meanPredicted: Float64Array;
  /** Observed share of positives in the bin. */
  fractionPositive: Float64Array;
  /** Rows in the bin. */
  count: Float64Array;
  /** Lower edge of the bin. */
  binStart: Float64Array;
}

/**
 * Reliability diagram data with `nBins` uniform bins over [0, 1] (scikit-learn's
 * `calibration_curve`, strategy "uniform"); empty bins are dropped. `positive[i] === 1` marks a
 * positive row and `prob` is the predicted probability of the positive class.
 */
export function calibrationCurve(positive: Numbers, prob: Numbers, nBins = 10): CalibrationCurve {
  checkLengths(positive, prob, undefined, "probabilities");
  if (!Number.isInteger(nBins) || nBins < 1) throw new ValidationError(`invalid bins: ${nBins}`);
  const sumP = new Float64Array(nBins);
  const sumY = new Float64Array(nBins);
  const cnt = new Float64Array(nBins);
  for (let i = 0; i < prob.length; i++) {
    const b = Math.min(nBins - 1, Math.max(0, Math.floor(prob[i] * nBins)));
    sumP[b] += prob[i];
    sumY[b] += positive[i] === 1 ? 1 : 0;
    cnt[b]++;
  }
  const keep = Array.from({ length: nBins }, (_, b) => b).filter((b) => cnt[b] > 0);
  return {
    meanPredicted: Float64Array.from(keep, (b) => sumP[b] / cnt[b]),
    fractionPositive: Float64Array.from(keep, (b) => sumY[b] / cnt[b]),
    count: Float64Array.from(keep, (b) => cnt[b]),
    binStart: Float64Array.from(keep, (b) => b / nBins),
  };
}
