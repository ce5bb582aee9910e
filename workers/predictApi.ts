import type { ColumnMatch, UnseenCategories } from "../src/core/automl/artifact/scoreTable.ts";
import type { Progress } from "../src/core/progress.ts";
import type { ModelVersion } from "../src/persist/types.ts";

/** A model of a run to register as a new version of its project. */
export interface RegisterRequest {
  runId: string;
  /** The leaderboard entry: a model family or "ensemble". */
  modelId: string;
  note: string;
}

/** One row's answer: the prediction and, for classes, each class's probability (model order). */
export interface RowAnswer {
  prediction: string | number | null;
  proba: { label: string; p: number }[] | null;
  /**
   * The inputs that moved this answer most away from a typical row (training's medians and most
   * frequent values), largest first; null when the model could not say.
   */
  reasons: RowReasons | null;
}

/** The top contributions of one answer, on the scale the model adds up on. */
export interface RowReasons {
  /** "log_odds", "probability" or "value". */
  scale: string;
  /** "tree" (exact TreeSHAP: against training's average answer), "linear" or "sampling" (against the typical row). */
  method: string;
  /** The class explained (binary: the positive one; multiclass: the predicted one); null for regression. */
  class: string | null;
  top: { column: string; contribution: number }[];
  /** The base value and the output that every column's contribution (`all`) adds up to. */
  base: number;
  output: number;
  all: { column: string; contribution: number }[];
}

/** A row the batch could not score: its row number in the file (1 = first data row) and why. */
export interface FailedRow {
  row: number;
  reason: string;
}

/** What scoring a CSV gives: the file to download, a preview and what was odd about the rows. */
export interface BatchResult {
  /** Data rows scored or tried (rows the reader dropped are in `dropped`). */
  rows: number;
  scored: number;
  /** How many rows got no prediction, and the first FAILED_LIMIT of them. */
  failedCount: number;
  failed: FailedRow[];
  /** Rows the CSV reader dropped (too few or too many fields), with its messages (a few). */
  dropped: number;
  readProblems: string[];
  unseen: UnseenCategories[];
  columns: ColumnMatch;
  /** The output header and its first rows, as the download has them. */
  header: string[];
  preview: (string | null)[][];
  /** The scored CSV: the input columns, then `prediction` and `proba_<class>`. */
  output: Blob;
}

/** An imported version, with what a person should know about how its file was read. */
export interface ImportResult {
  version: ModelVersion;
  /** E.g. that a bare pipeline file had no model card, or that an older format was migrated. */
  notes: string[];
}

/** A version as one ONNX file, or (file null) the sentence naming the step or model with no faithful ONNX form. */
export interface OnnxExportResult {
  file: Blob | null;
  refused: string | null;
}

/** Most failed rows listed by number (the count is always exact). */
export const FAILED_LIMIT = 100;

/**
 * The predictor worker's API (Comlink). All engine work of the Deploy phase happens here: making a
 * model file from a run's model, reading and checking an imported file, and predicting. Cancelling
 * is done by the client terminating the worker; a registry write in flight is one IndexedDB
 * transaction that then never commits.
 */
export interface PredictWorkerApi {
  /** Builds the model file (card, fingerprint of the training rows) and stores it as a new version. */
  register(req: RegisterRequest): Promise<ModelVersion>;
  /**
   * Reads a model file, checks all of it and stores it as a new version. A damaged or foreign file
   * rejects with a ValidationError whose message says what is wrong, and nothing is stored.
   */
  importFile(projectId: string, file: Blob, fileName: string): Promise<ImportResult>;
  /** Predicts one row given as text per input column (empty = missing). */
  predictRow(versionId: string, values: Record<string, string>): Promise<RowAnswer>;
  /** Scores a CSV file, read and scored in chunks, with progress ("read", then "score"). */
  scoreCsv(versionId: string, file: Blob, onProgress: (p: Progress) => void): Promise<BatchResult>;
  /** The version's whole pipeline as an ONNX graph (src/core/deploy/onnx), or why it cannot be. */
  exportOnnx(versionId: string): Promise<OnnxExportResult>;
}
