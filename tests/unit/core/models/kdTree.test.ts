import { describe, expect, it } from "vitest";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { KdTree } from "../../../../src/core/models/knn/kdTree.ts";
import { KNearestNeighbors } from "../../../../src/core/models/knn/kNearestNeighbors.ts";
import { type DistanceMetric, NeighbourHeap, nearest } from "../../../../src/core/models/knn/nearest.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { loadDataset } from "./datasets.ts";

const METRICS: DistanceMetric[] = ["euclidean", "manhattan"];

/** The definition, independent of the code under test: sort every row by (distance, row index). */
function oracle(
  train: Float64Array,
  rows: number,
  cols: number,
  q: Float64Array,
  k: number,
  metric: DistanceMetric,
) {
  const d = Array.from({ length: rows }, (_, r) => {
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const t = train[r * cols + j] - q[j];
      s += metric === "euclidean" ? t * t : Math.abs(t);
    }
    return s;
  });
  const order = d.map((_, r) => r).sort((a, b) => d[a] - d[b] || a - b);
  const kept = order.slice(0, Math.min(k, rows));
  return {
    index: kept,
    distance: kept.map((r) => (metric === "euclidean" ? Math.sqrt(d[r]) : d[r])),
  };
}

function treeNeighbours(tree: KdTree, q: Float64Array, k: number, metric: DistanceMetric) {
  const m = Math.min(k, tree.rows);
  const heap = new NeighbourHeap(m);
  heap.reset(m);
  tree.search(q, metric, heap);
  const index = new Int32Array(m);
  const distance = new Float64Array(m);
  heap.drainSorted(index, distance, metric);
  return { index: Array.from(index), distance: Array.from(distance) };
}

/**
 * Every query's tree neighbours against the oracle and against `nearest` (brute force), for
 * both metrics, several k and leaf sizes down to 1 (deep trees: most pruning decisions).
 */
function expectSameAsBruteForce(
  train: Float64Array,
  rows: number,
  cols: number,
  queries: Float64Array,
  ks: number[],
  leafSizes = [1, 3, 40],
): number {
  let compared = 0;
  for (const leaf of leafSizes) {
    const tree = new KdTree(train, rows, cols, leaf);
    for (const metric of METRICS) {
      for (const k of ks) {
        for (let r = 0; r < queries.length / cols; r++) {
          const q = queries.slice(r * cols, (r + 1) * cols);
          const want = oracle(train, rows, cols, q, k, metric);
          const got = treeNeighbours(tree, q, k, metric);
          expect(got, `leaf ${leaf}, ${metric}, k ${k}, query ${r}`).toEqual(want);
          const brute = nearest(train, rows, cols, q, 0, k, metric);
          expect(Array.from(brute.index)).toEqual(want.index);
          expect(Array.from(brute.distance)).toEqual(want.distance);
          compared++;
        }
      }
    }
  }
  return compared;
}

function gaussianMatrix(rows: number, cols: number, seed: number): Float64Array {
  const rng = makeRng(seed);
  return Float64Array.from(
    { length: rows * cols },
    () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()),
  );
}

describe("KdTree", () => {
  it("finds brute force's neighbours on seeded random data", () => {
    const cols = 3;
    const train = gaussianMatrix(300, cols, 1);
    // Queries from the same distribution, training rows themselves (distance 0) and far away.
    const queries = Float64Array.from([
      ...gaussianMatrix(20, cols, 2),
      ...train.slice(0, 5 * cols),
      9,
      -9,
      9,
    ]);
    expect(expectSameAsBruteForce(train, 300, cols, queries, [1, 5, 17])).toBe(3 * 2 * 3 * 26);
  });

  it("breaks exact ties by the lower row index, with many duplicate rows", () => {
    // 400 rows on a 3 x 3 x 3 grid: about 15 copies of each point, so every query has long
    // runs of equal distances that straddle the k-th neighbour.
    const rng = makeRng(5);
    const cols = 3;
    const train = Float64Array.from({ length: 400 * cols }, () => rng.int(3));
    const queries = Float64Array.from({ length: 30 * cols }, () => rng.int(5) / 2 - 0.5);
    expectSameAsBruteForce(train, 400, cols, queries, [1, 7, 20, 50]);
    // One visible case: from the centre of the grid, the nearest of its copies are the first ones.
    const tree = new KdTree(train, 400, cols, 2);
    const copies = Array.from({ length: 400 }, (_, r) => r).filter(
      (r) => train[r * 3] === 1 && train[r * 3 + 1] === 1 && train[r * 3 + 2] === 1,
    );
    expect(treeNeighbours(tree, Float64Array.of(1, 1, 1), 3, "euclidean").index).toEqual(copies.slice(0, 3));
  });

  it("returns every row, sorted, when k exceeds the row count, and handles one row", () => {
    const train = gaussianMatrix(10, 2, 3);
    expectSameAsBruteForce(train, 10, 2, gaussianMatrix(4, 2, 4), [10, 25]);
    const single = new KdTree(Float64Array.of(2, 3), 1, 2);
    expect(treeNeighbours(single, Float64Array.of(5, 7), 5, "euclidean")).toEqual({
      index: [0],
      distance: [5],
    });
    expect(treeNeighbours(single, Float64Array.of(5, 7), 5, "manhattan")).toEqual({
      index: [0],
      distance: [7],
    });
  });

  it("works on one column, with ties on both sides of the query", () => {
    const train = Float64Array.of(4, 1, 3, 1, 5, 3, 2, 2, 0, 4, 3, 1);
    // From 2.5: 2 and 3 tie at 0.5; rows 6, 7 (value 2) and 2, 5, 10 (value 3) in index order.
    const tree = new KdTree(train, train.length, 1, 1);
    expect(treeNeighbours(tree, Float64Array.of(2.5), 4, "manhattan").index).toEqual([2, 5, 6, 7]);
    expectSameAsBruteForce(train, train.length, 1, Float64Array.of(2.5, -1, 1, 3.25, 7), [1, 4, 12]);
  });

  it("prunes: a query on clustered low-dimensional data touches a small part of the rows", () => {
    const train = gaussianMatrix(4000, 2, 6);
    const tree = new KdTree(train, 4000, 2);
    const heap = new NeighbourHeap(5);
    heap.reset(5);
    const work = tree.search(Float64Array.of(0.1, -0.2), "euclidean", heap);
    expect(work).toBeLessThan(400);
    expect(work).toBeGreaterThanOrEqual(5);
  });

  it("keeps the k smallest by (distance, index) whatever the order of the offers", () => {
    const rng = makeRng(9);
    const d = Array.from({ length: 200 }, () => rng.int(20));
    const heap = new NeighbourHeap(12);
    heap.reset(12);
    for (let i = 199; i >= 0; i--) heap.push(d[i], i);
    const index = new Int32Array(12);
    const distance = new Float64Array(12);
    expect(heap.drainSorted(index, distance, "manhattan")).toBe(12);
    const want = d
      .map((_, i) => i)
      .sort((a, b) => d[a] - d[b] || a - b)
      .slice(0, 12);
    expect(Array.from(index)).toEqual(want);
    expect(Array.from(distance)).toEqual(want.map((i) => d[i]));
  });
});

describe("KNearestNeighbors search strategies", () => {
  async function fitWith(
    search: KNearestNeighbors["search"],
    params: ConstructorParameters<typeof KNearestNeighbors>[0],
    X: Matrix,
    y: Target,
  ) {
    const model = new KNearestNeighbors(params);
    model.search = search;
    return model.fit(X, y);
  }

  it("predicts identically with and without the tree on a known dataset", async () => {
    // Concrete: 1,030 rows x 8 standardised columns; rounding to halves adds duplicates and ties.
    const { X, y } = loadDataset("concrete");
    const rounded: Matrix = { ...X, data: X.data.map((v) => Math.round(v * 2) / 2) };
    for (const data of [X, rounded]) {
      for (const params of [
        { n_neighbors: 5 },
        { n_neighbors: 1, metric: "manhattan" as const },
        { n_neighbors: 12, weights: "distance" as const },
      ]) {
        const tree = await fitWith("kd_tree", params, data, y);
        const brute = await fitWith("brute", params, data, y);
        expect(tree.resolvedSearch()).toBe("kd_tree");
        expect(brute.resolvedSearch()).toBe("brute");
        expect(tree.predict(data)).toEqual(brute.predict(data));
      }
    }
    const { X: Xc, y: yc } = loadDataset("wine");
    for (const weights of ["uniform", "distance"] as const) {
      const tree = await fitWith("kd_tree", { n_neighbors: 7, weights }, Xc, yc);
      const brute = await fitWith("brute", { n_neighbors: 7, weights }, Xc, yc);
      expect(tree.predictProba(Xc)).toEqual(brute.predictProba(Xc));
    }
  });

  it("chooses the tree under auto for tall narrow data only, and rebuilds it after fromJSON", async () => {
    const rng = makeRng(11);
    const tall: Matrix = { data: gaussianMatrix(2000, 3, 12), rows: 2000, cols: 3, names: ["a", "b", "c"] };
    const y: Target = { values: Float64Array.from({ length: 2000 }, () => rng.next()) };
    const model = await new KNearestNeighbors({ n_neighbors: 4 }).fit(tall, y);
    expect(model.resolvedSearch()).toBe("kd_tree");
    const restored = KNearestNeighbors.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.resolvedSearch()).toBe("kd_tree");
    expect(restored.predict(tall)).toEqual(model.predict(tall));
    // Identical answers from brute force, and the tree is not part of the artifact.
    restored.search = "brute";
    expect(restored.predict(tall)).toEqual(model.predict(tall));
    const saved = JSON.parse(JSON.stringify(model.toJSON()));
    expect(Object.keys(saved.state).sort()).toEqual(["cols", "nClasses", "rows", "x", "y"]);

    const names = Array.from({ length: 40 }, (_, j) => `x${j}`);
    const wide: Matrix = { data: gaussianMatrix(2000, 40, 13), rows: 2000, cols: 40, names };
    expect((await new KNearestNeighbors().fit(wide, y)).resolvedSearch()).toBe("brute");
    // Twelve independent Gaussian columns: the probe finds the tree would scan most rows.
    const noisy: Matrix = { data: gaussianMatrix(2000, 12, 14), rows: 2000, cols: 12, names };
    expect((await new KNearestNeighbors().fit(noisy, y)).resolvedSearch()).toBe("brute");
    const short: Matrix = { ...tall, data: tall.data.subarray(0, 100 * 3), rows: 100 };
    const yShort: Target = { values: y.values.subarray(0, 100) };
    expect((await new KNearestNeighbors().fit(short, yShort)).resolvedSearch()).toBe("brute");
  });

  it("answers a query holding NaN as brute force does: the first k rows", async () => {
    const rng = makeRng(15);
    const X: Matrix = { data: gaussianMatrix(1000, 2, 16), rows: 1000, cols: 2, names: ["a", "b"] };
    const y: Target = { values: Float64Array.from({ length: 1000 }, () => rng.int(100)) };
    const query: Matrix = {
      data: Float64Array.of(0.5, Number.NaN, 0.1, 0.2),
      rows: 2,
      cols: 2,
      names: X.names,
    };
    const tree = await fitWith("auto", { n_neighbors: 3 }, X, y);
    expect(tree.resolvedSearch()).toBe("kd_tree");
    const pred = tree.predict(query);
    expect(pred[0]).toBe((y.values[0] + y.values[1] + y.values[2]) / 3);
    expect(pred).toEqual((await fitWith("brute", { n_neighbors: 3 }, X, y)).predict(query));
  });
});
