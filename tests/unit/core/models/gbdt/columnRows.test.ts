import { describe, expect, it } from "vitest";
import { addTreeColumns, gatherColumns } from "../../../../../src/core/models/gbdt/columnRows.ts";
import { Gbdt } from "../../../../../src/core/models/gbdt/gbdt.ts";
import type { RowSource } from "../../../../../src/core/models/trees/rowSource.ts";
import { leafOf } from "../../../../../src/core/models/trees/tree.ts";
import { makeRng } from "../../../../../src/core/random.ts";

/** Columns of every kind: 0/1, small integers, float32-exact, float64, NaN, -0, infinities. */
function table(rows: number) {
  const rng = makeRng(7);
  const cols = 7;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const at = i * cols;
    data[at] = rng.int(2);
    data[at + 1] = rng.int(200);
    data[at + 2] = Math.fround(rng.next() * 10 - 5);
    data[at + 3] = rng.next() * 10 - 5;
    data[at + 4] = rng.next() < 0.1 ? Number.NaN : rng.int(3);
    data[at + 5] = rng.next() < 0.2 ? -0 : rng.next() < 0.1 ? Number.POSITIVE_INFINITY : rng.int(4);
    // Bytes until a late row needs float64: widening keeps the earlier values.
    data[at + 6] = i === 601 ? 0.1 : rng.int(5);
  }
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++)
    y[i] = data[i * cols + 3] + data[i * cols + 2] > 0 === rng.next() < 0.8 ? 1 : 0;
  const names = Array.from({ length: cols }, (_, c) => `x${c}`);
  return { X: { data, rows, cols, names }, y };
}

function sourceOf(X: { data: Float64Array; rows: number; cols: number; names: string[] }): RowSource {
  return {
    rows: X.rows,
    cols: X.cols,
    names: X.names,
    forEachBlock(list, visit) {
      for (let k0 = 0; k0 < list.length; k0 += 97) {
        const n = Math.min(97, list.length - k0);
        const d = new Float64Array(n * X.cols);
        for (let i = 0; i < n; i++)
          d.set(X.data.subarray(list[k0 + i] * X.cols, (list[k0 + i] + 1) * X.cols), i * X.cols);
        visit({ data: d, rows: n, cols: X.cols, names: X.names }, k0);
      }
    },
  };
}

describe("gatherColumns / addTreeColumns", () => {
  it("hold every value exactly, at the narrowest type per column", () => {
    const { X } = table(1000);
    const rows = Uint32Array.from({ length: 400 }, (_, j) => j * 2 + 1);
    const got = gatherColumns(sourceOf(X), rows);
    const kinds = got.columns.map((c) => c.constructor.name);
    expect(kinds).toEqual([
      "Uint8Array",
      "Uint8Array",
      "Float32Array",
      "Float64Array",
      "Float32Array",
      "Float32Array",
      "Float64Array",
    ]);
    for (let j = 0; j < rows.length; j++)
      for (let f = 0; f < X.cols; f++) expect(got.columns[f][j]).toBe(X.data[rows[j] * X.cols + f]);
  });

  it("add the same leaf values as leafOf on the Float64 rows, to the bit", () => {
    const { X, y } = table(3000);
    const model = new Gbdt({ max_iter: 15, early_stopping: false }).fit(
      X,
      { values: y, classes: ["0", "1"] },
      { seed: 1 },
    );
    const trees = model.treeEnsemble().trees;
    const rows = Uint32Array.from({ length: 1500 }, (_, j) => j * 2);
    const columns = gatherColumns(sourceOf(X), rows);
    const byColumns = new Float64Array(rows.length);
    const byRows = new Float64Array(rows.length);
    for (const tree of trees) {
      addTreeColumns(tree, columns, byColumns, 1, 0);
      for (let j = 0; j < rows.length; j++) byRows[j] += tree.value[leafOf(tree, X.data, rows[j] * X.cols)];
    }
    expect(Array.from(byColumns)).toEqual(Array.from(byRows));
  });
});
