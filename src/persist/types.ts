import type { PipelineArtifact } from "../core/automl/artifact/pipelineArtifact.ts";
import type { ModelEvaluation } from "../core/automl/evaluation/evaluateModel.ts";
import type { ModelInsights } from "../core/automl/evaluation/modelInsights.ts";
import type { ModelPredictions } from "../core/automl/evaluation/modelPredictions.ts";
import type { MetricScores } from "../core/automl/evaluation/scoreMetrics.ts";
import type { RunSettings } from "../core/automl/run/runSettings.ts";
import type { CsvReport } from "../core/data/csvTypes.ts";
import type { ColumnData, ColumnKind, ColumnRole } from "../core/data/frame.ts";
import type { ModelCard, ModelFile } from "../core/deploy/modelFile.ts";
import type { MetricId } from "../core/framing/metrics.ts";
import type { SplitConfig } from "../core/prep/splits.ts";
import type { Recipe } from "../core/prep/step.ts";
import type { SharedOrigin } from "../core/share/experiment.ts";

/** A project groups the datasets (and later runs and models) of one piece of work. */
export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** What the project predicts, set in the Frame phase; absent until chosen. */
  framing?: ProjectFraming;
  /** The Prepare / Features recipe as the person left it (steps, order, switches, params). */
  recipe?: Recipe;
  /** How rows are split for validation and testing, set in Prepare. */
  split?: SplitConfig;
  /** Set when the project was opened from a shared link or file (teacher mode included). */
  shared?: SharedOrigin;
}

/** The problem as the person framed it: which column to predict and how success is judged. */
export interface ProjectFraming {
  datasetId: string;
  /** Column to predict; null means exploration only. */
  target: string | null;
  /** Metric id (see src/core/automl/framing/metrics.ts), the app's proposal unless overridden. */
  metric: string | null;
  /** Success criterion as typed, e.g. "ROC AUC >= 0.85"; checked against later results. */
  criterion: string | null;
  /** Binary targets: the class treated as positive (metrics, curves, threshold); absent in older records. */
  positiveClass?: string | null;
}

/** A column's metadata, stored apart from its (large) buffer. */
export interface ColumnMeta {
  name: string;
  kind: ColumnKind;
  /** Kind the reader inferred, so the UI can show that the user changed it. */
  inferredKind: ColumnKind;
  role: ColumnRole;
  storage: ColumnData["type"];
  missing: number;
  unique: number;
  labels?: [string, string];
  /** The unit a numeric column was read with ("$", "%"), for display. */
  unit?: string;
}

/** A loaded table: everything but the column buffers. */
export interface DatasetMeta {
  id: string;
  projectId: string;
  /** The file name, or what the user renamed it to. */
  name: string;
  /** Where it came from: "file", "paste" or "sample". */
  source: "file" | "paste" | "sample";
  createdAt: number;
  rows: number;
  columns: ColumnMeta[];
  report: CsvReport;
  /** Bytes the column buffers take in storage (approximate for levels). */
  storedBytes: number;
}

/** One column's data as stored: one record per column, keyed by [datasetId, index]. */
export interface ColumnRecord {
  datasetId: string;
  index: number;
  data: ColumnData;
}

export interface StorageEstimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

// A run's settings and record belong to the run service (core); re-exported for the app's imports.
export type { RunSettings, RunSplit } from "../core/automl/run/runSettings.ts";
export type { RunRecord, RunStatus } from "../core/automl/run/runStore.ts";

/** A finished model of a run: its pipeline, scores and evaluation, keyed `${runId}:${modelId}`. */
export interface ModelRecord {
  id: string;
  runId: string;
  projectId: string;
  modelId: string;
  label: string;
  /** The pipeline refitted on the whole training part; null when the run kept none for it. */
  artifact: PipelineArtifact | null;
  metrics: { cv: MetricScores; test: MetricScores; cv_mean: number; cv_std: number };
  /** Charts' data (curves, confusion, residuals), computed when the model finished. */
  evaluation: ModelEvaluation | null;
  /** Tree models' own importances and a decision tree's shape. */
  insights: ModelInsights | null;
  /** Out-of-fold and test predictions, so a resumed run can still blend this model into the ensemble. */
  predictions?: ModelPredictions | null;
  createdAt: number;
}

/** Where a registered model version came from: a model of a run of this app, or an imported file. */
export type VersionSource =
  | {
      kind: "run";
      runId: string;
      /** The leaderboard entry: a model family or "ensemble". */
      modelId: string;
      datasetId: string;
      seed: number;
      /** The run's settings as they were when the version was registered. */
      settings: RunSettings;
    }
  | { kind: "import"; fileName: string };

/** A version's scores as its run measured them: cross-validated and on the test part. */
export interface VersionMetrics {
  metric: MetricId;
  cv_mean: number | null;
  cv_std: number | null;
  /** Every metric of the task, cross-validated (empty for an imported file). */
  cv: MetricScores;
  /** Every metric of the task on the run's test part (empty when there was none). */
  test: MetricScores;
}

/**
 * One registered model version of a project (v1, v2, ... never reused). Small: the model file
 * itself lives in `versionFiles` under the same id, so listing versions never loads the models.
 */
export interface ModelVersion {
  id: string;
  projectId: string;
  /** 1, 2, ...: per project, in registration order, never reused after a delete. */
  number: number;
  /** The model's label ("Gradient boosting", "Ensemble"). */
  label: string;
  source: VersionSource;
  /** The model card, copied out of the file so the Deploy phase can compare versions. */
  card: ModelCard;
  /** SHA-256 (hex) of the training rows, so versions trained on the same data can be told apart. */
  dataFingerprint: string;
  /** SHA-256 (hex) the file carries of its own content. */
  sha256: string;
  metrics: VersionMetrics;
  /** The fitted recipe's step types in order (an ensemble: every member's, each once). */
  recipeSteps: string[];
  /** Bytes of the model file as JSON (what an export downloads). */
  sizeBytes: number;
  note: string;
  createdAt: number;
}

/** The model file of a version, keyed by the version's id. */
export interface VersionFileRecord {
  versionId: string;
  projectId: string;
  file: ModelFile;
}

/** One alias change, oldest first in the history. */
export interface AliasEvent {
  at: number;
  action: "register" | "import" | "promote" | "challenge" | "rollback" | "delete";
  /** The version the action was about. */
  versionId: string;
  champion: string | null;
  challenger: string | null;
}

/**
 * A project's registry state: which version is champion and challenger, the champions before the
 * current one (for roll back, newest last), the next version number and the alias history.
 */
export interface RegistryRecord {
  projectId: string;
  champion: string | null;
  challenger: string | null;
  previousChampions: string[];
  nextNumber: number;
  history: AliasEvent[];
}
