import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

/**
 * Balanced class weights as scikit-learn's compute_class_weight("balanced"): n / (k * n_c), so
 * every class carries the same total weight. Adds them as a training column with role "weight",
 * which training passes to the model as sample weights; new data gets no weight column.
 */
export const classWeightsInfo: StepInfo = {
  type: "class_weights",
  label: "Balance class weights",
  category: "imbalance",
  defaults: { name: "class_weight" },
  params: { name: { type: "string", doc: "name of the weight column" } },
  accepts: [],
  describe: () => "Weights training rows so that every class counts as much in total, however rare.",
  validate: (config) => checkParams(classWeightsInfo, config),
};
