import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

export interface Params {
  method: "iqr" | "zscore";
  /** IQR fences: [q1 - factor * IQR, q3 + factor * IQR] (Tukey's 1.5 by default). */
  factor: number;
  /** z-score fences: mean ± threshold * standard deviation. */
  threshold: number;
  action: "flag" | "clip" | "drop";
}

/**
 * Finds values outside fences fitted on the training rows (IQR or z-score) and flags them (a 0/1
 * `<col>_outlier` column after each), clips them to the fences, or drops the training rows that
 * hold them. "drop" is training only: new rows keep their values and are all scored. Missing
 * values are never outliers.
 */
export const outliersInfo: StepInfo = {
  type: "outliers",
  label: "Handle outliers",
  category: "cleaning",
  defaults: { method: "iqr", factor: 1.5, threshold: 3, action: "clip" },
  params: {
    method: { type: "enum", values: ["iqr", "zscore"] },
    factor: { type: "number", min: 0, doc: "IQR multiple for the fences" },
    threshold: { type: "number", min: 0, doc: "standard deviations for z-score fences" },
    action: { type: "enum", values: ["flag", "clip", "drop"] },
  },
  accepts: ["numeric"],
  describe(config) {
    const p = readParams<Params>(outliersInfo, config);
    const fence =
      p.method === "iqr"
        ? `${p.factor} IQR beyond the quartiles`
        : `${p.threshold} standard deviations from the mean`;
    const what = { flag: "Flags", clip: "Clips", drop: "Drops training rows with" }[p.action];
    return `${what} values of ${columnsPhrase(config, "every numeric column")} more than ${fence} of the training rows.`;
  },
  validate: (config) => checkParams(outliersInfo, config),
};
