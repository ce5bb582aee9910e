import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { SAMPLING_STRATEGY } from "./samplingStrategy.ts";

export interface Params {
  k: number;
  sampling_strategy: number;
}

/** SMOTE oversampling of the rarer classes (see the file comment). */
export const smoteInfo: StepInfo = {
  type: "smote",
  label: "SMOTE oversampling",
  category: "imbalance",
  defaults: { k: 5, sampling_strategy: 1 },
  params: {
    k: {
      type: "number",
      min: 1,
      max: 50,
      integer: true,
      doc: "nearest same-class neighbours to interpolate towards",
    },
    sampling_strategy: SAMPLING_STRATEGY,
  },
  accepts: [],
  describe: (config) =>
    `Adds synthetic training rows to the rarer classes, each between a row and one of its ${readParams<Params>(smoteInfo, config).k} nearest same-class neighbours, until the classes are balanced.`,
  validate: (config) => checkParams(smoteInfo, config),
};
