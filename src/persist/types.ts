import type { PipelineArtifact } from "../core/automl/artifact/pipelineArtifact.ts";
import type { ModelEvaluation } from "../core/automl/evaluation/evaluateModel.ts";
import type { ModelInsights } from "../core/automl/evaluation/modelInsights.ts";
import type { ModelPredictions } from "../core/automl/evaluation/modelPredictions.ts";
import type { MetricScores } from "../core/automl/evaluation/scoreMetrics.ts";
import type { CsvReport } from "../core/data/csvTypes.ts";
import type { ColumnData, ColumnKind, ColumnRole } from "../core/data/frame.ts";
import type { SplitConfig } from "../core/prep/splits.ts";
import type { Recipe } from "../core/prep/step.ts";

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
