/**
 * The three linear scalers, after scikit-learn's StandardScaler, MinMaxScaler and RobustScaler.
 * Statistics skip missing values and come from the training rows only.
 */
import { checkParams } from "../params.ts";
import { meanStd, minMax, quantiles } from "../stats.ts";
import type { StepConfig, StepDef } from "../step.ts";
import { type AffineState, FOR_MODELS, makeAffineStep, safeScale } from "./affine.ts";

const withCheck = (def: StepDef<AffineState>, extra?: (p: Record<string, unknown>) => string | null) => {
  def.validate = (config: StepConfig) => checkParams(def, config, extra);
  return def;
};

interface StandardParams {
  with_mean: boolean;
  with_std: boolean;
}

/** (x - mean) / std with the population standard deviation (ddof 0), as scikit-learn. */
export const standardStep = withCheck(
  makeAffineStep<StandardParams>({
    type: "standard",
    label: "Standardise",
    defaults: { with_mean: true, with_std: true, for_models: "all" },
    params: { with_mean: { type: "boolean" }, with_std: { type: "boolean" }, for_models: FOR_MODELS },
    sentence: (cols) =>
      `Centres ${cols} on the training mean and divides by the training standard deviation.`,
    fitColumn(values, p) {
      const { mean, std } = meanStd(values);
      const s = p.with_std ? safeScale(std) : 1;
      const m = p.with_mean && Number.isFinite(mean) ? mean : 0;
      return { a: 1 / s, b: -m / s };
    },
  }),
);

interface MinMaxParams {
  min: number;
  max: number;
}

/** Maps the training range [min, max] onto [params.min, params.max] (default [0, 1]); new data may fall outside. */
export const minMaxStep = withCheck(
  makeAffineStep<MinMaxParams>({
    type: "minmax",
    label: "Scale to a range",
    defaults: { min: 0, max: 1, for_models: "all" },
    params: { min: { type: "number" }, max: { type: "number" }, for_models: FOR_MODELS },
    sentence: (cols, p) => `Maps the training range of ${cols} onto ${p.min} to ${p.max}.`,
    fitColumn(values, p) {
      const { min, max } = minMax(values);
      const a = (p.max - p.min) / safeScale(max - min);
      return { a, b: Number.isFinite(min) ? p.min - min * a : p.min };
    },
  }),
  (p) =>
    (p.min as number) < (p.max as number)
      ? null
      : `params.min must be below params.max, got ${p.min} and ${p.max}`,
);

interface RobustParams {
  with_centering: boolean;
  with_scaling: boolean;
  q_low: number;
  q_high: number;
}

/** (x - median) / (q75 - q25): outliers barely move the statistics. */
export const robustStep = withCheck(
  makeAffineStep<RobustParams>({
    type: "robust",
    label: "Robust scale",
    defaults: { with_centering: true, with_scaling: true, q_low: 25, q_high: 75, for_models: "all" },
    params: {
      with_centering: { type: "boolean" },
      with_scaling: { type: "boolean" },
      q_low: { type: "number", min: 0, max: 100, doc: "lower percentile of the spread" },
      q_high: { type: "number", min: 0, max: 100, doc: "upper percentile of the spread" },
      for_models: FOR_MODELS,
    },
    sentence: (cols, p) =>
      `Centres ${cols} on the training median and divides by the spread between the ${p.q_low}th and ${p.q_high}th percentiles.`,
    fitColumn(values, p) {
      const [lo, med, hi] = quantiles(values, [p.q_low / 100, 0.5, p.q_high / 100]);
      const s = p.with_scaling ? safeScale(hi - lo) : 1;
      const m = p.with_centering && Number.isFinite(med) ? med : 0;
      return { a: 1 / s, b: -m / s };
    },
  }),
  (p) => ((p.q_low as number) < (p.q_high as number) ? null : `params.q_low must be below params.q_high`),
);
