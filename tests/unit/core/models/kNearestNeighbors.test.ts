import { describe, expect, it } from "vitest";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { KNearestNeighbors } from "../../../../src/core/models/knn/kNearestNeighbors.ts";
import { synthetic } from "./datasets.ts";

const f = (...v: number[]) => Float64Array.from(v);
const column = (...v: number[]): Matrix => ({ data: f(...v), rows: v.length, cols: 1, names: ["x"] });

describe("KNearestNeighbors", () => {
  const X = column(0, 1, 2, 10);
  const y = { values: f(0, 10, 20, 30) };

  it("averages the k nearest targets, uniformly or by inverse distance", async () => {
    // Query 0.4: neighbours x = 0 (d 0.4, y 0) and x = 1 (d 0.6, y 10).
    const uniform = await new KNearestNeighbors({ n_neighbors: 2 }).fit(X, y);
    expect(uniform.predict(column(0.4))[0]).toBeCloseTo(5, 12);
    // (0/0.4 + 10/0.6) / (1/0.4 + 1/0.6) = 16.667 / 4.1667 = 4.
    const weighted = await new KNearestNeighbors({ n_neighbors: 2, weights: "distance" }).fit(X, y);
    expect(weighted.predict(column(0.4))[0]).toBeCloseTo(4, 12);
    // An exact match decides alone.
    expect(weighted.predict(column(1))[0]).toBe(10);
  });

  it("breaks distance ties by training order and caps k at the row count", async () => {
    const model = await new KNearestNeighbors({ n_neighbors: 1 }).fit(column(-1, 1), { values: f(7, 9) });
    expect(model.predict(column(0))[0]).toBe(7);
    const all = await new KNearestNeighbors({ n_neighbors: 50 }).fit(X, y);
    expect(all.predict(column(0))[0]).toBe(15);
  });

  it("votes for classification and memorises with k = 1", async () => {
    const { X: Xc, y: yc } = synthetic("multiclass", 40, 5);
    const one = await new KNearestNeighbors({ n_neighbors: 1 }).fit(Xc, yc);
    expect(one.predict(Xc)).toEqual(yc.values);
    const three = await new KNearestNeighbors({ n_neighbors: 3 }).fit(column(0, 1, 2, 9), {
      values: f(0, 1, 1, 2),
      classes: ["a", "b", "c"],
    });
    expect(Array.from(three.predictProba(column(1))).map((p) => +p.toFixed(6))).toEqual([
      0.333333, 0.666667, 0,
    ]);
  });

  it("supports Manhattan distance", async () => {
    // From (0, 0): A (2, 2) is at Euclid 2.83 / Manhattan 4; B (3.5, 0) at 3.5 / 3.5.
    const X2: Matrix = { data: f(2, 2, 3.5, 0), rows: 2, cols: 2, names: ["a", "b"] };
    const target = { values: f(1, 2) };
    const origin: Matrix = { data: f(0, 0), rows: 1, cols: 2, names: ["a", "b"] };
    expect((await new KNearestNeighbors({ n_neighbors: 1 }).fit(X2, target)).predict(origin)[0]).toBe(1);
    const manhattan = await new KNearestNeighbors({ n_neighbors: 1, metric: "manhattan" }).fit(X2, target);
    expect(manhattan.predict(origin)[0]).toBe(2);
  });

  it("accepts Float32 rows and refuses a bad k", async () => {
    const X32: Matrix = { ...X, data: Float32Array.from(X.data) };
    const model = await new KNearestNeighbors({ n_neighbors: 2 }).fit(X32, y);
    expect(model.predict({ ...column(0.5), data: Float32Array.of(0.5) })[0]).toBe(5);
    expect(() => new KNearestNeighbors({ n_neighbors: 0 }).fit(X, y)).toThrow(/invalid n_neighbors: 0/);
  });
});
