import type { ReadCsvOptions } from "../src/core/data/csvTypes.ts";
import type { ColumnKind } from "../src/core/data/frame.ts";
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
}

/** Rows behind scatter-like plots, and the seed that picks them (the screen says so when sampled). */
export const PLOT_SAMPLE_SIZE = 5000;
export const PLOT_SAMPLE_SEED = 0;
