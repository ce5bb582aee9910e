/** The kind of supervised problem a target column poses. */
export type Task = "binary" | "multiclass" | "regression";

export const TASK_LABELS: Record<Task, string> = {
  binary: "binary classification",
  multiclass: "multiclass classification",
  regression: "regression",
};

export const isClassification = (task: Task) => task !== "regression";
