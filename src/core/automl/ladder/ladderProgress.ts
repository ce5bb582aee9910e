import type { Progress } from "../../progress.ts";
import { FINAL_FOLD, type FoldJob } from "./foldJob.ts";
import type { EntryId } from "./leaderboard.ts";

/**
 * What a run reports, by phase: "fold" a fold job started or finished (done / total: jobs of the
 * run), "trial" a tuning trial was scored (done / total: the model's trials, see `TrialProgress`), "model" a rung finished (done / total: rungs), "refit" the best model's extra fit on every
 * training row, "fit" / "epoch" a model's own steps inside one fold job, "backend" the one-off
 * measurement of the tfjs backends.
 */
export type LadderPhase = "fold" | "trial" | "model" | "refit" | "fit" | "epoch" | "backend";

/** A "trial" report's search state: the trial just scored, and the model's best so far. */
export interface TrialProgress {
  /** Candidate number (0: the defaults). */
  candidate: number;
  /** 0-based rung, of `rungs` in its fold's search. */
  rung: number;
  rungs: number;
  /** Rows or boosting rounds it trained on. */
  resources: number;
  /** Its inner validation score (NaN when it failed). */
  score: number;
  /** The best inner score of the model's trials so far, on the highest rung reached. */
  best: number;
  /** The defaults' inner score on that rung (NaN before they have one). */
  defaults: number;
}

/** A run's progress report: plain data, with the model and fold it is about as fields. */
export interface LadderProgress extends Progress {
  phase: LadderPhase;
  /** The model (or the ensemble) the report is about. */
  model?: EntryId;
  /** 0-based fold, or FINAL_FOLD for the refit on the whole training part. */
  fold?: number;
  /** Folds in the run. */
  folds?: number;
  /** Phase "trial": the search's state (done / total count the model's trials). */
  trial?: TrialProgress;
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
