/** Catalogue parts of the three linear scalers (implementations in scalers.ts). */
import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { ParamSpec, StepInfo } from "../step.ts";
import { SCALE_KINDS } from "../stepKinds.ts";

/** `for_models: "scaling"` marks a step only models that need scaled inputs (linear, kNN, MLP) use. */
export const FOR_MODELS: ParamSpec = {
  type: "enum",
  values: ["all", "scaling"],
  doc: '"scaling": only for models that need scaled inputs (linear, kNN, MLP); trees skip it',
};

function scalerInfo<P>(spec: {
  type: string;
  label: string;
  defaults: Record<string, unknown>;
  params: Record<string, ParamSpec>;
  sentence: (columns: string, p: P) => string;
  extra?: (p: Record<string, unknown>) => string | null;
}): StepInfo {
  const info: StepInfo = {
    type: spec.type,
    label: spec.label,
    category: "scaling",
    defaults: spec.defaults,
    params: spec.params,
    accepts: SCALE_KINDS,
    describe: (config) =>
      spec.sentence(columnsPhrase(config, "every numeric column"), readParams<P>(info, config)),
    validate: (config) => checkParams(info, config, spec.extra),
  };
  return info;
}

export interface StandardParams {
  with_mean: boolean;
  with_std: boolean;
}

/** (x - mean) / std with the population standard deviation (ddof 0), as scikit-learn. */
export const standardInfo = scalerInfo<StandardParams>({
  type: "standard",
  label: "Standardise",
  defaults: { with_mean: true, with_std: true, for_models: "all" },
  params: { with_mean: { type: "boolean" }, with_std: { type: "boolean" }, for_models: FOR_MODELS },
  sentence: (cols) => `Centres ${cols} on the training mean and divides by the training standard deviation.`,
});

export interface MinMaxParams {
  min: number;
  max: number;
}

/** Maps the training range [min, max] onto [params.min, params.max] (default [0, 1]); new data may fall outside. */
export const minMaxInfo = scalerInfo<MinMaxParams>({
  type: "minmax",
  label: "Scale to a range",
  defaults: { min: 0, max: 1, for_models: "all" },
  params: { min: { type: "number" }, max: { type: "number" }, for_models: FOR_MODELS },
  sentence: (cols, p) => `Maps the training range of ${cols} onto ${p.min} to ${p.max}.`,
  extra: (p) =>
    (p.min as number) < (p.max as number)
      ? null
      : `params.min must be below params.max, got ${p.min} and ${p.max}`,
});

export interface RobustParams {
  with_centering: boolean;
  with_scaling: boolean;
  q_low: number;
  q_high: number;
}

/** (x - median) / (q75 - q25): outliers barely move the statistics. */
export const robustInfo = scalerInfo<RobustParams>({
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
  extra: (p) =>
    (p.q_low as number) < (p.q_high as number) ? null : `params.q_low must be below params.q_high`,
});
