import type { Progress } from "../../progress.ts";
import { FINAL_FOLD, type FoldJob } from "./foldJob.ts";
import type { EntryId } from "./leaderboard.ts";

/**
 * What a run reports, by phase: "fold" a fold job started or finished (done / total: jobs of the
 * run), "model" a rung finished (done / total: rungs), "refit" the best model's extra fit on every
 * training row, "fit" / "epoch" a model's own steps inside one fold job, "backend" the one-off
 * measurement of the tfjs backends.
 */
export type LadderPhase = "fold" | "model" | "refit" | "fit" | "epoch" | "backend";

/** A run's progress report: plain data, with the model and fold it is about as fields. */
export interface LadderProgress extends Progress {
  phase: LadderPhase;
  /** The model (or the ensemble) the report is about. */
  model?: EntryId;
  /** 0-based fold, or FINAL_FOLD for the refit on the whole training part. */
  fold?: number;
  /** Folds in the run. */
  folds?: number;
}

/** "mlp · fold 2 of 5", "mlp · refit". */
export function jobLabel(job: Pick<FoldJob, "model" | "fold" | "folds">): string {
  return `${job.model} · ${job.fold === FINAL_FOLD ? "refit" : `fold ${job.fold + 1} of ${job.folds}`}`;
}

/** A model's own progress inside a fold job, as a run report: "mlp · fold 2 of 5 · epoch 14 of 200". */
export function jobProgress(job: FoldJob, p: Progress): LadderProgress {
  const epoch = p.phase === "epoch";
  return {
    ...p,
    phase: epoch ? "epoch" : "fit",
    model: job.model,
    fold: job.fold,
    folds: job.folds,
    message: `${jobLabel(job)} · ${epoch ? "epoch" : "step"} ${p.done} of ${p.total}`,
  };
}
