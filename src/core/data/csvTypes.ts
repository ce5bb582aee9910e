import type { ColumnKind, Frame } from "./frame.ts";

export type Delimiter = "," | ";" | "\t" | "|";
export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export type ProblemType =
  | "ragged_row"
  | "duplicate_header"
  | "empty_header"
  | "encoding"
  | "unterminated_quote"
  | "mixed_types"
  | "infinite";

/**
 * One thing odd about the file. `row` counts lines as a text editor or spreadsheet shows them:
 * the header is row 1, the first data row is row 2 (for a record that spans lines, its first line).
 * `row` is null for file-wide problems.
 */
export interface Problem {
  type: ProblemType;
  row: number | null;
  column: string | null;
  message: string;
}

export interface ReadCsvOptions {
  /** Forced delimiter; sniffed from the first chunk when absent. */
  delimiter?: Delimiter;
  /** Decimal separator; "," is sniffed for semicolon files when absent. */
  decimal?: "." | ",";
  /** Rows with too few or too many fields: keep (pad / cut, the default) or drop. Reported either way. */
  raggedRows?: "keep" | "drop";
  /** User's kind overrides by column name. */
  kinds?: Record<string, ColumnKind>;
  /** File size in bytes when known, for progress. */
  totalBytes?: number;
  /**
   * Columns stored in SharedArrayBuffers where they exist (for a table that worker threads will
   * share: shareFrame then has nothing to copy, and the table is never held twice). Default false.
   */
  shared?: boolean;
  /** At most this many problems are listed one by one; all are counted. Default 100. */
  maxProblems?: number;
  signal?: AbortSignal;
  onProgress?: (p: import("../progress.ts").Progress) => void;
}

export interface CsvReport {
  rows: number;
  bytes: number;
  delimiter: Delimiter;
  decimal: "." | ",";
  encoding: Encoding;
  /** Listed problems, at most `maxProblems`. */
  problems: Problem[];
  /** Every problem counted by type, including those not listed. */
  problemCounts: Partial<Record<ProblemType, number>>;
  /** Data rows dropped (ragged rows with `raggedRows: "drop"`). */
  droppedRows: number;
}

export interface CsvResult {
  frame: Frame;
  report: CsvReport;
}

/** Byte chunks, from `File.stream()` in the browser or `fs.createReadStream` in Node. */
export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
