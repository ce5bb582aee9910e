import { columnsPhrase, percent } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";
import { CATEGORY_KINDS, FLOAT_KINDS } from "../stepKinds.ts";

export type Strategy = "mean" | "median" | "most_frequent" | "constant" | "knn";

export interface Params {
  strategy: Strategy;
  /** Fill for numeric columns under "constant". */
  fill_value: number;
  /** Fill for categorical columns under "constant". */
  fill_text: string;
  add_indicator: boolean;
  /** Indicators only for columns missing in more than this share of the training rows. */
  indicator_threshold: number;
  /** Which kinds "auto" picks. */
  scope: "all" | "numeric" | "categorical";
  k: number;
  /** Most training rows kept as the kNN reference set. */
  max_reference: number;
}

/**
 * Fills missing values with statistics of the training rows: mean, median, most frequent, a
 * constant, or the mean of the k nearest training rows (kNN, on the numeric columns). Categorical
 * columns take the most frequent level under every strategy but "constant" (which uses
 * `fill_text`); booleans take their most frequent value under mean / median. With
 * `add_indicator`, a 0/1 column `<col>_missing` follows each column that had missing training
 * values (above `indicator_threshold`), as scikit-learn's SimpleImputer(add_indicator=True).
 */
export const imputeInfo: StepInfo = {
  type: "impute",
  label: "Fill missing values",
  category: "cleaning",
  defaults: {
    strategy: "median",
    fill_value: 0,
    fill_text: "missing",
    add_indicator: false,
    indicator_threshold: 0,
    scope: "all",
    k: 5,
    max_reference: 2000,
  },
  params: {
    strategy: { type: "enum", values: ["mean", "median", "most_frequent", "constant", "knn"] },
    fill_value: { type: "number", doc: "numeric fill under constant" },
    fill_text: { type: "string", doc: "categorical fill under constant" },
    add_indicator: { type: "boolean", doc: "add <col>_missing 0/1 columns" },
    indicator_threshold: {
      type: "number",
      min: 0,
      max: 1,
      doc: "indicators only above this training missing share",
    },
    scope: { type: "enum", values: ["all", "numeric", "categorical"], doc: "kinds picked by auto" },
    k: { type: "number", min: 1, integer: true, doc: "neighbours under knn" },
    max_reference: {
      type: "number",
      min: 1,
      integer: true,
      doc: "training rows kept as the knn reference set",
    },
  },
  accepts: [...FLOAT_KINDS, ...CATEGORY_KINDS],
  describe(config) {
    const p = readParams<Params>(imputeInfo, config);
    const auto = p.scope === "all" ? "every column" : `every ${p.scope} column`;
    const how =
      p.strategy === "knn"
        ? `the mean of the ${p.k} most similar training rows`
        : p.strategy === "constant"
          ? `${p.fill_value} (text: "${p.fill_text}")`
          : `the training ${p.strategy.replace("_", " ")} value`;
    const flag = p.add_indicator
      ? `, adding a <col>_missing flag${p.indicator_threshold > 0 ? ` where over ${percent(p.indicator_threshold)} is missing` : ""}`
      : "";
    return `Fills missing values in ${columnsPhrase(config, auto)} with ${how}${flag}.`;
  },
  validate: (config) => checkParams(imputeInfo, config),
};
