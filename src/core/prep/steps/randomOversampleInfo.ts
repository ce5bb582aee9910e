import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { SAMPLING_STRATEGY } from "./samplingStrategy.ts";

/**
 * Random oversampling (imbalanced-learn's RandomOverSampler): repeats randomly drawn rows of each
 * smaller class (with replacement, seeded) until it reaches `sampling_strategy` times the largest.
 * The copies follow the original rows. Training only.
 */
export const randomOversampleInfo: StepInfo = {
  type: "random_oversample",
  label: "Oversample rare classes",
  category: "imbalance",
  defaults: { sampling_strategy: 1 },
  params: { sampling_strategy: SAMPLING_STRATEGY },
  accepts: [],
  describe: () => "Repeats random training rows of the rarer classes until the classes are balanced.",
  validate: (config) => checkParams(randomOversampleInfo, config),
};
