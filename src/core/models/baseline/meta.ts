import type { ModelMeta } from "../modelMeta.ts";

/** Parameters of `Baseline`. */
export interface BaselineParams {
  /** Regression only: predict the (weighted) mean or median of the training target. */
  strategy: "mean" | "median";
}

/** The floor every other model must beat: it ignores the features. */
export const BASELINE_META: ModelMeta<BaselineParams> = {
  id: "baseline",
  label: "Baseline",
  labelFor: (task, params) =>
    task === "regression" ? `Baseline (${params.strategy} of the target)` : "Baseline (majority class)",
  tasks: ["regression", "binary", "multiclass"],
  needsScaling: false,
  defaults: { strategy: "mean" },
  paramSpace: { strategy: { type: "choice", choices: ["mean", "median"] } },
};
