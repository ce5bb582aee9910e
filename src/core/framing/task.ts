import type { Task } from "../models/estimator.ts";

/** The kind of supervised problem a target column poses (the estimators' own Task). */
export type { Task };

export const TASK_LABELS: Record<Task, string> = {
  binary: "binary classification",
  multiclass: "multiclass classification",
  regression: "regression",
};

export const isClassification = (task: Task) => task !== "regression";
