/**
 * The three linear scalers, after scikit-learn's StandardScaler, MinMaxScaler and RobustScaler.
 * Statistics skip missing values and come from the training rows only.
 */
import { meanStd, minMax, quantiles } from "../stats.ts";
import { makeAffineStep, safeScale } from "./affine.ts";
import {
  type MinMaxParams,
  minMaxInfo,
  type RobustParams,
  robustInfo,
  type StandardParams,
  standardInfo,
} from "./scalersInfo.ts";

/** (x - mean) / std with the population standard deviation (ddof 0), as scikit-learn. */
export const standardStep = makeAffineStep<StandardParams>(standardInfo, (values, p) => {
  const { mean, std } = meanStd(values);
  const s = p.with_std ? safeScale(std) : 1;
  const m = p.with_mean && Number.isFinite(mean) ? mean : 0;
  return { a: 1 / s, b: -m / s };
});

/** Maps the training range [min, max] onto [params.min, params.max] (default [0, 1]); new data may fall outside. */
export const minMaxStep = makeAffineStep<MinMaxParams>(minMaxInfo, (values, p) => {
  const { min, max } = minMax(values);
  const a = (p.max - p.min) / safeScale(max - min);
  return { a, b: Number.isFinite(min) ? p.min - min * a : p.min };
});

/** (x - median) / (q75 - q25): outliers barely move the statistics. */
export const robustStep = makeAffineStep<RobustParams>(robustInfo, (values, p) => {
  const [lo, med, hi] = quantiles(values, [p.q_low / 100, 0.5, p.q_high / 100]);
  const s = p.with_scaling ? safeScale(hi - lo) : 1;
  const m = p.with_centering && Number.isFinite(med) ? med : 0;
  return { a: 1 / s, b: -m / s };
});
