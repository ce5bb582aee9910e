import type { RowSource } from "../trees/rowSource.ts";
import type { Tree } from "../trees/tree.ts";

/** One column's values, in the narrowest of these types that holds every one of them exactly. */
type Column = Uint8Array | Float32Array | Float64Array;

/**
 * Rows held by column, each column at the narrowest exact type: bytes for integers 0..255 (one-hot
 * and indicator columns), float32 where every value survives `Math.fround` (NaN included), else
 * float64. A tree walk reads the same numbers as from the Float64 rows, so it lands in the same
 * leaves; on a one-hot table the early-stopping rows take a third of their Float64 bytes.
 */
export interface ColumnRows {
  rows: number;
  columns: Column[];
}

/**
 * The `rows` of a source (ascending) by column. Each column starts as bytes and widens when a
 * value does not fit (the values so far copied over: exact, since they were exact in the narrower
 * type), so one pass over the source is enough.
 */
export function gatherColumns(source: RowSource, rows: Uint32Array): ColumnRows {
  const { cols } = source;
  const n = rows.length;
  const columns: Column[] = Array.from({ length: cols }, () => new Uint8Array(n));
  source.forEachBlock(rows, (block, k0) => {
    const { data } = block;
    for (let f = 0; f < cols; f++) {
      let col = columns[f];
      for (let i = 0; i < block.rows; i++) {
        const v = data[i * cols + f];
        if (!fits(col, v)) {
          col = widen(col, v);
          columns[f] = col;
        }
        col[k0 + i] = v;
      }
    }
  });
  return { rows: n, columns };
}

function fits(col: Column, v: number): boolean {
  if (col instanceof Float64Array) return true;
  if (col instanceof Float32Array) return Math.fround(v) === v || Number.isNaN(v);
  return v >= 0 && v <= 255 && Number.isInteger(v) && !Object.is(v, -0);
}

function widen(col: Column, v: number): Column {
  const exact32 = Math.fround(v) === v || Number.isNaN(v);
  const out =
    col instanceof Uint8Array && exact32 ? new Float32Array(col.length) : new Float64Array(col.length);
  out.set(col);
  return out;
}

/**
 * Adds the tree's leaf value of every row to raw score `k` of that row (`raw[j * dim + k]`), as
 * tree.ts's `leafOf` walks a row: `v <= threshold` left, NaN by `missingLeft`, else right.
 */
export function addTreeColumns(
  tree: Tree,
  data: ColumnRows,
  raw: Float64Array,
  dim: number,
  k: number,
): void {
  const { feature, threshold, left, right, missingLeft, value } = tree;
  const { columns } = data;
  for (let j = 0; j < data.rows; j++) {
    let node = 0;
    let f = feature[0];
    while (f >= 0) {
      const v = columns[f][j];
      if (v <= threshold[node]) node = left[node];
      else if (!Number.isNaN(v)) node = right[node];
      else node = missingLeft[node] === 1 ? left[node] : right[node];
      f = feature[node];
    }
    raw[j * dim + k] += value[node];
  }
}
