import type { Column, ColumnData } from "../core/data/frame.ts";
import type { ColumnMeta } from "./types.ts";

/** Per-string overhead guessed for stored levels (length header, record framing). */
const LEVEL_OVERHEAD = 8;

/** The part of a column kept in the dataset's metadata. `inferredKind` is the column's own kind on first save. */
export function columnMeta(col: Column, inferredKind = col.kind): ColumnMeta {
  const meta: ColumnMeta = {
    name: col.name,
    kind: col.kind,
    inferredKind,
    role: col.role,
    storage: col.data.type,
    missing: col.missing,
    unique: col.unique,
  };
  if (col.labels) meta.labels = [col.labels[0], col.labels[1]];
  if (col.unit) meta.unit = col.unit;
  return meta;
}

/**
 * A typed array holding only its own bytes. Structured clone copies a view's whole underlying
 * buffer, so a view into a larger buffer (a subarray, a chunk of a transfer) would store every byte
 * of that buffer; slicing copies just the view's.
 */
function ownBytes<T extends Float64Array | Int32Array>(a: T): T {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

/** Column data as it is written to the columns store. */
export function toStoredData(data: ColumnData): ColumnData {
  return data.type === "float"
    ? { type: "float", values: ownBytes(data.values) }
    : { type: "dict", codes: ownBytes(data.codes), levels: data.levels };
}

/** Column data as read back; copies into a typed array if a store ever hands back something else. */
export function fromStoredData(data: ColumnData): ColumnData {
  if (data.type === "float") {
    const values = data.values instanceof Float64Array ? data.values : new Float64Array(data.values);
    return { type: "float", values };
  }
  const codes = data.codes instanceof Int32Array ? data.codes : new Int32Array(data.codes);
  return { type: "dict", codes, levels: Array.from(data.levels) };
}

/** Rebuilds a Column from its metadata and stored data. */
export function toColumn(meta: ColumnMeta, data: ColumnData): Column {
  const col: Column = {
    name: meta.name,
    kind: meta.kind,
    role: meta.role,
    data: fromStoredData(data),
    missing: meta.missing,
    unique: meta.unique,
  };
  if (meta.labels) col.labels = [meta.labels[0], meta.labels[1]];
  if (typeof meta.unit === "string") col.unit = meta.unit;
  return col;
}

/** Cells in a column's data. */
export function dataLength(data: ColumnData): number {
  return data.type === "float" ? data.values.length : data.codes.length;
}

/** Approximate bytes a column's data takes in storage: exact for buffers, a guess for levels (UTF-16). */
export function storedBytesOf(data: ColumnData): number {
  if (data.type === "float") return data.values.byteLength;
  let bytes = data.codes.byteLength;
  for (const level of data.levels) bytes += level.length * 2 + LEVEL_OVERHEAD;
  return bytes;
}
