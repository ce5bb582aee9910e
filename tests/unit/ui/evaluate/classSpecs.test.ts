import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { classCurves } from "../../../../src/core/automl/evaluation/classCurves.ts";
import { calibrationSpec } from "../../../../src/ui/charts/specs/calibrationSpec.ts";
import { confusionSpec } from "../../../../src/ui/charts/specs/confusionSpec.ts";
import { prSpec } from "../../../../src/ui/charts/specs/prSpec.ts";
import { rocSpec } from "../../../../src/ui/charts/specs/rocSpec.ts";
import { dataOf, labelOf, marksOfType } from "../charts/marks.ts";

type Domain = { domain: unknown[] };

describe("confusionSpec", () => {
  const classes = ["setosa", "versicolor", "virginica"];
  // actual by row: setosa 10 right; versicolor 8 right, 2 as virginica; virginica 1 as versicolor, 9 right.
  const counts = [10, 0, 0, 0, 8, 2, 0, 1, 9];

  it("draws k² cells coloured by the share of the actual class, each labelled with its count", () => {
    const o = confusionSpec(counts, classes, { width: 500, subject: "out-of-fold predictions" });
    const [cell] = marksOfType(o, Plot.Cell);
    const cells = dataOf(cell) as { actual: string; predicted: string; count: number; share: number }[];
    expect(cells).toHaveLength(9);
    expect(cells.find((c) => c.actual === "versicolor" && c.predicted === "virginica")).toEqual({
      actual: "versicolor",
      predicted: "virginica",
      count: 2,
      share: 0.2,
    });
    const [text] = marksOfType(o, Plot.Text);
    expect(dataOf(text)).toHaveLength(9);
    expect((o.x as Domain).domain).toEqual(classes);
    expect((o.y as Domain).domain).toEqual(classes);
    expect(labelOf(o, "x")).toBe("Predicted class");
    expect(labelOf(o, "y")).toBe("Actual class");
    expect((o.color as Domain).domain).toEqual([0, 1]);
    expect(o.ariaLabel).toBe("Confusion matrix");
    expect(o.ariaDescription).toBe(
      "Confusion matrix of out-of-fold predictions: 27 of 30 rows on the diagonal (classified correctly).",
    );
  });

  it("says there is nothing for a matrix that does not match the classes", () => {
    const o = confusionSpec([1, 2, 3], ["a", "b"]);
    expect(o.ariaDescription).toBe("No values to plot");
    expect(marksOfType(o, Plot.Cell)).toHaveLength(0);
  });
});

describe("curve specs from real curves", () => {
  // Two classes, class 1 positive: scores rank every positive above every negative but one.
  const yTrue = Float64Array.from([0, 0, 0, 1, 0, 1, 1, 1]);
  const p1 = [0.1, 0.2, 0.3, 0.35, 0.6, 0.7, 0.8, 0.9];
  const proba = Float64Array.from(p1.flatMap((p) => [1 - p, p]));
  const [curve] = classCurves(yTrue, proba, ["no", "yes"], { bins: 5 });

  it("draws the ROC curve with the chance diagonal on the unit square", () => {
    const o = rocSpec([{ class: curve.class, fpr: curve.roc.fpr, tpr: curve.roc.tpr, auc: curve.auc }]);
    const lines = marksOfType(o, Plot.Line);
    expect(lines).toHaveLength(2);
    expect(dataOf(lines[0])).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
    const points = dataOf(lines[1]) as { series: string; x: number; y: number }[];
    expect(points[0]).toEqual({ series: "yes (AUC 0.9375)", x: 0, y: 0 });
    expect(points.at(-1)).toMatchObject({ x: 1, y: 1 });
    expect(curve.auc).toBeCloseTo(0.9375, 10);
    expect((o.x as Domain).domain).toEqual([0, 1]);
    expect(labelOf(o, "x")).toBe("False positive rate");
    expect(labelOf(o, "y")).toBe("True positive rate");
    expect((o.color as { legend: boolean }).legend).toBe(false);
    expect(o.ariaLabel).toBe("ROC curve");
  });

  it("draws precision against recall as steps, named with the average precision", () => {
    const o = prSpec([
      {
        class: "yes",
        recall: curve.pr.recall,
        precision: curve.pr.precision,
        averagePrecision: curve.averagePrecision,
      },
    ]);
    const [line] = marksOfType(o, Plot.Line);
    const points = dataOf(line) as { series: string; x: number; y: number }[];
    expect(points[0]).toMatchObject({ x: 0, y: 1 });
    expect(points.at(-1)).toMatchObject({ x: 1, y: 0.8 });
    expect(points[0].series).toMatch(/^yes \(AP 0\.9\d+\)$/);
    expect(labelOf(o, "x")).toBe("Recall");
    expect(labelOf(o, "y")).toBe("Precision");
  });

  it("draws the calibration bins with the diagonal, one legend entry per class", () => {
    const o = calibrationSpec([
      { class: "yes", ...curve.calibration },
      { class: "other", meanPredicted: [0.5], fractionPositive: [Number.NaN], count: [3] },
    ]);
    const [dot] = marksOfType(o, Plot.Dot);
    const bins = dataOf(dot) as { series: string; x: number; y: number; count: number }[];
    expect(bins.length).toBe(curve.calibration.count.length);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(8);
    expect(bins.every((b) => b.series === "yes")).toBe(true);
    expect((o.color as Domain & { legend: boolean }).domain).toEqual(["yes", "other"]);
    expect((o.color as { legend: boolean }).legend).toBe(true);
    expect(labelOf(o, "x")).toBe("Mean predicted probability");
    expect(labelOf(o, "y")).toBe("Observed share of positives");
  });

  it("names a series per class for one-vs-rest curves and says when there are none", () => {
    const o = rocSpec([
      { class: "a", fpr: [0, 1], tpr: [0, 1], auc: 0.5 },
      { class: "b", fpr: [0, 0, 1], tpr: [0, 1, 1], auc: 1 },
    ]);
    expect((o.color as Domain).domain).toEqual(["a (AUC 0.5)", "b (AUC 1)"]);
    expect(o.ariaDescription).toContain("a (AUC 0.5), b (AUC 1)");
    expect(rocSpec([]).ariaDescription).toBe("No values to plot");
    expect(prSpec([]).ariaDescription).toBe("No values to plot");
    expect(calibrationSpec([]).ariaDescription).toBe("No values to plot");
  });
});
