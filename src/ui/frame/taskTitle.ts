import type { Task } from "../../core/framing/task.ts";

const TITLES: Record<Task, string> = {
  regression: "Regression",
  binary: "Binary classification",
  multiclass: "Multiclass classification",
};

/** The task in large words; no task (no target) is "Exploration only". */
export function taskTitle(task: Task | null | undefined): string {
  return task ? TITLES[task] : "Exploration only";
}
