import { type Criterion, formatCriterion, parseCriterion } from "../../core/framing/criterion.ts";
import type { MetricId } from "../../core/framing/metrics.ts";
import type { Task } from "../../core/framing/task.ts";
import { errorMessage } from "../shared/errorMessage.ts";

/** What the criterion box holds: nothing yet, a criterion, or words that do not parse. */
export type CriterionCheck =
  | { status: "empty" }
  | { status: "ok"; criterion: Criterion; text: string }
  | { status: "error"; message: string };

/** Parses the typed criterion for the task (live, on every keystroke); blank is allowed. */
export function checkCriterionText(text: string, task: Task | null): CriterionCheck {
  if (text.trim() === "") return { status: "empty" };
  try {
    const criterion = parseCriterion(text, task);
    return { status: "ok", criterion, text: formatCriterion(criterion) };
  } catch (err) {
    return { status: "error", message: errorMessage(err) };
  }
}

/** A criterion on another metric than the one chosen is allowed, but worth a word. */
export function criterionMetricNote(
  check: CriterionCheck,
  metric: MetricId | null,
  label: string,
): string | null {
  if (check.status !== "ok" || metric === null || check.criterion.metric === metric) return null;
  return `The criterion is on a different metric from the one models are ranked by (${label}); both will be reported.`;
}
