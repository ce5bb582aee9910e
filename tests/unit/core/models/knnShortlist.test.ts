import { describe, expect, it } from "vitest";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { DotShortlist } from "../../../../src/core/models/knn/dotShortlist.ts";
import { KNearestNeighbors } from "../../../../src/core/models/knn/kNearestNeighbors.ts";
import { bruteForceSearch, NeighbourHeap } from "../../../../src/core/models/knn/nearest.ts";
import { makeRng } from "../../../../src/core/random.ts";

/** Neighbours and reduced distances of every query: by the exact scan, or by the shortlist. */
function neighbours(
  train: Float64Array,
  rows: number,
  cols: number,
  queries: Float64Array,
  k: number,
  fast: false | "auto" | "js",
) {
  const n = queries.length / cols;
  const m = Math.min(k, rows);
  const heaps = Array.from({ length: n }, () => new NeighbourHeap(m));
  if (fast) {
    const shortlist = DotShortlist.build(train, rows, cols, undefined, fast);
    if (!shortlist) throw new Error("no shortlist");
    // Node 20 has WebAssembly SIMD: "auto" takes it wherever there is a dense column.
    if (fast === "js") expect(shortlist.product).toBe("js");
    else if (shortlist.product === "js") expect(train.every((v) => v === 0 || v === 1)).toBe(true);
    expect(shortlist.search(queries, heaps, n, m)).toBe(true);
  } else {
    for (let q = 0; q < n; q++) {
      heaps[q].reset(m);
      bruteForceSearch(train, rows, cols, queries.slice(q * cols, (q + 1) * cols), "euclidean", heaps[q]);
    }
  }
  return heaps.map((h) => {
    const index = new Int32Array(m);
    const distance = new Float64Array(m);
    h.drainSorted(index, distance, "euclidean");
    return { index: Array.from(index), distance: Array.from(distance) };
  });
}

function expectSame(train: Float64Array, rows: number, cols: number, queries: Float64Array, ks: number[]) {
  for (const k of ks) {
    const want = neighbours(train, rows, cols, queries, k, false);
    // The dense products by WebAssembly SIMD (where Node has it, as here) and by the JS kernel.
    expect(neighbours(train, rows, cols, queries, k, "auto"), `k ${k}`).toEqual(want);
    expect(neighbours(train, rows, cols, queries, k, "js"), `k ${k}, JS product`).toEqual(want);
  }
}

/** Numeric columns and one-hot blocks (0/1), as the recipe builds them. */
function oneHotTable(rows: number, numeric: number, levels: number[], seed: number, offset = 0, scale = 1) {
  const rng = makeRng(seed);
  const cols = numeric + levels.reduce((a, b) => a + b, 0);
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < numeric; c++) data[r * cols + c] = offset + scale * (rng.next() - 0.5);
    let o = numeric;
    for (const l of levels) {
      data[r * cols + o + Math.floor(rng.next() ** 2 * l)] = 1;
      o += l;
    }
  }
  return { data, cols };
}

describe("DotShortlist", () => {
  it("finds the exact scan's neighbours on one-hot-heavy data", () => {
    const { data, cols } = oneHotTable(900, 6, [2, 12, 30, 3], 1);
    const q = oneHotTable(83, 6, [2, 12, 30, 3], 2);
    expectSame(data, 900, cols, Float64Array.from([...q.data, ...data.slice(0, 7 * cols)]), [1, 5, 17]);
  });

  it("keeps exact ties in row order: only categories, many equal distances across the k-th place", () => {
    const { data, cols } = oneHotTable(600, 0, [3, 4, 5], 3);
    const q = oneHotTable(40, 0, [3, 4, 5], 4);
    expectSame(data, 600, cols, q.data, [1, 4, 25, 130]);
  });

  it("stays exact where the expansion cancels: large offsets and near-ties a few ulps apart", () => {
    // Values near 1e6 with spread 1e-3: ‖x‖² ~ 1e13 while the distances are ~1e-6, far below the
    // expansion's rounding; the shortlist widens to everything within its bound and stays exact.
    const { data, cols } = oneHotTable(400, 5, [4], 5, 1e6, 1e-3);
    const q = oneHotTable(30, 5, [4], 6, 1e6, 1e-3);
    expectSame(data, 400, cols, q.data, [1, 5]);
    // Rows that differ from the query in the last bits only.
    const base = Float64Array.from({ length: 8 }, (_, j) => 0.1 * (j + 1));
    const rows = 50;
    const near = new Float64Array(rows * 8);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < 8; j++) near[r * 8 + j] = base[j] * (1 + ((r * 7 + j) % 5) * Number.EPSILON);
    expectSame(near, rows, 8, base, [1, 3, 10, 60]);
  });

  it("goes through many queries in chunks on a tall training set (300,000 rows: chunks of 4)", () => {
    const rng = makeRng(10);
    const rows = 300_000;
    const train = Float64Array.from({ length: rows * 2 }, () => rng.int(50) / 7);
    const queries = Float64Array.from({ length: 9 * 2 }, () => rng.int(50) / 7);
    expectSame(train, rows, 2, queries, [3]);
  });

  it("goes through the WebAssembly scan's blocks and tiles: rows padded to a multiple of 4, queries by fours and singly", () => {
    // 9,999 rows: blocks of 256, 256, 512, ... rows, the last padded with a zero row that must
    // never come back; 13 queries (chunks of 4: groups of four and one single) and 70 (one chunk
    // of 6 after chunks of 64 at 1,000 rows below); a query equal to a training row.
    const { data, cols } = oneHotTable(9_999, 7, [3, 40], 11);
    const q = oneHotTable(12, 7, [3, 40], 12);
    expectSame(
      data,
      9_999,
      cols,
      Float64Array.from([...q.data, ...data.slice(500 * cols, 501 * cols)]),
      [1, 5, 40],
    );
    const small = oneHotTable(1_001, 3, [5], 13);
    const many = oneHotTable(70, 3, [5], 14);
    expectSame(small.data, 1_001, small.cols, many.data, [2, 9]);
  });

  it("refuses training norms that overflow, and reports a query norm that does", () => {
    expect(DotShortlist.build(Float64Array.of(1e200, 1, 2, 3), 2, 2)).toBeUndefined();
    const shortlist = DotShortlist.build(Float64Array.of(1, 2, 3, 4), 2, 2)!;
    expect(shortlist.search(Float64Array.of(1e200, 0), [new NeighbourHeap(1)], 1, 1)).toBe(false);
  });

  it("is what the estimator uses for Euclidean brute force: same predictions as the one-query scan", () => {
    const { data, cols } = oneHotTable(700, 4, [2, 9, 20], 7);
    const X: Matrix = { data, rows: 700, cols, names: Array.from({ length: cols }, (_, c) => `x${c}`) };
    const Q = oneHotTable(130, 4, [2, 9, 20], 8);
    const rng = makeRng(9);
    const y: Target = {
      values: Float64Array.from({ length: 700 }, () => rng.int(3)),
      classes: ["a", "b", "c"],
    };
    const query: Matrix = { ...X, data: Q.data, rows: 130 };
    for (const weights of ["uniform", "distance"] as const) {
      const fast = new KNearestNeighbors({ n_neighbors: 7, weights }).fit(X, y);
      const slow = new KNearestNeighbors({ n_neighbors: 7, weights });
      slow.blocked = false;
      slow.fit(X, y);
      expect(fast.resolvedSearch()).toBe("brute");
      expect(fast.predictProba(query)).toEqual(slow.predictProba(query));
    }
  });
});
