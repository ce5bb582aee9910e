import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { checkConfig, enumParam, listParam, namesParam } from "../shared/params.ts";

/** A statistic of a value column within a key group. */
export type GroupStat = "count" | "mean" | "sum" | "min" | "max";

/** Every group statistic, in menu order. */
export const GROUP_STATS: readonly GroupStat[] = ["count", "mean", "sum", "min", "max"];

export function readParams(config: StepConfig) {
  return {
    keys: namesParam(config, "keys", []),
    stats: listParam(config, "stats", GROUP_STATS, ["count", "mean"]),
    unseen: enumParam(config, "unseen", ["global", "nan"] as const, "global"),
  };
}

/**
 * Per key column (categorical; `keys`, or every categorical feature column when it is empty):
 * count, mean, sum, min, max of numeric value columns within each
 * key level, learned from the training rows and looked up by level on any rows: `mean(x by k)`,
 * `count(k)`. A key level the training rows lack (or a missing key) gets, with `unseen` "global",
 * count 0, sum 0 and the training rows' overall mean / min / max; with "nan", NaN throughout.
 */
export const groupAggregatesInfo: StepInfo = {
  type: "group_aggregates",
  label: "Group aggregates",
  category: "features",
  defaults: { keys: [], stats: ["count", "mean"], unseen: "global" },
  params: {
    keys: { type: "strings", doc: "Categorical key columns; empty: every categorical feature column." },
    stats: { type: "strings", doc: "Any of count, mean, sum, min, max." },
    unseen: { type: "enum", values: ["global", "nan"], doc: "What a key unseen in training gets." },
  },
  accepts: ["numeric"],
  describe(config) {
    const { keys, stats } = readParams(config);
    const by = keys.length > 0 ? keys.join(", ") : "categorical column's";
    return `Adds the ${stats.join(", ")} of numeric columns within each ${by} group.`;
  },
  validate: (config) => checkConfig(groupAggregatesInfo, config, readParams),
};
