import type { Progress } from "../../core/progress.ts";

/**
 * The status line of a running ladder from one progress report: "Model 3 of 5 · gbdt · fold 3 of 5",
 * and for a model reporting inside a fold, its epoch or step ("… · epoch 12 of 200"). Null for
 * reports that say nothing new to a person (the per-model summaries).
 */
export function progressLine(p: Progress, models: readonly string[]): string | null {
  if (p.phase !== "fold" && p.phase !== "epoch" && p.phase !== "fit") return null;
  const message = p.message;
  if (!message) return null;
  const k = models.indexOf(message.split(" · ")[0]);
  return k >= 0 ? `Model ${k + 1} of ${models.length} · ${message}` : message;
}
