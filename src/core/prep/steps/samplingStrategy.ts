import type { ParamSpec } from "../step.ts";

/** The shared `sampling_strategy` param of the oversampling and undersampling steps. */
export const SAMPLING_STRATEGY: ParamSpec = {
  type: "number",
  min: 0.01,
  max: 1,
  doc: "size of each smaller class as a share of the largest after resampling (1 = balanced)",
};
