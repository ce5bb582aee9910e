import { describe, expect, it } from "vitest";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { BlockedBruteForce } from "../../../../src/core/models/knn/blockedBruteForce.ts";
import { KNearestNeighbors } from "../../../../src/core/models/knn/kNearestNeighbors.ts";
import {
  bruteForceSearch,
  type DistanceMetric,
  NeighbourHeap,
} from "../../../../src/core/models/knn/nearest.ts";
import { makeRng } from "../../../../src/core/random.ts";

const METRICS: DistanceMetric[] = ["euclidean", "manhattan"];

function gaussianMatrix(rows: number, cols: number, seed: number): Float64Array {
  const rng = makeRng(seed);
  return Float64Array.from(
    { length: rows * cols },
    () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()),
  );
}

/** Small integers: many duplicate rows and exact ties in distance, for both metrics. */
function gridMatrix(rows: number, cols: number, levels: number, seed: number): Float64Array {
  const rng = makeRng(seed);
  return Float64Array.from({ length: rows * cols }, () => rng.int(levels));
}

/** The one-query path, query by query: neighbours and reduced distances, nearest first. */
function oneByOne(
  train: Float64Array,
  rows: number,
  cols: number,
  queries: Float64Array,
  k: number,
  metric: DistanceMetric,
) {
  const m = Math.min(k, rows);
  const heap = new NeighbourHeap(m);
  const out: { index: number[]; distance: number[] }[] = [];
  for (let q = 0; q < queries.length / cols; q++) {
    heap.reset(m);
    bruteForceSearch(train, rows, cols, queries.slice(q * cols, (q + 1) * cols), metric, heap);
    const index = new Int32Array(m);
    const distance = new Float64Array(m);
    heap.drainSorted(index, distance, metric);
    out.push({ index: Array.from(index), distance: Array.from(distance) });
  }
  return out;
}

/** The blocked path, in blocks of `capacity` queries and tiles of `tile` training rows. */
function blocked(
  train: Float64Array,
  rows: number,
  cols: number,
  queries: Float64Array,
  k: number,
  metric: DistanceMetric,
  capacity: number,
  tile?: number,
) {
  const m = Math.min(k, rows);
  const search = new BlockedBruteForce(train, rows, cols, m, capacity, tile);
  const n = queries.length / cols;
  const out: { index: number[]; distance: number[] }[] = [];
  for (let q0 = 0; q0 < n; q0 += capacity) {
    const count = Math.min(capacity, n - q0);
    search.queries.set(queries.subarray(q0 * cols, (q0 + count) * cols));
    search.search(count, metric);
    for (let b = 0; b < count; b++) {
      const index = new Int32Array(m);
      const distance = new Float64Array(m);
      search.heaps[b].drainSorted(index, distance, metric);
      out.push({ index: Array.from(index), distance: Array.from(distance) });
    }
  }
  return out;
}

/** Blocked equals one-by-one, bit for bit, over block sizes, tiles, both metrics and several k. */
function expectSame(
  train: Float64Array,
  rows: number,
  cols: number,
  queries: Float64Array,
  ks: number[],
  shapes: [number, number | undefined][] = [
    [1, undefined],
    [3, 1],
    [4, 7],
    [9, 5],
    [64, undefined],
  ],
): number {
  let compared = 0;
  for (const metric of METRICS) {
    for (const k of ks) {
      const want = oneByOne(train, rows, cols, queries, k, metric);
      for (const [capacity, tile] of shapes) {
        const got = blocked(train, rows, cols, queries, k, metric, capacity, tile);
        expect(got, `${metric}, k ${k}, block ${capacity}, tile ${tile}`).toEqual(want);
        compared += got.length;
      }
    }
  }
  return compared;
}

describe("BlockedBruteForce", () => {
  it("finds the one-query scan's neighbours on seeded random data", () => {
    // 61 queries: not a multiple of any block size above but 1; 13 columns: not a multiple of 4.
    const cols = 13;
    const train = gaussianMatrix(700, cols, 1);
    const queries = Float64Array.from([...gaussianMatrix(56, cols, 2), ...train.slice(0, 5 * cols)]);
    expect(expectSame(train, 700, cols, queries, [1, 5, 16])).toBe(2 * 3 * 5 * 61);
  });

  it("keeps exact ties in row order, with many duplicate rows", () => {
    // 500 rows of 6 columns on {0, 1, 2}: long runs of equal distances across the k-th place.
    for (const cols of [6, 8]) {
      const train = gridMatrix(500, cols, 3, 3);
      const queries = Float64Array.from([...gridMatrix(37, cols, 3, 4), ...gridMatrix(10, cols, 5, 5)]);
      expectSame(train, 500, cols, queries, [1, 4, 25, 120]);
    }
    // Every row the same: the first k rows in index order, all at distance 0.
    const same = new Float64Array(40 * 5).fill(2);
    const got = blocked(same, 40, 5, new Float64Array(6 * 5).fill(2), 7, "euclidean", 4);
    for (const g of got) expect(g).toEqual({ index: [0, 1, 2, 3, 4, 5, 6], distance: Array(7).fill(0) });
  });

  it("handles k above the row count, one row and one column", () => {
    expectSame(gaussianMatrix(10, 3, 6), 10, 3, gaussianMatrix(11, 3, 7), [10, 25]);
    const one = blocked(Float64Array.of(2, 3), 1, 2, Float64Array.of(5, 7, 2, 3, 5, 7), 5, "euclidean", 4);
    expect(one).toEqual([
      { index: [0], distance: [5] },
      { index: [0], distance: [0] },
      { index: [0], distance: [5] },
    ]);
    expectSame(Float64Array.of(2, 3), 1, 2, gaussianMatrix(9, 2, 8), [1, 3]);
    const column = gridMatrix(300, 1, 7, 9);
    expectSame(
      column,
      300,
      1,
      Float64Array.from({ length: 23 }, (_, i) => i / 4 - 1),
      [1, 3, 40],
    );
  });

  it("gives the same answer for wider rows (early stops at several checkpoints)", () => {
    const cols = 62;
    const train = gaussianMatrix(400, cols, 10);
    expectSame(
      train,
      400,
      cols,
      gaussianMatrix(70, cols, 11),
      [1, 5],
      [
        [4, undefined],
        [64, 33],
      ],
    );
  });
});

describe("KNearestNeighbors blocked brute force", () => {
  async function fitModel(
    blockedSearch: boolean,
    params: ConstructorParameters<typeof KNearestNeighbors>[0],
    X: Matrix,
    y: Target,
    sampleWeight?: Float64Array,
  ) {
    const model = new KNearestNeighbors(params);
    model.search = "brute";
    model.blocked = blockedSearch;
    return model.fit(X, y, sampleWeight ? { sampleWeight } : undefined);
  }

  function table(rows: number, cols: number, seed: number, grid: boolean): Matrix {
    const data = grid ? gridMatrix(rows, cols, 3, seed) : gaussianMatrix(rows, cols, seed);
    return { data, rows, cols, names: Array.from({ length: cols }, (_, c) => `x${c}`) };
  }

  it("predicts and votes exactly as the one-query scan", async () => {
    const rng = makeRng(12);
    for (const grid of [false, true]) {
      const X = table(600, 9, 13, grid);
      // 150 queries: two full blocks of 64 and a part; a few hold NaN or infinity (fallback).
      const Q = table(150, 9, 14, grid);
      Q.data[7 * 9 + 2] = Number.NaN;
      Q.data[70 * 9] = Number.POSITIVE_INFINITY;
      Q.data[149 * 9 + 8] = Number.NEGATIVE_INFINITY;
      const classes: Target = {
        values: Float64Array.from({ length: 600 }, () => rng.int(3)),
        classes: ["a", "b", "c"],
      };
      const values: Target = { values: Float64Array.from({ length: 600 }, () => rng.next() * 10) };
      const sampleWeight = Float64Array.from({ length: 600 }, () => 0.5 + rng.next());
      for (const metric of METRICS) {
        for (const weights of ["uniform", "distance"] as const) {
          for (const k of [1, 5, 700]) {
            for (const w of [undefined, sampleWeight]) {
              const params = { n_neighbors: k, weights, metric };
              const label = `${grid ? "grid" : "gaussian"}, ${metric}, ${weights}, k ${k}, weights ${!!w}`;
              const [bc, oc] = [
                await fitModel(true, params, X, classes, w),
                await fitModel(false, params, X, classes, w),
              ];
              expect(bc.predictProba(Q), label).toEqual(oc.predictProba(Q));
              expect(bc.predict(Q), label).toEqual(oc.predict(Q));
              const [br, or] = [
                await fitModel(true, params, X, values, w),
                await fitModel(false, params, X, values, w),
              ];
              expect(br.predict(Q), label).toEqual(or.predict(Q));
            }
          }
        }
      }
    }
  });

  it("is what brute force uses, and matches the KD-tree, after a save and load too", async () => {
    const X = table(300, 4, 15, true);
    const Q = table(70, 4, 16, false);
    const y: Target = { values: Float64Array.from({ length: 300 }, (_, i) => (i * 7) % 4) };
    const brute = await fitModel(true, { n_neighbors: 6, weights: "distance" }, X, y);
    const tree = new KNearestNeighbors({ n_neighbors: 6, weights: "distance" });
    tree.search = "kd_tree";
    await tree.fit(X, y);
    expect(brute.resolvedSearch()).toBe("brute");
    expect(brute.predict(Q)).toEqual(tree.predict(Q));
    const loaded = KNearestNeighbors.fromJSON(JSON.parse(JSON.stringify(brute.toJSON())));
    loaded.search = "brute";
    expect(loaded.predict(Q)).toEqual(brute.predict(Q));
  });
});
