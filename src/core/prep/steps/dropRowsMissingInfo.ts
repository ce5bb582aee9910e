import { COLUMN_KINDS } from "../../data/frame.ts";
import { columnsPhrase, percent } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

export interface Params {
  threshold: number;
}

/**
 * Drops training rows missing more than `threshold` of the chosen columns' values. Training only:
 * new rows are always kept, since every row of new data needs a prediction.
 */
export const dropRowsMissingInfo: StepInfo = {
  type: "drop_rows_missing",
  label: "Drop rows with missing values",
  category: "cleaning",
  defaults: { threshold: 0.5 },
  params: {
    threshold: {
      type: "number",
      min: 0,
      max: 1,
      doc: "share of missing cells above which a training row goes",
    },
  },
  accepts: COLUMN_KINDS,
  describe(config) {
    const p = readParams<Params>(dropRowsMissingInfo, config);
    return `Drops training rows missing more than ${percent(p.threshold)} of ${columnsPhrase(config, "their feature values")}.`;
  },
  validate: (config) => checkParams(dropRowsMissingInfo, config),
};
