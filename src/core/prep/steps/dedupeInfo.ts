import { COLUMN_KINDS } from "../../data/frame.ts";
import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

/**
 * Keeps the first of each group of identical training rows (over the chosen columns, and the
 * target unless `include_target` is off). Training only: new rows are all scored.
 */
export const dedupeInfo: StepInfo = {
  type: "dedupe",
  label: "Drop duplicate rows",
  category: "cleaning",
  defaults: { include_target: true },
  params: { include_target: { type: "boolean", doc: "rows must agree on the target too" } },
  accepts: COLUMN_KINDS,
  describe: (config) =>
    `Drops training rows that repeat an earlier row in ${columnsPhrase(config, "every column")}.`,
  validate: (config) => checkParams(dedupeInfo, config),
};
