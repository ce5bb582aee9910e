import type { ReadCsvOptions } from "../src/core/data/csvTypes.ts";
import type { ColumnKind } from "../src/core/data/frame.ts";
import type { SelectState } from "../src/core/features/selection/selectStep.ts";
import type { StepTrace } from "../src/core/pipeline/fittedRecipe.ts";
import type { SplitConfig, SplitPicture } from "../src/core/prep/splits.ts";
import type { Recipe } from "../src/core/prep/step.ts";
import type { FrameProfile } from "../src/core/profile/profileFrame.ts";
import type { PlotSample } from "../src/core/profile/sample.ts";
import type { Progress } from "../src/core/progress.ts";
import type { DatasetMeta } from "../src/persist/types.ts";

/** Options the UI may pass to an ingest; everything else is sniffed. */
export type IngestOptions = Pick<ReadCsvOptions, "delimiter" | "decimal" | "raggedRows">;

/** A page of formatted cells (missing cells are null), for the table view. */
export interface PreviewPage {
  start: number;
  rows: (string | null)[][];
}

export interface IngestResult {
  dataset: DatasetMeta;
  preview: PreviewPage;
}

export type IngestSource =
  | { type: "file"; file: Blob; name: string }
  | { type: "text"; text: string; name: string }
  | { type: "sample"; url: string; name: string };

/**
 * The data worker's API, exposed with Comlink. Every call is a few lines over src/core and
 * src/persist. Cancelling a call is done by the client terminating the worker (squoosh's pattern),
 * which stops it at once whatever it is doing; a write in flight is an IndexedDB transaction that
 * then never commits, so nothing half-written stays.
 */
export interface DataWorkerApi {
  /** Reads a CSV into typed columns and stores it under the project. */
  ingest(
    projectId: string,
    source: IngestSource,
    opts: IngestOptions,
    onProgress: (p: Progress) => void,
  ): Promise<IngestResult>;
  /** Rows [start, start + count) of a stored dataset, formatted for display. */
  preview(datasetId: string, start: number, count: number): Promise<PreviewPage>;
  /** Re-types one column as the user asked, stores it, and returns the new metadata. */
  setColumnKind(datasetId: string, columnIndex: number, kind: ColumnKind): Promise<IngestResult>;
  /**
   * The full EDA profile (statistics, correlations, alerts) and, with a target, the framing: task,
   * metric, reasons, feasibility. A target that cannot be learned rejects with a ValidationError.
   */
  profile(datasetId: string, target: string | null, onProgress: (p: Progress) => void): Promise<FrameProfile>;
  /** A seeded sample of at most `size` rows for plots (scatter, pairs, parallel coordinates). */
  plotSample(datasetId: string, size: number): Promise<PlotSample>;
  /** The default recipe for this data and target, each step with its reason. */
  proposeRecipe(datasetId: string, target: string | null): Promise<Recipe>;
  /**
   * Fits the recipe on a seeded sample of rows and shows rows and column summaries before and
   * after, per-step traces and the fitted selection scores. Bad params reject with ValidationError.
   */
  previewRecipe(
    datasetId: string,
    recipe: Recipe,
    target: string | null,
    seed: number,
  ): Promise<RecipePreviewView>;
  /** Which rows go where under a split, in at most `cells` buckets per fold. */
  splitPicture(datasetId: string, split: SplitConfig, cells: number): Promise<SplitPictureView>;
  /** Drops the table kept for the next read (a run is about to hold its own copy). */
  forget(): void;
}

/** Column summary for the before / after tables of the recipe preview. */
export interface ColumnSummaryView {
  name: string;
  kind: ColumnKind;
  missing: number;
  unique: number;
}

export interface FramePreviewView {
  rows: number;
  columns: ColumnSummaryView[];
  /** The first rows, formatted (null = missing). */
  head: (string | null)[][];
}

export interface RecipePreviewView {
  sampleSize: number;
  totalRows: number;
  before: FramePreviewView;
  after: FramePreviewView;
  trace: StepTrace[];
  /** Feature columns the model would get, in order. */
  features: string[];
  /** Fitted `select` steps: per-feature scores, threshold and choice, for a bar chart. */
  selections: { stepId: string; state: SelectState }[];
}

export interface SplitPictureView {
  picture: SplitPicture;
  /** Rows in train and test per fold. */
  sizes: { train: number; test: number }[];
}
