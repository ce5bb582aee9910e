import type { ColumnKind } from "../../../src/core/data/frame.ts";
import type { ColumnMeta, DatasetMeta } from "../../../src/persist/types.ts";

/** A column as the reader describes it (no missing values, three distinct). */
export function columnMeta(name: string, kind: ColumnKind): ColumnMeta {
  return {
    name,
    kind,
    inferredKind: kind,
    role: "feature",
    storage: kind === "numeric" || kind === "datetime" ? "float" : "dict",
    missing: 0,
    unique: 3,
  };
}

/** A stored table's metadata: penguins-like columns unless given. */
export function datasetMeta(
  id: string,
  createdAt: number,
  columns: ColumnMeta[] = [
    columnMeta("bill_length_mm", "numeric"),
    columnMeta("island", "categorical"),
    columnMeta("species", "categorical"),
  ],
  projectId = "p1",
): DatasetMeta {
  return {
    id,
    projectId,
    name: `${id}.csv`,
    source: "file",
    createdAt,
    rows: 344,
    columns,
    report: {
      rows: 344,
      bytes: 13_000,
      delimiter: ",",
      decimal: ".",
      encoding: "utf-8",
      problems: [],
      problemCounts: {},
      droppedRows: 0,
    },
    storedBytes: 9_000,
  };
}
