import { describe, expect, it } from "vitest";
import { linearShap, linearView } from "../../../../../src/core/automl/explain/linearShap.ts";
import type { Matrix } from "../../../../../src/core/models/estimator.ts";
import { LogisticRegression } from "../../../../../src/core/models/logistic/logisticRegression.ts";
import { makeRng } from "../../../../../src/core/random.ts";

const matrix = (rows: number[][]): Matrix => ({
  data: Float64Array.from(rows.flat()),
  rows: rows.length,
  cols: rows[0].length,
  names: rows[0].map((_, j) => `x${j}`),
});

describe("linearShap", () => {
  it("gives coef * (x - background mean) by hand", () => {
    // Background mean (3, 2); x = (4, 1): phi = (2 * 1, -1 * -1) = (2, 1);
    // base = 0.5 + 2 * 3 - 1 * 2 = 4.5; output = 0.5 + 8 - 1 = 7.5 = 4.5 + 2 + 1.
    const view = { coef: [Float64Array.of(2, -1)], intercept: Float64Array.of(0.5) };
    const got = linearShap(
      view,
      0,
      matrix([
        [4, 1],
        [3, 2],
      ]),
      matrix([
        [1, 2],
        [3, 4],
        [5, 0],
      ]),
    );
    expect(got.base).toBe(4.5);
    expect(Array.from(got.phi, (v) => v + 0)).toEqual([2, 1, 0, 0]);
    expect(Array.from(got.output)).toEqual([7.5, 4.5]);
  });

  it("reads logistic regression's log-odds: the sigmoid of the output is predictProba's class 1", () => {
    const rng = makeRng(4);
    const rows = Array.from({ length: 80 }, () => [rng.next() * 2 - 1, rng.next() * 2 - 1, rng.next()]);
    const X = matrix(rows);
    const y = {
      values: Float64Array.from(rows, (r) => (r[0] - 0.5 * r[1] + (rng.next() - 0.5) > 0 ? 1 : 0)),
      classes: ["a", "b"],
    };
    const model = new LogisticRegression().fit(X, y);
    const view = linearView(model);
    expect(view.coef).toHaveLength(1);
    const got = linearShap(view, 0, X, X);
    const p = model.predictProba(X);
    for (let r = 0; r < X.rows; r++) {
      expect(1 / (1 + Math.exp(-got.output[r]))).toBeCloseTo(p[r * 2 + 1], 12);
      const sum = got.phi.subarray(r * 3, r * 3 + 3).reduce((s, v) => s + v, got.base);
      expect(Math.abs(sum - got.output[r])).toBeLessThan(1e-12);
    }
    // Over its own background, the contributions of each feature average to zero.
    for (let f = 0; f < 3; f++) {
      let s = 0;
      for (let r = 0; r < X.rows; r++) s += got.phi[r * 3 + f];
      expect(Math.abs(s / X.rows)).toBeLessThan(1e-12);
    }
  });
});
