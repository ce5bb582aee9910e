import { COLUMN_KINDS, type ColumnKind } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

export interface Params {
  kind: ColumnKind;
}

/**
 * Re-types the listed columns (see convertColumn: text that does not parse becomes missing).
 * Turning a column into an "id" takes it out of the features.
 */
export const fixTypeInfo: StepInfo = {
  type: "fix_type",
  label: "Change column type",
  category: "cleaning",
  defaults: { kind: "numeric" },
  params: { kind: { type: "enum", values: COLUMN_KINDS } },
  accepts: COLUMN_KINDS,
  describe: (config) =>
    `Reads ${columnsPhrase(config, "no columns")} as ${readParams<Params>(fixTypeInfo, config).kind}.`,
  validate(config) {
    checkParams(fixTypeInfo, config);
    if (config.columns === "auto") throw new ValidationError("fix_type: list the columns to re-type");
  },
};
