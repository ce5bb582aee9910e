import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { SAMPLING_STRATEGY } from "./samplingStrategy.ts";

/**
 * Random undersampling (imbalanced-learn's RandomUnderSampler): keeps a seeded random subset of
 * each larger class so that the smallest is `sampling_strategy` times its size. Kept rows stay in
 * their original order. Training only.
 */
export const randomUndersampleInfo: StepInfo = {
  type: "random_undersample",
  label: "Undersample common classes",
  category: "imbalance",
  defaults: { sampling_strategy: 1 },
  params: { sampling_strategy: SAMPLING_STRATEGY },
  accepts: [],
  describe: () => "Drops random training rows of the commoner classes until the classes are balanced.",
  validate: (config) => checkParams(randomUndersampleInfo, config),
};
