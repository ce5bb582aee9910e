import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";

/**
 * Replaces each category by its rank 0, 1, 2, ... in a user-set order (e.g. low < medium < high),
 * or by natural order of the training levels when no order is set. A level outside the order
 * (unseen in training, or missing from a user order) becomes NaN or -1 (`unknown`); missing stays NaN.
 */
export const ordinalInfo: StepInfo = {
  type: "ordinal",
  label: "Ordinal encode",
  category: "encoding",
  defaults: { order: {}, unknown: "nan" },
  params: {
    order: { type: "record", doc: "column → levels from lowest to highest" },
    unknown: { type: "enum", values: ["nan", "minus_one"], doc: "what a level outside the order becomes" },
  },
  accepts: CATEGORY_KINDS,
  describe: (config) =>
    `Replaces ${columnsPhrase(config, "every categorical column")} by the rank of each level in its order.`,
  validate(config) {
    checkParams(ordinalInfo, config, (p) => {
      for (const [col, levels] of Object.entries(p.order as Record<string, unknown>)) {
        if (!Array.isArray(levels) || !levels.every((l) => typeof l === "string")) {
          return `params.order.${col}: expected a list of levels`;
        }
        if (new Set(levels).size !== levels.length) return `params.order.${col}: a level is listed twice`;
      }
      return null;
    });
  },
};
