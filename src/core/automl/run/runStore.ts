/**
 * The run service's persistence port: what it needs to keep a run, as an interface, so core never
 * imports storage. The app implements it over IndexedDB (src/persist/runs.ts), the CLI and the
 * tests in memory (memoryRunStore.ts).
 */
import type { PipelineArtifact } from "../artifact/pipelineArtifact.ts";
import type { ModelEvaluation } from "../evaluation/evaluateModel.ts";
import type { ModelInsights } from "../evaluation/modelInsights.ts";
import type { ModelPredictions } from "../evaluation/modelPredictions.ts";
import type { LeaderboardEntry } from "../ladder/leaderboard.ts";
import type { RunSettings } from "./runSettings.ts";

/** "interrupted": the tab closed while it ran; finished models are kept and it can be resumed. */
export type RunStatus = "running" | "done" | "cancelled" | "failed" | "interrupted";

/** One training run of a project: its settings, status and leaderboard so far. */
export interface RunRecord {
  id: string;
  projectId: string;
  datasetId: string;
  settings: RunSettings;
  status: RunStatus;
  /** Finished models in ladder order. */
  entries: LeaderboardEntry[];
  /** Model id of the best entry so far. */
  best: string | null;
  createdAt: number;
  updatedAt: number;
  error?: string;
}

/** What creating a run needs. */
export interface NewRun {
  projectId: string;
  datasetId: string;
  settings: RunSettings;
}

/** The parts of a finished model kept beside its leaderboard entry. */
export interface ModelParts {
  /** The pipeline refitted on the whole training part; null when the run kept none for it. */
  artifact: PipelineArtifact | null;
  /** Charts' data (curves, confusion, residuals). */
  evaluation: ModelEvaluation | null;
  /** Tree models' own importances and a decision tree's shape. */
  insights: ModelInsights | null;
  /** Out-of-fold and test predictions, so a resumed run can still blend this model into the ensemble. */
  predictions: ModelPredictions | null;
}

/**
 * Where runs live. Every method resolves with the run as stored after the change, and rejects with
 * NotFoundError for a run that is gone, StorageFullError when a checkpoint does not fit (keeping
 * nothing of it).
 */
export interface RunStore {
  /** A new "running" run with no entries; the settings are validated first. */
  create(input: NewRun): Promise<RunRecord>;
  get(runId: string): Promise<RunRecord>;
  /**
   * Keeps one finished model, all or nothing: its entry replaces the run's entry of the same model
   * (or is appended), with its parts; parts left out keep what was stored before.
   */
  checkpoint(runId: string, entry: LeaderboardEntry, parts?: Partial<ModelParts>): Promise<RunRecord>;
  /** Sets the final (or paused) status; `error` says why a run failed. */
  finish(runId: string, status: RunStatus, opts?: { error?: string }): Promise<RunRecord>;
  /** Sets a stopped run "running" again, for a resume; its finished entries stay. */
  reopen(runId: string): Promise<RunRecord>;
  /**
   * Stops a run left "running" by a thread that no longer runs it (`status`, default
   * "interrupted"); a run in any other status is left alone.
   */
  interrupt(runId: string, status?: "interrupted" | "cancelled"): Promise<RunRecord>;
  /** The stored predictions of a run's finished entries (those kept with them), by model id. */
  predictions(runId: string, models: readonly string[]): Promise<Partial<Record<string, ModelPredictions>>>;
}
