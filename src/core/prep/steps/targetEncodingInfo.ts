import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";

/**
 * Replaces each category by the smoothed mean of the target over its training rows (the
 * m-estimate (sum + m * prior) / (count + m), as category_encoders' MEstimateEncoder):
 * regression the mean value, binary the share of class 1, multiclass one share column per
 * class. Missing values are a level of their own; unseen levels get the prior. The training
 * rows' own output is out-of-fold (a seeded inner k-fold), so no row sees its own target; new
 * data gets the means over all training rows.
 */
export const targetEncodingInfo: StepInfo = {
  type: "target_encoding",
  label: "Target encode",
  category: "encoding",
  defaults: { smoothing: 10, folds: 5 },
  params: {
    smoothing: { type: "number", min: 0, doc: "weight of the prior, in rows" },
    folds: { type: "number", min: 2, max: 20, integer: true, doc: "inner folds for the training output" },
  },
  accepts: CATEGORY_KINDS,
  describe: (config) =>
    `Replaces ${columnsPhrase(config, "every categorical column")} by the smoothed average target of each level, computed out-of-fold on the training rows.`,
  validate: (config) => checkParams(targetEncodingInfo, config),
};
