import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { boolParam, checkConfig, listParam } from "../shared/params.ts";

/** Calendar parts a date column can be split into. Days of the week run 0 = Monday .. 6 = Sunday (as pandas). */
export type DatePart =
  | "year"
  | "month"
  | "day"
  | "day_of_week"
  | "is_weekend"
  | "quarter"
  | "hour"
  | "day_of_year";

/** Every date part, in menu order; the first seven are the default. */
export const DATE_PARTS: readonly DatePart[] = [
  "year",
  "month",
  "day",
  "day_of_week",
  "is_weekend",
  "quarter",
  "hour",
  "day_of_year",
];

export function readParams(config: StepConfig) {
  return {
    parts: listParam(config, "parts", DATE_PARTS, DATE_PARTS.slice(0, 7)),
    keepSource: boolParam(config, "keep_source", false),
  };
}

/**
 * Splits datetime columns into calendar parts (`year(d)`, `month(d)`, ...; UTC). The hour is made
 * only when the training rows' times of day vary; the source column is dropped unless
 * `keep_source`. Missing dates give missing parts.
 */
export const datePartsInfo: StepInfo = {
  type: "date_parts",
  label: "Date parts",
  category: "features",
  defaults: { parts: DATE_PARTS.slice(0, 7), keep_source: false },
  params: {
    parts: { type: "strings", doc: `Any of ${DATE_PARTS.join(", ")}; the hour only when times vary.` },
    keep_source: { type: "boolean", doc: "Keep the date column itself." },
  },
  accepts: ["datetime"],
  describe(config) {
    const { parts, keepSource } = readParams(config);
    return `Splits dates into ${parts.join(", ")}${keepSource ? ", keeping the date" : ""}.`;
  },
  validate: (config) => checkConfig(datePartsInfo, config, readParams),
};
