import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";

/**
 * Replaces each category by its share of the training rows (CountEncoder with normalize=True, as
 * in category_encoders). Missing values are a category of their own (their training share); a
 * level unseen in training gets 0.
 */
export const frequencyInfo: StepInfo = {
  type: "frequency",
  label: "Frequency encode",
  category: "encoding",
  defaults: {},
  params: {},
  accepts: CATEGORY_KINDS,
  describe: (config) =>
    `Replaces ${columnsPhrase(config, "every categorical column")} by how common each level is in the training rows.`,
  validate: (config) => checkParams(frequencyInfo, config),
};
