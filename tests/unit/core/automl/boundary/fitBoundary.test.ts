import { describe, expect, it } from "vitest";
import { defaultAxes, prepareBoundaryData } from "../../../../../src/core/automl/boundary/boundaryData.ts";
import { boundaryPoints, fitBoundary, gridOf } from "../../../../../src/core/automl/boundary/fitBoundary.ts";
import { planLadder } from "../../../../../src/core/automl/ladder/ladderPlan.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { makeRng } from "../../../../../src/core/random.ts";
import { frameOf } from "../../prep/helpers.ts";
import { signalFrame } from "../ladder/helpers.ts";

/** Seeded classes split by a vertical line: "b" where u > 5, "a" below; v and w are noise. */
function separable(n = 400, seed = 11, gap = 0): Frame {
  const rng = makeRng(seed);
  const u = Array.from({ length: n }, () => {
    const x = rng.next() * (10 - gap);
    return x < 5 - gap / 2 ? x : x + gap;
  });
  return frameOf({
    u,
    v: Array.from({ length: n }, () => rng.next() * 10),
    w: Array.from({ length: n }, () => rng.next()),
    label: u.map((x) => (x > 5 ? "b" : "a")),
  });
}

const centre = (lo: number, hi: number, n: number, i: number) => lo + ((i + 0.5) * (hi - lo)) / n;

function prepared(frame: Frame, target: string) {
  return prepareBoundaryData(frame, planLadder(frame, { target, seed: 5, folds: 3 }));
}

describe("fitBoundary", () => {
  it("draws a logistic model's boundary on separable data at the true line, sure far from it", async () => {
    const data = prepared(separable(), "label");
    const r = await fitBoundary(data, {
      model: "logistic",
      values: { C: 1000 },
      x: "u",
      y: "v",
      resolution: 40,
    });
    const b = data.classes!.indexOf("b");
    const { nx, ny, x0, x1 } = r.grid;
    let wrong = 0;
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const cx = centre(x0, x1, nx, i);
        const c = j * nx + i;
        if (Math.abs(cx - 5) > 0.4 && (r.cls![c] === b) !== cx > 5) wrong++;
        if (Math.abs(cx - 5) > 3) expect(r.prob![c]).toBeGreaterThan(0.95);
      }
    }
    expect(wrong).toBe(0);
    expect(r.trainScore).toBeGreaterThan(0.99);
    expect(r.validScore).toBeGreaterThan(0.97);
    expect(r.metric).toBe(data.metric);
  });

  it("splits a depth-1 tree once, on x only, between the two groups", async () => {
    const data = prepared(separable(300, 3, 2), "label");
    const r = await fitBoundary(data, {
      model: "decision_tree",
      values: { max_depth: 1 },
      x: "u",
      y: "w",
      resolution: 50,
    });
    const b = data.classes!.indexOf("b");
    const { nx, ny, x0, x1 } = r.grid;
    const firstRow = Array.from(r.cls!.subarray(0, nx));
    for (let j = 1; j < ny; j++) expect(Array.from(r.cls!.subarray(j * nx, (j + 1) * nx))).toEqual(firstRow);
    const switches = firstRow.filter((c, i) => i > 0 && c !== firstRow[i - 1]).length;
    expect(switches).toBe(1);
    // The groups are u < 4 and u > 6: the threshold lies in the gap.
    const at = firstRow.indexOf(b);
    expect(centre(x0, x1, nx, at)).toBeGreaterThan(4);
    expect(centre(x0, x1, nx, at - 1)).toBeLessThan(6);
    expect(r.trainScore).toBe(1);
    expect(r.prob!.every((p) => p === 1)).toBe(true);
  });

  it("draws a linear regression's plane: the value of each cell is 3 a - 2 b", async () => {
    const rng = makeRng(3);
    const a = Array.from({ length: 300 }, () => rng.next() * 4);
    const b2 = Array.from({ length: 300 }, () => rng.next() * 2);
    const frame = frameOf({ a, b: b2, y: a.map((x, i) => 3 * x - 2 * b2[i] + 0.01 * (rng.next() - 0.5)) });
    const data = prepared(frame, "y");
    expect(data.task).toBe("regression");
    const r = await fitBoundary(data, {
      model: "linear",
      values: { alpha: 1e-4 },
      x: "a",
      y: "b",
      resolution: 20,
    });
    expect(r.cls).toBeNull();
    const { nx, ny, x0, x1, y0, y1 } = r.grid;
    for (let j = 0; j < ny; j += 3) {
      for (let i = 0; i < nx; i += 3) {
        const want = 3 * centre(x0, x1, nx, i) - 2 * centre(y0, y1, ny, j);
        expect(r.value![j * nx + i]).toBeCloseTo(want, 1);
      }
    }
    expect(r.trainScore).toBeLessThan(0.05);
  });

  it("is deterministic for a seed: the same request gives the same picture and scores", async () => {
    const data = prepared(signalFrame(400, 2), "label");
    const req = {
      model: "random_forest",
      values: { n_estimators: 10, max_depth: 5 },
      x: "signal",
      y: "noise_a",
    } as const;
    const one = await fitBoundary(data, req);
    const two = await fitBoundary(prepared(signalFrame(400, 2), "label"), req);
    expect(Array.from(two.cls!)).toEqual(Array.from(one.cls!));
    expect(Array.from(two.prob!)).toEqual(Array.from(one.prob!));
    expect([two.trainScore, two.validScore]).toEqual([one.trainScore, one.validScore]);
    expect(one.cls!.length).toBe(100 * 100);
  });

  it("shows overfitting: 1-NN scores perfectly on its training rows, worse on validation", async () => {
    const data = prepared(signalFrame(600, 4), "label");
    const one = await fitBoundary(data, {
      model: "knn",
      values: { n_neighbors: 1 },
      x: "signal",
      y: "noise_a",
    });
    const many = await fitBoundary(data, {
      model: "knn",
      values: { n_neighbors: 40 },
      x: "signal",
      y: "noise_a",
    });
    expect(one.trainScore).toBe(1);
    expect(one.validScore).toBeLessThan(one.trainScore);
    expect(many.validScore).toBeGreaterThan(one.validScore);
  });

  it("rejects an unknown column, a model for another task and an unknown slider", async () => {
    const data = prepared(signalFrame(100, 1), "label");
    await expect(fitBoundary(data, { model: "knn", x: "nope", y: "signal" })).rejects.toThrow(
      'no feature "nope"',
    );
    await expect(fitBoundary(data, { model: "linear", x: "signal", y: "noise_a" })).rejects.toThrow(
      "does not support binary",
    );
    await expect(
      fitBoundary(data, { model: "knn", values: { depth: 3 }, x: "signal", y: "noise_a" }),
    ).rejects.toThrow("unknown playground parameter for knn: depth");
  });
});

describe("prepareBoundaryData", () => {
  it("samples the training part, holds out a quarter and ranks the informative column first", () => {
    const frame = signalFrame(400, 2);
    const plan = planLadder(frame, { target: "label", seed: 5, folds: 3 });
    const data = prepareBoundaryData(frame, plan, { maxRows: 200 });
    expect(data.yTrain.length + data.yValid.length).toBe(200);
    expect(data.yValid.length).toBe(50);
    expect(defaultAxes(data)[0]).toBe("signal");
    expect(data.features.map((f) => f.name)).toContain("noise_a");
  });

  it("pads the grid by 5% of each range", () => {
    const f = (min: number, max: number) => ({
      name: "f",
      train: new Float64Array(),
      valid: new Float64Array(),
      min,
      max,
      relevance: 0,
    });
    expect(gridOf(f(0, 10), f(2, 2), 8)).toEqual({ nx: 8, ny: 8, x0: -0.5, x1: 10.5, y0: 1.95, y1: 2.05 });
  });

  it("gives points of both parts, capped", () => {
    const data = prepared(signalFrame(400, 2), "label");
    const p = boundaryPoints(data, "signal", "noise_a", 100);
    expect(p.x.length).toBeLessThanOrEqual(100);
    expect(p.part.includes(0) && p.part.includes(1)).toBe(true);
  });
});
