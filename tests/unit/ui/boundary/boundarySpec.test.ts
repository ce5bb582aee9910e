import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { boundarySpec, PART_LABELS, regionOpacity } from "../../../../src/ui/boundary/boundarySpec.ts";
import { scoreGap } from "../../../../src/ui/boundary/scoreText.ts";
import { validationCurveSpec } from "../../../../src/ui/boundary/validationCurveSpec.ts";
import { dataOf, labelOf, marksOfType } from "../charts/marks.ts";

const grid = { nx: 2, ny: 2, x0: 0, x1: 4, y0: 10, y1: 20 };
const points = {
  x: [1, 3],
  y: [12, 18],
  target: [0, 1],
  part: [0, 1],
};

describe("boundarySpec", () => {
  it("paints each cell by its predicted class, surer cells more opaque, under the labelled points", () => {
    const o = boundarySpec(
      { grid, classes: ["no", "yes"], cls: [0, 1, 1, 0], prob: [0.5, 1, 0.75, 0.9], value: null, points },
      { xLabel: "age", yLabel: "income", target: "bought", modelLabel: "k-nearest neighbours", width: 500 },
    );
    const [raster] = marksOfType(o, Plot.Raster);
    const [dot] = marksOfType(o, Plot.Dot);
    expect(o.marks!.indexOf(raster)).toBeLessThan(o.marks!.indexOf(dot));
    expect(dataOf(raster)).toEqual(["no", "yes", "yes", "no"]);
    expect(dataOf(dot)).toEqual([
      { x: 1, y: 12, target: "no", part: PART_LABELS[0] },
      { x: 3, y: 18, target: "yes", part: PART_LABELS[1] },
    ]);
    expect(labelOf(o, "x")).toBe("age");
    expect(labelOf(o, "y")).toBe("income");
    expect((o.x as { domain: number[] }).domain).toEqual([0, 4]);
    expect(o.color).toMatchObject({ type: "ordinal", domain: ["no", "yes"], legend: true, label: "bought" });
    expect(o.symbol).toMatchObject({ legend: true, domain: [...PART_LABELS] });
    expect(o.ariaLabel).toBe("Decision regions of k-nearest neighbours on age and income");
  });

  it("maps a coin toss to the faintest region and certainty to the strongest", () => {
    expect(regionOpacity(0.5, 2)).toBeCloseTo(0.08, 12);
    expect(regionOpacity(1 / 3, 3)).toBeCloseTo(0.08, 12);
    expect(regionOpacity(1, 3)).toBeCloseTo(0.6, 12);
    expect(regionOpacity(0.75, 2)).toBeCloseTo(0.34, 12);
  });

  it("draws a regression surface on a continuous scale, points coloured by their true value", () => {
    const o = boundarySpec(
      { grid, classes: null, cls: null, prob: null, value: [1, 2, 3, 4], points },
      { xLabel: "a", yLabel: "b", target: "price", modelLabel: "Linear regression (ridge)" },
    );
    expect(dataOf(marksOfType(o, Plot.Raster)[0])).toEqual([1, 2, 3, 4]);
    expect(o.color).toMatchObject({ type: "linear", legend: true, label: "price" });
    expect(o.ariaLabel).toMatch(/^Prediction surface/);
  });
});

describe("validationCurveSpec and scoreGap", () => {
  it("uses a log axis for log parameters and names the best validation value by the metric's direction", () => {
    const curve = {
      label: "Inverse penalty (C)",
      log: true,
      values: [0.01, 1, 100],
      trainMean: [0.6, 0.9, 0.99],
      trainStd: [0, 0, 0],
      validationMean: [0.6, 0.85, 0.7],
      validationStd: [0, 0, 0],
    };
    const o = validationCurveSpec(curve, { metricLabel: "Accuracy", direction: "higher" });
    expect(o.x).toMatchObject({ type: "log", label: "Inverse penalty (C)" });
    expect(o.ariaDescription).toMatch(/Best validation score 0\.85 at 1\./);
    const lower = validationCurveSpec(curve, { metricLabel: "RMSE", direction: "lower" });
    expect(lower.ariaDescription).toMatch(/Best validation score 0\.6 at 0\.01\./);
  });

  it("says overfitting only when training is clearly better", () => {
    expect(scoreGap(1, 0.8, "higher")).toMatch(/overfitting/);
    expect(scoreGap(0.9, 0.88, "higher")).toBeNull();
    expect(scoreGap(1, 2, "lower")).toMatch(/overfitting/);
    expect(scoreGap(11.6, 13.5, "lower")).toBeNull();
  });
});
