import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { regressionPlots } from "../../../../src/core/automl/evaluation/regressionPlots.ts";
import type { TreeDisplayNode } from "../../../../src/core/models/decisionTree/treeStructure.ts";
import { importanceSpec } from "../../../../src/ui/charts/specs/importanceSpec.ts";
import { learningCurveSpec } from "../../../../src/ui/charts/specs/learningCurveSpec.ts";
import { predictedActualSpec } from "../../../../src/ui/charts/specs/predictedActualSpec.ts";
import { residualHistogramSpec, residualSpec } from "../../../../src/ui/charts/specs/residualSpec.ts";
import { layoutTree, treeBoxes, treeSpec } from "../../../../src/ui/charts/specs/treeSpec.ts";
import { dataOf, labelOf, marksOfType } from "../charts/marks.ts";

type Domain = { domain: number[] };

describe("regression specs", () => {
  const actual = Float64Array.from([10, 20, 30, 40, 50]);
  const predicted = Float64Array.from([12, 18, 33, 37, 55]);
  const plots = regressionPlots(Int32Array.from([0, 1, 2, 3, 4]), actual, predicted, { bins: 4 });

  it("puts predicted against actual on one padded domain with the y = x line across it", () => {
    const o = predictedActualSpec(plots.actual, plots.predicted, { target: "price" });
    const [dot] = marksOfType(o, Plot.Dot);
    expect(dataOf(dot)).toHaveLength(5);
    const domain = (o.x as Domain).domain;
    expect(domain[0]).toBeCloseTo(10 - 0.9, 10);
    expect(domain[1]).toBeCloseTo(55 + 0.9, 10);
    expect((o.y as Domain).domain).toEqual(domain);
    const [line] = marksOfType(o, Plot.Line);
    expect(dataOf(line)).toEqual([
      { x: domain[0], y: domain[0] },
      { x: domain[1], y: domain[1] },
    ]);
    expect(labelOf(o, "x")).toBe("Actual price");
    expect(labelOf(o, "y")).toBe("Predicted price");
    expect(o.ariaDescription).toMatch(/^5 rows; the dashed line is y = x/);
  });

  it("draws residuals around a rule at zero on a symmetric domain", () => {
    const o = residualSpec(plots.residuals.predicted, plots.residuals.residual, { target: "price" });
    const [dot] = marksOfType(o, Plot.Dot);
    const points = dataOf(dot) as { predicted: number; residual: number }[];
    expect(points.map((p) => p.residual).sort((a, b) => a - b)).toEqual([-5, -3, -2, 2, 3]);
    expect((o.y as Domain).domain).toEqual([-5.25, 5.25]);
    expect(dataOf(marksOfType(o, Plot.RuleY)[0])).toEqual([0]);
    expect(labelOf(o, "y")).toBe("Residual (actual − predicted)");
    expect(labelOf(o, "x")).toBe("Predicted price");
  });

  it("bins every residual, with a rule at zero", () => {
    const o = residualHistogramSpec(plots.residualHistogram);
    const bins = dataOf(marksOfType(o, Plot.Rect)[0]) as { x1: number; x2: number; count: number }[];
    expect(bins).toHaveLength(4);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(bins[0].x1).toBe(-5);
    expect(bins.at(-1)?.x2).toBe(3);
    expect(dataOf(marksOfType(o, Plot.RuleX)[0])).toEqual([0]);
    expect(o.ariaDescription).toBe("5 residuals in 4 bins from -5 to 3.");
  });

  it("says there is nothing when no pair is finite", () => {
    expect(predictedActualSpec([Number.NaN], [1], { target: "y" }).ariaDescription).toBe("No values to plot");
    expect(residualSpec([], [], { target: "y" }).ariaDescription).toBe("No values to plot");
    expect(residualHistogramSpec({ edges: [], counts: [] }).ariaDescription).toBe("No values to plot");
  });
});

describe("learningCurveSpec", () => {
  const curve = {
    sizes: [10, 40, 80],
    trainMean: [1, 0.98, 0.97],
    trainStd: [0, 0.01, 0.01],
    validationMean: [0.8, Number.NaN, 0.95],
    validationStd: [0.1, Number.NaN, Number.NaN],
  };

  it("draws both series with ± std bands, leaving out points that could not be fitted", () => {
    const o = learningCurveSpec(curve, { metricLabel: "Accuracy" });
    const [area] = marksOfType(o, Plot.Area);
    const points = dataOf(area) as { series: string; size: number; mean: number; lo: number; hi: number }[];
    expect(points).toHaveLength(5);
    const first = points.find((p) => p.series === "Validation" && p.size === 10)!;
    expect(first.lo).toBeCloseTo(0.7, 12);
    expect(first.hi).toBeCloseTo(0.9, 12);
    // A missing std draws no band.
    expect(points.find((p) => p.series === "Validation" && p.size === 80)).toMatchObject({
      lo: 0.95,
      hi: 0.95,
    });
    expect(dataOf(marksOfType(o, Plot.Line)[0])).toHaveLength(5);
    expect(labelOf(o, "x")).toBe("Training rows");
    expect(labelOf(o, "y")).toBe("Accuracy");
    expect((o.color as { domain: string[] }).domain).toEqual(["Training", "Validation"]);
    expect(o.ariaDescription).toContain("At 80 rows: training 0.97, validation 0.95.");
  });
});

describe("importanceSpec", () => {
  it("ranks bars largest first, keeps the top `max`, and adds std whiskers", () => {
    const items = [
      { name: "a", value: 0.1, std: 0.02 },
      { name: "b", value: 0.3, std: 0 },
      { name: "c", value: -0.01 },
      { name: "d", value: Number.NaN },
    ];
    const o = importanceSpec(items, { valueLabel: "Accuracy lost", subject: "input columns", max: 2 });
    const bars = dataOf(marksOfType(o, Plot.BarX)[0]) as { name: string; value: number }[];
    expect(bars.map((b) => b.name)).toEqual(["b", "a"]);
    expect((o.y as { domain: string[] }).domain).toEqual(["b", "a"]);
    expect(dataOf(marksOfType(o, Plot.RuleY)[0])).toHaveLength(1);
    expect(labelOf(o, "x")).toBe("Accuracy lost");
    expect(o.ariaDescription).toBe("2 input columns (the top 2 of 3), largest first: b (0.3), a (0.1).");
    expect(importanceSpec([], { valueLabel: "x", subject: "s" }).ariaDescription).toBe("No values to plot");
  });
});

describe("treeSpec", () => {
  const leaf = (id: number, samples: number, value: number[]): TreeDisplayNode => ({
    id,
    samples,
    value,
    impurity: 0,
  });
  const root: TreeDisplayNode = {
    id: 0,
    samples: 100,
    value: [0.5, 0.5],
    impurity: 0.5,
    feature: "petal length",
    threshold: 2.45,
    children: [
      leaf(1, 50, [1, 0]),
      {
        id: 2,
        samples: 50,
        value: [0.1, 0.9],
        impurity: 0.18,
        feature: "petal width",
        threshold: 1.75,
        truncated: true,
      },
    ],
  };

  it("lays leaves out in order with each parent midway, and marks cut subtrees", () => {
    const { nodes, links, leaves, depth } = layoutTree(root, ["no", "yes"], 4);
    expect(leaves).toBe(2);
    expect(depth).toBe(1);
    expect(nodes.map((n) => [n.id, n.depth, n.order, n.leaf, n.more])).toEqual([
      [0, 0, 0.5, false, false],
      [1, 1, 0, true, false],
      [2, 1, 1, false, true],
    ]);
    expect(nodes[0].label).toBe("petal length ≤ 2.45\n100 rows · no 50%");
    expect(nodes[1].label).toBe("→ no 100%\n50 rows");
    expect(nodes[2].label).toBe("petal width ≤ 1.75 …\n50 rows · yes 90%");
    expect(links).toEqual([
      { x1: 0, y1: 0.5, x2: 1, y2: 0, branch: "yes" },
      { x1: 0, y1: 0.5, x2: 1, y2: 1, branch: "no" },
    ]);
  });

  it("stops at maxDepth and colours nodes by majority class", () => {
    const { nodes } = layoutTree(root, ["no", "yes"], 0);
    expect(nodes).toHaveLength(1);
    expect(nodes[0].more).toBe(true);
    const o = treeSpec(root, { classes: ["no", "yes"] });
    expect(marksOfType(o, Plot.Link)).toHaveLength(1);
    expect((dataOf(marksOfType(o, Plot.Dot)[0]) as { value: string }[]).map((d) => d.value)).toEqual([
      "no",
      "no",
      "yes",
    ]);
    expect((o.color as { domain: string[] }).domain).toEqual(["no", "yes"]);
    expect(o.ariaLabel).toBe("Decision tree");
    expect(o.ariaDescription).toContain("the root splitting 100 rows on petal length");
  });

  it("draws 12 px labels in boxes, cut to fit, and links only between boxes", () => {
    const wide: TreeDisplayNode = {
      ...root,
      feature: "a_rather_long_measurement_name_for_the_split",
      children: [root, { ...root, id: 7 }],
    };
    for (const width of [480, 900]) {
      const o = treeSpec(wide, { classes: ["no", "yes"], maxDepth: 4, width });
      const [text] = marksOfType(o, Plot.Text);
      expect((text as unknown as { fontSize: number }).fontSize).toBeGreaterThanOrEqual(11);
      const { boxes, edges } = treeBoxes(wide, ["no", "yes"], 4, width);
      for (const b of boxes) {
        // Each line fits its box at about 6.9 px a character, inside the chart.
        const longest = Math.max(...b.text.split("\n").map((l) => l.length));
        expect(longest * 6.9 + 18).toBeLessThanOrEqual(b.x2 - b.x1);
        expect(b.x2).toBeLessThanOrEqual(width);
      }
      expect(boxes.find((b) => b.depth === 0)?.text).toMatch(/… ≤ 2.45\n/);
      for (const e of edges) {
        // A link starts on a box's right edge and ends on another's left edge...
        expect(boxes.some((b) => b.x2 === e.x1 && e.y1 > b.y1 && e.y1 < b.y2)).toBe(true);
        expect(boxes.some((b) => b.x1 === e.x2 && e.y2 > b.y1 && e.y2 < b.y2)).toBe(true);
        // ...and runs in the gap between columns, over no box's text.
        for (const b of boxes) expect(Math.min(e.x2, b.x2) - Math.max(e.x1, b.x1)).toBeLessThanOrEqual(0);
      }
    }
  });

  it("shows the mean for a regression tree", () => {
    const reg: TreeDisplayNode = { ...leaf(0, 10, [3.5]) };
    const { nodes } = layoutTree(reg, null);
    expect(nodes[0].label).toBe("→ mean 3.5\n10 rows");
    expect(nodes[0].value).toBe(3.5);
  });
});
