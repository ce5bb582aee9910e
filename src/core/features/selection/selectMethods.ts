/**
 * The choices of the `select` step, for its catalogue part and the UI: scoring methods, the tasks
 * each handles, and the quick models (by registry id) that some methods fit.
 */
import type { Task } from "../../framing/task.ts";

/** Model families feature scoring can fit, by their registry ids (see quickModel.ts). */
export type QuickModelId = "linear" | "logistic" | "random_forest" | "extra_trees";
/** Every quick model id. */
export const QUICK_MODELS: readonly QuickModelId[] = ["linear", "logistic", "random_forest", "extra_trees"];

/** Feature scoring methods of the `select` step. */
export type SelectMethod =
  | "anova_f"
  | "chi2"
  | "mutual_info"
  | "correlation"
  | "variance_threshold"
  | "rfe"
  | "tree_importance"
  | "l1"
  | "permutation"
  | "random_probe";

/** Every selection method, in menu order. */
export const SELECT_METHODS: readonly SelectMethod[] = [
  "anova_f",
  "chi2",
  "mutual_info",
  "correlation",
  "variance_threshold",
  "rfe",
  "tree_importance",
  "l1",
  "permutation",
  "random_probe",
];

/** The tasks each method handles. */
export const METHOD_TASKS: Record<SelectMethod, readonly Task[]> = {
  anova_f: ["binary", "multiclass"],
  chi2: ["binary", "multiclass"],
  mutual_info: ["regression", "binary", "multiclass"],
  correlation: ["regression", "binary"],
  variance_threshold: ["regression", "binary", "multiclass"],
  rfe: ["regression", "binary", "multiclass"],
  tree_importance: ["regression", "binary", "multiclass"],
  l1: ["regression", "binary", "multiclass"],
  permutation: ["regression", "binary", "multiclass"],
  random_probe: ["regression", "binary", "multiclass"],
};
