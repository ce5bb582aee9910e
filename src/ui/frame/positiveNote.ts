import type { TaskDetection } from "../../core/framing/detectTask.ts";
import { formatPercent } from "../shared/format.ts";

/**
 * One sentence on the positive class of a binary target: which class it is, why (proposed as the
 * rarer class or as a conventional positive label, or chosen by the person), and what follows.
 */
export function positiveNote(detection: TaskDetection, positive: string): string {
  const classes = detection.classes ?? [];
  const counts = detection.classCounts ?? [];
  const total = counts.reduce((a, b) => a + b, 0);
  const at = classes.indexOf(positive);
  const share = at >= 0 && total > 0 ? ` (${formatPercent(counts[at], total)} of the rows)` : "";
  const other = classes.find((c) => c !== positive) ?? "the other class";
  const rarer = at >= 0 && counts.length === 2 && counts[at] < counts[1 - at];
  const why =
    positive !== detection.positiveClass
      ? "your choice"
      : detection.positiveWhy === "rarer"
        ? "the rarer class"
        : `the usual label for the case to detect${rarer ? " and the rarer class" : ""}`;
  return `Positive class: ${positive}${share}, ${why}. Precision, recall, F1, the ROC and PR curves and the decision threshold are about finding ${positive} rows; change it if ${other} is the case you want to detect.`;
}
