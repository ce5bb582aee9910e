import { COLUMN_KINDS } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { columnsPhrase, percent } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

export interface Params {
  /** Drop only the chosen columns whose training missing share exceeds this; null drops them all. */
  missing_threshold: number | null;
}

/**
 * Drops columns: the listed ones, or (with `missing_threshold`) those of the listed / all feature
 * columns missing in more than that share of the training rows. New data loses the same columns.
 */
export const dropColumnsInfo: StepInfo = {
  type: "drop_columns",
  label: "Drop columns",
  category: "cleaning",
  defaults: { missing_threshold: null },
  params: {
    missing_threshold: {
      type: "number",
      min: 0,
      max: 1,
      nullable: true,
      doc: "missing share above which a column goes",
    },
  },
  accepts: COLUMN_KINDS,
  describe(config) {
    const p = readParams<Params>(dropColumnsInfo, config);
    if (p.missing_threshold === null) return `Drops ${columnsPhrase(config, "no columns")}.`;
    const which = columnsPhrase(config, "any column");
    return `Drops ${which === "any column" ? which : `any of ${which}`} missing in more than ${percent(p.missing_threshold)} of the training rows.`;
  },
  validate(config) {
    checkParams(dropColumnsInfo, config);
    if (config.columns === "auto" && readParams<Params>(dropColumnsInfo, config).missing_threshold === null) {
      throw new ValidationError("drop_columns: list the columns or set params.missing_threshold");
    }
  },
};
