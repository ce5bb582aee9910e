/** The kind of supervised problem a target column poses; models, metrics and steps all read it from here. */
export type Task = "regression" | "binary" | "multiclass";

export const TASK_LABELS: Record<Task, string> = {
  binary: "binary classification",
  multiclass: "multiclass classification",
  regression: "regression",
};

export const isClassification = (task: Task) => task !== "regression";
