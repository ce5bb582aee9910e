import type { CsvReport } from "../core/data/csvTypes.ts";
import type { ColumnData, ColumnKind, ColumnRole } from "../core/data/frame.ts";

/** A project groups the datasets (and later runs and models) of one piece of work. */
export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
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
