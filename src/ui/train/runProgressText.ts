import type { LadderProgress } from "../../core/automl/ladder/ladderProgress.ts";

const SHOWN: readonly LadderProgress["phase"][] = ["fold", "trial", "fit", "epoch", "backend"];

/**
 * The status line of a running ladder from one progress report: "Model 3 of 5 · gbdt · fold 3 of 5",
 * and for a model reporting inside a fold, its epoch or step ("… · epoch 12 of 200"). The model's
 * place comes from the report's `model` field. Null for reports that say nothing new to a person
 * (the per-model summaries).
 */
export function progressLine(p: LadderProgress, models: readonly string[]): string | null {
  if (!SHOWN.includes(p.phase) || !p.message) return null;
  const k = p.model ? models.indexOf(p.model) : -1;
  return k >= 0 ? `Model ${k + 1} of ${models.length} · ${p.message}` : p.message;
}
