import { METRICS, type MetricId } from "../../core/framing/metrics.ts";
import type { Task } from "../../core/framing/task.ts";
import type { ProjectFraming } from "../../persist/types.ts";
import { checkCriterionText } from "../frame/criterionCheck.ts";
import { taskTitle } from "../frame/taskTitle.ts";
import type { StatRow } from "./columnStatRows.ts";

/** The framed problem as label / value pairs; null when no target is framed. */
export function framingRows(
  framing: ProjectFraming | null,
  target: string | null,
  task: Task | null,
): StatRow[] | null {
  if (!target || !task) return null;
  const metric =
    framing?.metric && framing.metric in METRICS ? METRICS[framing.metric as MetricId].label : null;
  const check = checkCriterionText(framing?.criterion ?? "", task);
  return [
    { label: "Target", value: target },
    { label: "Task", value: taskTitle(task) },
    { label: "Metric", value: metric ?? "–" },
    { label: "Success criterion", value: check.status === "ok" ? check.text : "none set" },
  ];
}
