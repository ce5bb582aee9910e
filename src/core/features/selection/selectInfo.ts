import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { checkConfig, enumParam, intParam, nullableNumberParam, numberParam } from "../shared/params.ts";
import { QUICK_MODELS, type QuickModelId, SELECT_METHODS, type SelectMethod } from "./selectMethods.ts";

/** How the select step picks: the method's own rule, the top k, or a score threshold. */
export type KeepRule = "auto" | "k" | "threshold";

export const PROBE_METHODS = SELECT_METHODS.filter((m) => m !== "random_probe" && m !== "variance_threshold");

export function readParams(config: StepConfig) {
  return {
    method: enumParam(config, "method", SELECT_METHODS, "mutual_info"),
    keep: enumParam<KeepRule>(config, "keep", ["auto", "k", "threshold"], "auto"),
    k: intParam(config, "k", 10, 1),
    threshold: numberParam(config, "threshold", 0, -Number.MAX_VALUE),
    model: enumParam<QuickModelId | "auto">(config, "model", ["auto", ...QUICK_MODELS], "auto"),
    step: numberParam(config, "step", 0.2, 0.01, 0.9),
    probes: nullableNumberParam(config, "probes", 1, 100, true) ?? undefined,
    probeMethod: enumParam(config, "probe_method", PROBE_METHODS, "tree_importance") as Exclude<
      SelectMethod,
      "random_probe" | "variance_threshold"
    >,
    probeQuantile: numberParam(config, "probe_quantile", 1, 0, 1),
    maxRows: intParam(config, "max_rows", 5000, 50),
    minFeatures: intParam(config, "min_features", 1, 0),
  };
}

/**
 * Feature selection: scores the numeric feature columns on (a seeded sample of at most `max_rows`)
 * training rows with `method` (see `scoreFeatures`), keeps the method's own choice ("auto"), the
 * top `k`, or those scoring at least `threshold` (more than it for variance_threshold, as
 * scikit-learn's VarianceThreshold), and at least `min_features` of the best in any case;
 * `transform` drops the rest. Non-numeric columns are not scored and always kept.
 */
export const selectInfo: StepInfo = {
  type: "select",
  label: "Select features",
  category: "selection",
  defaults: {
    method: "mutual_info",
    keep: "auto",
    k: 10,
    threshold: 0,
    model: "auto",
    step: 0.2,
    probes: null,
    probe_method: "tree_importance",
    probe_quantile: 1,
    max_rows: 5000,
    min_features: 1,
  },
  params: {
    method: { type: "enum", values: SELECT_METHODS },
    keep: {
      type: "enum",
      values: ["auto", "k", "threshold"],
      doc: "The method's own rule, the top k, or a score threshold.",
    },
    k: { type: "number", min: 1, integer: true },
    threshold: { type: "number" },
    model: {
      type: "enum",
      values: ["auto", ...QUICK_MODELS],
      doc: "Model of rfe, tree_importance and permutation.",
    },
    step: {
      type: "number",
      min: 0.01,
      max: 0.9,
      doc: "rfe: share of the remaining features dropped per round.",
    },
    probes: {
      type: "number",
      min: 1,
      max: 100,
      integer: true,
      nullable: true,
      doc: "random_probe: noise columns; null: as many as features (10 to 50).",
    },
    probe_method: {
      type: "enum",
      values: PROBE_METHODS,
      doc: "random_probe: the method scoring features and probes.",
    },
    probe_quantile: {
      type: "number",
      min: 0,
      max: 1,
      doc: "random_probe: the probe score quantile to beat (1: the best).",
    },
    max_rows: { type: "number", min: 50, integer: true, doc: "Training rows sampled for scoring." },
    min_features: { type: "number", min: 0, integer: true, doc: "Features kept whatever the rule says." },
  },
  accepts: ["numeric", "boolean"],
  describe(config) {
    const { method, keep, k, threshold } = readParams(config);
    const rule =
      keep === "k"
        ? `the top ${k}`
        : keep === "threshold"
          ? `those scoring at least ${threshold}`
          : "the method's choice";
    return `Keeps ${rule} of the numeric features by ${method.replace("_", " ")}.`;
  },
  validate: (config) => checkConfig(selectInfo, config, readParams),
};
