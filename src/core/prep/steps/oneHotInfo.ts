import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";

export interface Params {
  /** Most levels that get their own column; rarer ones pool into `<col>=(other)`. */
  max_levels: number;
  /** A level never seen in training: all zeros, or the `(other)` column (made even without pooling). */
  unseen: "zeros" | "other";
  /** Missing values: their own `<col>=(missing)` column when training had any, or all zeros. */
  missing: "indicator" | "zeros";
}

/**
 * One 0/1 column `<col>=<level>` per training level, in place of the column. At most
 * `max_levels` levels (the most frequent) get a column; the rest pool into `<col>=(other)`.
 * Levels unseen in training give all zeros (or the other column with `unseen: "other"`). Missing
 * values get their own `<col>=(missing)` column when the training rows had any, all zeros
 * otherwise (and always with `missing: "zeros"`).
 */
export const oneHotInfo: StepInfo = {
  type: "one_hot",
  label: "One-hot encode",
  category: "encoding",
  defaults: { max_levels: 20, unseen: "zeros", missing: "indicator" },
  params: {
    max_levels: {
      type: "number",
      min: 1,
      integer: true,
      doc: "levels with their own column; the rest pool into (other)",
    },
    unseen: { type: "enum", values: ["zeros", "other"], doc: "what a level unseen in training becomes" },
    missing: { type: "enum", values: ["indicator", "zeros"], doc: "what a missing value becomes" },
  },
  accepts: CATEGORY_KINDS,
  describe(config) {
    const p = readParams<Params>(oneHotInfo, config);
    return `Turns ${columnsPhrase(config, "every categorical column")} into one 0/1 column per level (at most ${p.max_levels}, rarer levels pooled as "other").`;
  },
  validate: (config) => checkParams(oneHotInfo, config),
};
