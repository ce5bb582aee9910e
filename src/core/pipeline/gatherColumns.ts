import { type Column, gatherCodeRows, gatherFloatRows } from "../data/frame.ts";
import { dictColumn, floatColumn } from "../prep/columns.ts";

/**
 * The rows `idx` of each column, as `takeColumnRows` makes them (same values, kinds, roles, labels,
 * counts), but with every column's values in one ArrayBuffer. Why: a fold's training rows are a
 * transient copy (a 667k-row fold of a 20-column table: ~100 MB, made and dropped once per fold).
 * As some twenty 3-5 MB buffers, malloc may keep them in its arenas after they are collected (it
 * raises its mmap threshold on the first free); one buffer over 32 MB is mapped on its own and
 * given back whole. Measured: 500k x 20, gbdt, 3 folds, 2 threads: peak 788 -> 728 MB (load
 * 12-18; a one-thread fold showed no change). The columns are views: one that outlives the others
 * keeps the whole buffer alive, so this is for copies that die together (a recipe fit's input).
 */
export function gatherColumns(columns: Column[], idx: ArrayLike<number>): Column[] {
  const n = idx.length;
  let bytes = 0;
  for (const col of columns) bytes += col.data.type === "float" ? n * 8 : Math.ceil((n * 4) / 8) * 8;
  const buffer = new ArrayBuffer(bytes);
  let offset = 0;
  return columns.map((col) => {
    const opts = { kind: col.kind, role: col.role, labels: col.labels };
    if (col.data.type === "float") {
      const values = new Float64Array(buffer, offset, n);
      offset += n * 8;
      gatherFloatRows(col.data, idx, values);
      return floatColumn(col.name, values, opts);
    }
    const codes = new Int32Array(buffer, offset, n);
    offset += Math.ceil((n * 4) / 8) * 8;
    gatherCodeRows(col.data, idx, codes);
    return dictColumn(col.name, codes, col.data.levels, opts);
  });
}
