import { describe, expect, it } from "vitest";
import type { Matrix } from "../../../../src/core/models/estimator.ts";
import { lbfgs } from "../../../../src/core/models/logistic/lbfgs.ts";
import { makeLogisticObjective } from "../../../../src/core/models/logistic/logisticLoss.ts";
import { LogisticRegression } from "../../../../src/core/models/logistic/logisticRegression.ts";
import { sparseRows, splitRows } from "../../../../src/core/models/logistic/sparseRows.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { loadDataset, synthetic } from "./datasets.ts";

const f = (...v: number[]) => Float64Array.from(v);
const column = (...v: number[]): Matrix => ({ data: f(...v), rows: v.length, cols: 1, names: ["x"] });

describe("LogisticRegression", () => {
  it("finds the closed-form maximum-likelihood fit without a penalty", async () => {
    // x = 0: 3 of 4 positive → intercept logit(0.75) = ln 3; x = 1: 1 of 4 → w = −2 ln 3.
    const X = column(0, 0, 0, 0, 1, 1, 1, 1);
    const y = { values: f(1, 1, 1, 0, 1, 0, 0, 0), classes: ["n", "p"] };
    const model = await new LogisticRegression({ penalty: "none", tol: 1e-10 }).fit(X, y);
    const [w, b] = model.toJSON().state.theta;
    expect(b).toBeCloseTo(Math.log(3), 6);
    expect(w).toBeCloseTo(-2 * Math.log(3), 6);
    expect(model.predictProba(column(0))[1]).toBeCloseTo(0.75, 6);
  });

  it("gives the class shares when the features carry nothing (unpenalised intercepts)", async () => {
    const X = column(...new Array(10).fill(0));
    const y = { values: f(0, 0, 0, 0, 0, 1, 1, 1, 2, 2), classes: ["a", "b", "c"] };
    const proba = (await new LogisticRegression({ tol: 1e-10 }).fit(X, y)).predictProba(column(0));
    expect(Array.from(proba).map((p) => +p.toFixed(6))).toEqual([0.5, 0.3, 0.2]);
  });

  it("converges to a stationary point of the penalised loss", async () => {
    const { X, y } = synthetic("multiclass", 80, 4);
    const model = await new LogisticRegression({ C: 0.5, tol: 1e-8, max_iter: 500 }).fit(X, y);
    expect(model.convergence?.converged).toBe(true);
    // Stationarity for a coefficient block: Σ_i (p_ic − [y_i = c]) x_ij + β_cj / C = 0.
    const proba = model.predictProba(X);
    const theta = model.toJSON().state.theta;
    for (let c = 0; c < 3; c++) {
      for (let j = 0; j < 3; j++) {
        let g = theta[c * 4 + j] / 0.5;
        for (let i = 0; i < X.rows; i++)
          g += (proba[i * 3 + c] - (y.values[i] === c ? 1 : 0)) * X.data[i * 3 + j];
        expect(Math.abs(g)).toBeLessThan(1e-5);
      }
    }
  });

  it("treats a weight of 2 like a duplicated row", async () => {
    const y = { values: f(0, 1, 0, 1, 1), classes: ["a", "b"] };
    const weighted = await new LogisticRegression({ tol: 1e-10 }).fit(column(0, 1, 2, 3, 4), y, {
      sampleWeight: f(1, 1, 2, 1, 1),
    });
    const yDup = { values: f(0, 1, 0, 0, 1, 1), classes: ["a", "b"] };
    const duplicated = await new LogisticRegression({ tol: 1e-10 }).fit(column(0, 1, 2, 2, 3, 4), yDup);
    expect(weighted.predictProba(column(2.5))[1]).toBeCloseTo(duplicated.predictProba(column(2.5))[1], 7);
  });

  it("zeroes coefficients with an L1 penalty", async () => {
    const { X, y } = loadDataset("breast_cancer");
    const coefs = async (penalty: "l1" | "l2") => {
      const theta = (await new LogisticRegression({ penalty, C: 0.05 }).fit(X, y)).toJSON().state.theta;
      return theta.slice(0, X.cols);
    };
    const l1 = await coefs("l1");
    expect(l1.filter((w) => w === 0).length).toBeGreaterThan(X.cols / 2);
    expect((await coefs("l2")).filter((w) => w === 0)).toHaveLength(0);
  });

  it("refuses one-class targets and bad params", async () => {
    const X = column(0, 1);
    expect(() => new LogisticRegression().fit(X, { values: f(0, 0), classes: ["a"] })).toThrow(
      /at least 2 classes/,
    );
    expect(() => new LogisticRegression({ C: 0 }).fit(X, { values: f(0, 1), classes: ["a", "b"] })).toThrow(
      /invalid C: 0/,
    );
  });

  it("reads a one-hot matrix through its non-zeros with the dense loop's numbers, bit for bit", () => {
    // 3 standardised-ish numbers, then two one-hot blocks (6 and 4 levels), 0/1 as the recipe
    // makes them; a few negative zeros and a very small value where sums cancel.
    const rng = makeRng(5);
    const n = 300;
    const p = 13;
    const data = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 3; j++) data[i * p + j] = rng.next() * 4 - 2;
      data[i * p + 3 + rng.int(6)] = 1;
      data[i * p + 9 + rng.int(4)] = 1;
      if (i % 7 === 0) data[i * p + 1] = -0;
      if (i % 11 === 0) data[i * p + 2] = 1e-300;
    }
    const sparse = sparseRows(data, n, p);
    expect(sparse).toBeDefined();
    expect(sparse!.col.length).toBeLessThan(n * 6);
    expect(sparseRows(data, n, p, 0.2)).toBeUndefined();
    for (const k of [2, 3]) {
      const y = Float64Array.from(
        { length: n },
        (_, i) => (data[i * p] + data[i * p + 3] > 0.3 ? 1 : 0) + (k === 3 && data[i * p + 9] === 1 ? 1 : 0),
      );
      const w = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : 1 + (i % 3)));
      const problem = { data, n, p, y, w, k };
      const size = (k === 2 ? 1 : k) * (p + 1);
      const fromSparse = makeLogisticObjective(problem, 0.01, sparse!);
      const fromDense = makeLogisticObjective(problem, 0.01, null);
      const theta = Float64Array.from({ length: size }, () => rng.next() - 0.5);
      const g1 = new Float64Array(size);
      const g2 = new Float64Array(size);
      expect(Object.is(fromSparse(theta, g1), fromDense(theta, g2))).toBe(true);
      expect(Array.from(g1).every((v, i) => Object.is(v, g2[i]))).toBe(true);
      const a = lbfgs(fromSparse, new Float64Array(size), { maxIter: 200, gtol: 1e-8 });
      const b = lbfgs(fromDense, new Float64Array(size), { maxIter: 200, gtol: 1e-8 });
      expect(a.iterations).toBe(b.iterations);
      expect(a.iterations).toBeGreaterThan(5);
      expect(Array.from(a.x).every((v, i) => Object.is(v, b.x[i]))).toBe(true);
      if (k !== 2) continue;
      // The binary model's default: the 3 numbers dense, the two one-hot blocks as their 1s.
      const split = splitRows(data, n, p);
      expect(split?.lead).toBe(3);
      expect(split!.col.length).toBe(2 * n);
      const fromSplit = makeLogisticObjective(problem, 0.01, split!);
      const g3 = new Float64Array(size);
      expect(Object.is(fromSplit(theta, g3), fromDense(theta, g2))).toBe(true);
      expect(Array.from(g3).every((v, i) => Object.is(v, g2[i]))).toBe(true);
      const c = lbfgs(fromSplit, new Float64Array(size), { maxIter: 200, gtol: 1e-8 });
      expect(c.iterations).toBe(b.iterations);
      expect(Array.from(c.x).every((v, i) => Object.is(v, b.x[i]))).toBe(true);
    }
    // No 0/1 tail of 2 columns or more: no split.
    const numbers = Float64Array.from({ length: n * 3 }, (_, i) => data[Math.floor(i / 3) * p + (i % 3)]);
    expect(splitRows(numbers, n, 3)).toBeUndefined();
  });
});
