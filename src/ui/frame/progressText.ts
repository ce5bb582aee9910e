import type { Progress } from "../../core/progress.ts";

/** "Profiling column 3 of 8: bill_length_mm", then "Duplicates and correlations". */
export function progressText(p: Progress | null): string {
  if (!p) return "Starting…";
  const columns = p.total - 1;
  if (p.done < columns)
    return `Profiling column ${p.done + 1} of ${columns}${p.message ? `: ${p.message}` : ""}`;
  if (p.done < p.total) return "Counting duplicates and correlations";
  return "Done";
}
