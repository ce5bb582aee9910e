import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import type { BoxSummary } from "../../../../src/core/profile/numericSummary.ts";
import { barSpec } from "../../../../src/ui/charts/specs/barSpec.ts";
import { boxByCategorySpec } from "../../../../src/ui/charts/specs/boxByCategorySpec.ts";
import { boxSpec } from "../../../../src/ui/charts/specs/boxSpec.ts";
import { densitySpec } from "../../../../src/ui/charts/specs/densitySpec.ts";
import { histogramSpec } from "../../../../src/ui/charts/specs/histogramSpec.ts";
import { scatterSpec } from "../../../../src/ui/charts/specs/scatterSpec.ts";
import { stackedBarSpec } from "../../../../src/ui/charts/specs/stackedBarSpec.ts";
import { timeSpec } from "../../../../src/ui/charts/specs/timeSpec.ts";
import { dataOf, labelOf, marksOfType } from "./marks.ts";

describe("histogramSpec", () => {
  const hist = { edges: [0, 10, 20, 30], counts: [4, 9, 2] };

  it("draws one rect per bin with labelled axes and a text alternative", () => {
    const o = histogramSpec(hist, { column: "age" });
    const [rect] = marksOfType(o, Plot.Rect);
    expect(dataOf(rect)).toEqual([
      { x1: 0, x2: 10, count: 4 },
      { x1: 10, x2: 20, count: 9 },
      { x1: 20, x2: 30, count: 2 },
    ]);
    expect(labelOf(o, "x")).toBe("age");
    expect(labelOf(o, "y")).toBe("Rows");
    expect(o.ariaLabel).toBe("Histogram of age");
    expect(o.ariaDescription).toContain("15 values in 3 bins from 0 to 30");
    expect(o.ariaDescription).toContain("10 to 20, holds 9 rows");
  });

  it("shortens big tick numbers with SI prefixes", () => {
    const o = histogramSpec({ edges: [0, 50_000, 100_000], counts: [1, 2] }, { column: "price" });
    expect((o.x as { tickFormat?: unknown }).tickFormat).toBe("~s");
  });

  it("widens the one bin of a constant column and says when there is nothing", () => {
    const o = histogramSpec({ edges: [5, 5], counts: [7] }, { column: "c" });
    const [b] = dataOf(marksOfType(o, Plot.Rect)[0]) as { x1: number; x2: number }[];
    expect(b.x1).toBeLessThan(5);
    expect(b.x2).toBeGreaterThan(5);
    const empty = histogramSpec({ edges: [], counts: [] }, { column: "c" });
    expect(marksOfType(empty, Plot.Text)).toHaveLength(1);
  });
});

describe("boxSpec", () => {
  const box: BoxSummary = {
    lowerWhisker: 1,
    q1: 3,
    median: 4,
    q3: 6,
    upperWhisker: 10,
    lowerFence: -1.5,
    upperFence: 10.5,
    outliers: 2,
    outliersLow: 0,
    outliersHigh: 2,
  };

  it("draws whiskers, box, median and only the sample values beyond the fences", () => {
    const o = boxSpec(box, { column: "x", outliers: [2, 11, 40] });
    expect(marksOfType(o, Plot.RuleY)).toHaveLength(1);
    expect(marksOfType(o, Plot.BarX)).toHaveLength(1);
    expect(marksOfType(o, Plot.TickX).length).toBeGreaterThanOrEqual(1);
    expect(dataOf(marksOfType(o, Plot.Dot)[0])).toEqual([11, 40]);
    expect(labelOf(o, "x")).toBe("x");
    expect(o.ariaLabel).toBe("Box plot of x");
    expect(o.ariaDescription).toContain("Median 4, quartiles 3 to 6");
  });
});

describe("densitySpec", () => {
  it("draws an area and a line over a grid of KDE points", () => {
    const o = densitySpec([1, 2, 2, 3, null], { column: "v", sampledFrom: 5000 });
    const [line] = marksOfType(o, Plot.Line);
    expect(dataOf(line)).toHaveLength(128);
    expect(marksOfType(o, Plot.Area)).toHaveLength(1);
    expect(labelOf(o, "y")).toBe("Density");
    expect(o.ariaDescription).toContain("4 values (a sample of 5,000 rows)");
    expect(o.ariaDescription).toContain("Silverman");
  });
});

describe("barSpec", () => {
  it("sorts bars longest first, keeps 'Other' last, caps at 12 and sizes the left margin", () => {
    const items = Array.from({ length: 15 }, (_, i) => ({ label: `level ${i}`, value: i + 1 }));
    const o = barSpec([...items, { label: "Other (3 values)", value: 2, other: true }], {
      title: "Top values of c",
      valueLabel: "Rows",
      categoryLabel: "c",
    });
    const domain = (o.y as { domain: string[] }).domain;
    expect(domain).toHaveLength(13);
    expect(domain[0]).toBe("level 14");
    expect(domain[12]).toBe("Other (3 values)");
    expect(marksOfType(o, Plot.BarX)).toHaveLength(1);
    expect(labelOf(o, "x")).toBe("Rows");
    expect(labelOf(o, "y")).toBe("c");
    expect(o.marginLeft).toBeGreaterThan(40);
    expect(o.ariaDescription).toContain("3 smaller ones not shown");
  });

  it("truncates long category labels in the ticks only", () => {
    const long = "a category name that goes on and on";
    const o = barSpec([{ label: long, value: 1 }], { title: "t", valueLabel: "Rows", categoryLabel: "c" });
    const format = (o.y as { tickFormat: (d: string) => string }).tickFormat;
    expect(format(long).length).toBeLessThanOrEqual(22);
    expect((o.y as { domain: string[] }).domain).toEqual([long]);
  });
});

describe("timeSpec", () => {
  it("draws one rect per calendar bucket on a UTC axis", () => {
    const day = 86_400_000;
    const o = timeSpec(
      {
        unit: "day",
        step: 1,
        starts: [0, day, 2 * day],
        labels: ["1970-01-01", "1970-01-02", "1970-01-03"],
        counts: [3, 0, 5],
      },
      { column: "when" },
    );
    const bars = dataOf(marksOfType(o, Plot.Rect)[0]) as { start: Date; end: Date }[];
    expect(bars).toHaveLength(3);
    expect(bars[2].end.getTime()).toBe(3 * day);
    expect((o.x as { type: string }).type).toBe("utc");
    expect(labelOf(o, "x")).toBe("when");
    expect(labelOf(o, "y")).toBe("Rows");
    expect(o.ariaLabel).toBe("Rows per day of when");
  });
});

describe("scatterSpec", () => {
  it("plots complete pairs and a least-squares line across the x range", () => {
    const o = scatterSpec([0, 1, 2, null], [1, 3, 2, 8], { xLabel: "a", yLabel: "b" });
    expect(dataOf(marksOfType(o, Plot.Dot)[0])).toHaveLength(3);
    const line = dataOf(marksOfType(o, Plot.Line)[0]) as { x: number; y: number }[];
    expect(line[0]).toEqual({ x: 0, y: 1.5 });
    expect(line[1]).toEqual({ x: 2, y: 2.5 });
    expect(labelOf(o, "x")).toBe("a");
    expect(labelOf(o, "y")).toBe("b");
    expect(o.ariaLabel).toBe("b against a");
    expect(o.ariaDescription).toContain("R² 0.25");
  });

  it("colours by a category on an explicit ordinal scale", () => {
    const o = scatterSpec([1, 2, 3], [1, 2, 3], {
      xLabel: "a",
      yLabel: "b",
      color: { label: "species", values: ["red", "blue", null] },
    });
    const color = o.color as { type: string; domain: string[]; legend: boolean };
    expect(color.type).toBe("ordinal");
    expect(color.domain).toEqual(["(missing)", "blue", "red"]);
    expect(color.legend).toBe(true);
  });
});

describe("boxByCategorySpec", () => {
  it("keeps the most frequent groups and labels both axes", () => {
    const groups = ["a", "a", "b", null, "c", "c", "c"];
    const o = boxByCategorySpec([1, 2, 3, 4, 5, 6, null], groups, { valueLabel: "v", groupLabel: "g" });
    expect((o.y as { domain: string[] }).domain).toEqual(["a", "c", "b"]);
    expect(labelOf(o, "x")).toBe("v");
    expect(labelOf(o, "y")).toBe("g");
    expect(marksOfType(o, Plot.BarX)).toHaveLength(1);
    expect(o.ariaLabel).toBe("v by g");
  });
});

describe("stackedBarSpec", () => {
  it("stacks class counts per group to 100%", () => {
    const o = stackedBarSpec(["x", "x", "y", "y", "y"], ["p", "q", "p", "p", null], {
      groupLabel: "island",
      colorLabel: "species",
    });
    const [bar] = marksOfType(o, Plot.BarX);
    expect(dataOf(bar)).toEqual([
      { group: "x", color: "p", count: 1 },
      { group: "x", color: "q", count: 1 },
      { group: "y", color: "p", count: 2 },
    ]);
    expect((o.x as { tickFormat: string }).tickFormat).toBe("~%");
    expect(labelOf(o, "y")).toBe("island");
  });
});
