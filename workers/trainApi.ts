import type { ModelEvaluation } from "../src/core/automl/evaluation/evaluateModel.ts";
import type { LearningCurve } from "../src/core/automl/evaluation/learningCurve.ts";
import type { PermutationImportance } from "../src/core/automl/evaluation/permutationImportance.ts";
import type { FoldJob, FoldResult } from "../src/core/automl/ladder/foldJob.ts";
import type { LadderProgress } from "../src/core/automl/ladder/ladderProgress.ts";
import type { EntryId, LeaderboardEntry } from "../src/core/automl/ladder/leaderboard.ts";
import type { RunSettings } from "../src/core/automl/run/runSettings.ts";
import type { NewRun, RunRecord } from "../src/core/automl/run/runStore.ts";
import type { MetricId } from "../src/core/framing/metrics.ts";
import type { Task } from "../src/core/models/estimator.ts";
import type { ModelId } from "../src/core/models/registry.ts";
import type { Progress } from "../src/core/progress.ts";
import type { BackendReport } from "./computeApi.ts";

/** A stored table as a fold worker caches it: a new version (a column re-typed) loads afresh. */
export interface FrameRef {
  datasetId: string;
  version: string;
}

/** A model the ladder can try for the task, in ladder order. */
export interface LadderModelInfo {
  id: ModelId;
  label: string;
  /** Trains with tfjs (the neural net): its backend is chosen by measurement. */
  usesTfjs: boolean;
}

/** The plan of a run before it starts: what the ladder will do with these settings. */
export interface PlanSummary {
  task: Task;
  classes: string[] | null;
  metric: MetricId;
  /** Rows the models learn from, and rows held back for the final check. */
  trainRows: number;
  testRows: number;
  folds: number;
  models: LadderModelInfo[];
}

/**
 * A pool member: runs one fold job (fit on its training rows, predict its validation rows) on the
 * table it loads from IndexedDB and caches. Cancelling is the pool terminating the worker.
 */
export interface FoldWorkerApi {
  /** `backend` is the tfjs backend for tfjs models (null: leave tfjs' default). */
  runFold(
    frame: FrameRef,
    job: FoldJob,
    backend: string | null,
    onProgress?: (p: Progress) => void,
  ): Promise<FoldResult>;
  /** Measures the tfjs backends once (the coordinator asks one worker and tells the rest). */
  probeBackends(): Promise<BackendReport>;
}

/** Callbacks of a run, as proxies: its typed progress, each finished (stored) model, its stored start. */
export interface RunListeners {
  onStart: (run: RunRecord) => void;
  onProgress: (p: LadderProgress) => void;
  onEntry: (entry: LeaderboardEntry) => void;
}

/**
 * The training coordinator, one worker the UI talks to. It owns the runs' records through the
 * run service (create, checkpoint, finish, resume), plans the ladder and schedules fold jobs on a
 * pool of fold workers it owns (nested workers), so the page only starts, cancels and observes.
 * Every long call takes a `callId`; `cancel(callId)` stops it (the pool terminates its busy workers).
 */
export interface TrainWorkerApi {
  /** Task, metric, row counts and the models of the ladder for these settings. */
  plan(datasetId: string, settings: RunSettings): Promise<PlanSummary>;
  /**
   * Creates a run and trains it: each finished model is checkpointed (entry, pipeline,
   * evaluation) and then passed to `onEntry`. Resolves with the run as stored at its end: done,
   * cancelled (finished models kept) or failed with its reason.
   */
  start(callId: string, input: NewRun, listeners: RunListeners): Promise<RunRecord>;
  /** Finishes a stopped run: its finished models are skipped, not retrained. */
  resume(callId: string, runId: string, listeners: RunListeners): Promise<RunRecord>;
  /**
   * The runs as they are: one left "running" by no thread (a closed or reloaded tab) becomes
   * "interrupted"; `stopped` names runs whose coordinator was terminated mid-cancel, which
   * become "cancelled".
   */
  settle(runs: RunRecord[], stopped?: string[]): Promise<RunRecord[]>;
  /** Recomputes and stores a model's evaluation (for a record kept without one). */
  evaluate(
    callId: string,
    runId: string,
    model: EntryId,
    onProgress: (p: LadderProgress) => void,
  ): Promise<ModelEvaluation>;
  learningCurve(
    callId: string,
    datasetId: string,
    settings: RunSettings,
    model: EntryId,
    onProgress: (p: Progress) => void,
  ): Promise<LearningCurve>;
  /** Permutation importance; with the run's stored pipeline of the model, no refit is needed. */
  permutationImportance(
    callId: string,
    runId: string,
    model: EntryId,
    onProgress: (p: Progress) => void,
  ): Promise<PermutationImportance>;
  /** Stops the call `callId` (a no-op when it has settled). */
  cancel(callId: string): void;
}
