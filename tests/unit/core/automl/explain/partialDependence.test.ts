import { describe, expect, it } from "vitest";
import { predictRows } from "../../../../../src/core/automl/artifact/predictRows.ts";
import { partialDependence, pdpGrid } from "../../../../../src/core/automl/explain/partialDependence.ts";
import { pipelinePartialDependence } from "../../../../../src/core/automl/explain/pipelinePartialDependence.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { frameOf } from "../../prep/helpers.ts";
import { fixture, pipelineOf } from "./pipelineOf.ts";

const num = (f: Frame, name: string) =>
  (f.columns.find((c) => c.name === name)!.data as { values: Float64Array }).values;
const cat = (f: Frame, name: string) => {
  const d = f.columns.find((c) => c.name === name)!.data as { codes: Int32Array; levels: string[] };
  return (r: number) => d.levels[d.codes[r]];
};
/** A hand-written linear model: 1 + 2a - 3b + 0.5 [c = "x"]. */
const linear = (f: Frame) =>
  Float64Array.from(
    { length: f.rows },
    (_, r) => 1 + 2 * num(f, "a")[r] - 3 * num(f, "b")[r] + (cat(f, "c")(r) === "x" ? 0.5 : 0),
  );

describe("pdpGrid", () => {
  it("takes every distinct value of a numeric column with few of them, ascending, missing left out", () => {
    const f = frameOf({ a: [3, 1, Number.NaN, 3, 2] });
    expect(pdpGrid(f.columns[0], [0, 1, 2, 3, 4])).toEqual({ kind: "numeric", values: [1, 2, 3] });
  });

  it("cuts a numeric column with many values at evenly spaced quantiles between the percentiles", () => {
    const f = frameOf({ a: Array.from({ length: 100 }, (_, i) => 99 - i) });
    const rows = Array.from({ length: 100 }, (_, i) => i);
    // Sorted 0..99; quantile q sits at 99q: 0.05 -> 4.95, 0.275 -> 27.225, 0.5 -> 49.5, ...
    const g = pdpGrid(f.columns[0], rows, { resolution: 5 });
    expect(g.kind).toBe("numeric");
    const values = (g as { values: number[] }).values;
    for (const [i, v] of [4.95, 27.225, 49.5, 71.775, 94.05].entries()) expect(values[i]).toBeCloseTo(v, 12);
    expect(() => pdpGrid(f.columns[0], rows, { resolution: 1 })).toThrow(/invalid resolution: 1/);
  });

  it("lists a categorical column's levels that occur, most frequent first", () => {
    const f = frameOf({ c: ["y", "x", "z", "x", null, "y", "x"] });
    expect(pdpGrid(f.columns[0], [0, 1, 2, 3, 4, 5, 6])).toEqual({
      kind: "categorical",
      levels: ["x", "y", "z"],
    });
    expect(pdpGrid(f.columns[0], [0, 2, 5])).toEqual({ kind: "categorical", levels: ["y", "z"] });
  });
});

describe("partialDependence", () => {
  const frame = frameOf({
    a: [0, 1, 2, 4],
    b: [1, 0, 2, 1],
    c: ["x", "y", "x", "y"],
  });

  it("on a linear function: ICE lines by hand, and the PDP is their mean", async () => {
    const pd = await partialDependence(frame, "a", [0, 1, 3], linear, { pointsPerCall: 3 });
    expect(pd.grid).toEqual({ kind: "numeric", values: [0, 1, 4] });
    // Row 0 (b 1, c x): 1 + 2g - 3 + 0.5 = 2g - 1.5; row 1 (b 0, c y): 1 + 2g; row 3 (b 1, c y): 2g - 2.
    const want = [
      [-1.5, 0.5, 6.5],
      [1, 3, 9],
      [-2, 0, 6],
    ];
    expect(Array.from(pd.ice)).toEqual(want.flat());
    // Mean of the lines: 2g + (-1.5 + 1 - 2) / 3 = 2g - 5/6.
    for (const [i, g] of [0, 1, 4].entries()) expect(pd.pdp[i]).toBeCloseTo(2 * g - 5 / 6, 12);
    expect(pd.rows).toEqual([0, 1, 3]);
  });

  it("sets a categorical column to each level; the other columns keep each row's values", async () => {
    const seen: number[] = [];
    const pd = await partialDependence(frame, "c", [1, 2], linear, {
      pointsPerCall: 1,
      onProgress: (p) => seen.push(p.done),
    });
    expect(pd.grid).toEqual({ kind: "categorical", levels: ["x", "y"] });
    // Row 1 (a 1, b 0): 3.5 with x, 3 with y; row 2 (a 2, b 2): -0.5 with x, -1 with y.
    expect(Array.from(pd.ice)).toEqual([3.5, 3, -0.5, -1]);
    expect(Array.from(pd.pdp)).toEqual([1.5, 1]);
    expect(seen).toContain(2);
  });

  it("stops on an aborted signal with an AbortError", async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(partialDependence(frame, "a", [0], linear, { signal: ctl.signal })).rejects.toThrow();
    await expect(partialDependence(frame, "nope", [0], linear)).rejects.toThrow(/no column "nope"/);
  });
});

describe("pipelinePartialDependence", () => {
  it("ridge regression: parallel straight ICE lines, each through the row's own prediction", async () => {
    const diabetes = await fixture("diabetes.csv");
    const pipeline = await pipelineOf(diabetes, "target", "regression", ["linear"]);
    const pd = await pipelinePartialDependence(pipeline, diabetes, "bmi", {
      lines: 12,
      seed: 3,
      resolution: 8,
    });
    expect(pd.output).toBe("value");
    expect(pd.rows).toHaveLength(12);
    const grid = (pd.grid as { values: number[] }).values;
    expect(grid).toHaveLength(8);
    const slope = (pd.ice[0][7] - pd.ice[0][0]) / (grid[7] - grid[0]);
    expect(Math.abs(slope)).toBeGreaterThan(1);
    const pred = predictRows(pipeline, diabetes).predictions as number[];
    const bmi = num(diabetes, "bmi");
    pd.rows.forEach((r, i) => {
      for (let g = 0; g < 8; g++) expect(pd.ice[i][g]).toBeCloseTo(pred[r] + slope * (grid[g] - bmi[r]), 8);
    });
    for (let g = 0; g < 8; g++)
      expect(pd.pdp[g]).toBeCloseTo(pd.ice.reduce((s, line) => s + line[g], 0) / 12, 10);
    // Seeded: the same lines again; another seed draws other rows.
    const again = await pipelinePartialDependence(pipeline, diabetes, "bmi", {
      lines: 12,
      seed: 3,
      resolution: 8,
    });
    expect(again.rows).toEqual(pd.rows);
    expect(again.pdp).toEqual(pd.pdp);
    const other = await pipelinePartialDependence(pipeline, diabetes, "bmi", {
      lines: 12,
      seed: 4,
      resolution: 8,
    });
    expect(other.rows).not.toEqual(pd.rows);
  });

  it("classification: the positive class's probability, per level of a category", async () => {
    const penguins = await fixture("penguins.csv");
    const pipeline = await pipelineOf(penguins, "sex", "binary", ["gbdt"], { max_iter: 20 });
    const pd = await pipelinePartialDependence(pipeline, penguins, "island", { lines: 10, seed: 1 });
    expect(pd.output).toBe("probability");
    expect(pd.class).toBe(pipeline.artifact.classes![1]);
    expect((pd.grid as { levels: string[] }).levels.sort()).toEqual(["Biscoe", "Dream", "Torgersen"]);
    for (const line of pd.ice) for (const p of line) expect(p >= 0 && p <= 1).toBe(true);
    await expect(pipelinePartialDependence(pipeline, penguins, "sex")).rejects.toThrow(/not an input/);
  });
});
