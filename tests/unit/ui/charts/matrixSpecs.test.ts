import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { heatmapSpec } from "../../../../src/ui/charts/specs/heatmapSpec.ts";
import { pairSpec } from "../../../../src/ui/charts/specs/pairSpec.ts";
import { parallelSpec } from "../../../../src/ui/charts/specs/parallelSpec.ts";
import { dataOf, labelOf, marksOfType } from "./marks.ts";

describe("heatmapSpec", () => {
  const matrix = {
    columns: ["a", "b", "c"],
    values: [
      [1, 0.8, null],
      [0.8, 1, -0.3],
      [null, -0.3, 1],
    ],
  };

  it("draws n² cells on a diverging -1..1 scale, labelled with values", () => {
    const o = heatmapSpec(matrix, { method: "pearson", width: 600 });
    const cells = marksOfType(o, Plot.Cell);
    expect(dataOf(cells[0])).toHaveLength(9);
    expect(dataOf(cells[1])).toHaveLength(7);
    const color = o.color as { domain: number[]; scheme: string };
    expect(color.domain).toEqual([-1, 1]);
    expect(color.scheme).toBe("RdBu");
    const [text] = marksOfType(o, Plot.Text);
    expect(dataOf(text)).toHaveLength(9);
    expect((o.x as { domain: string[] }).domain).toEqual(["a", "b", "c"]);
    expect((o.x as { tickRotate: number }).tickRotate).toBe(-45);
    expect(o.ariaLabel).toBe("Pearson r between numeric columns");
    expect(o.ariaDescription).toContain("strongest pair is a and b (0.80)");
  });

  it("uses 0..1 for Cramér's V and drops cell labels for many columns", () => {
    const names = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const values = names.map(() => names.map(() => 0.5));
    const o = heatmapSpec({ columns: names, values }, { method: "cramersV", width: 900 });
    expect((o.color as { domain: number[] }).domain).toEqual([0, 1]);
    expect(marksOfType(o, Plot.Text)).toHaveLength(0);
    expect(o.ariaLabel).toContain("categorical");
  });
});

describe("pairSpec", () => {
  it("makes a k×k grid: histograms on the diagonal, scatters elsewhere, axes labelled", () => {
    const cols = [
      { name: "a", values: [1, 2, 3, null] },
      { name: "b", values: [2, 4, 6, 8] },
      { name: "c", values: [0, 1, 0, 1] },
    ];
    const grid = pairSpec(cols, { width: 600 });
    expect(grid.names).toEqual(["a", "b", "c"]);
    expect(grid.cells).toHaveLength(9);
    const diag = grid.cells.filter((c) => c.row === c.col);
    expect(diag.every((c) => c.kind === "histogram")).toBe(true);
    const ab = grid.cells.find((c) => c.row === 1 && c.col === 0)!;
    expect(ab.kind).toBe("scatter");
    expect(dataOf(marksOfType(ab.options, Plot.Dot)[0])).toHaveLength(3);
    expect(labelOf(ab.options, "x")).toBe("a");
    expect(labelOf(ab.options, "y")).toBe("b");
    expect(grid.size).toBe(196);
  });

  it("keeps at most 5 columns", () => {
    const cols = Array.from({ length: 7 }, (_, i) => ({ name: `n${i}`, values: [1, 2] }));
    expect(pairSpec(cols).names).toHaveLength(5);
  });
});

describe("parallelSpec", () => {
  it("normalises each axis to 0..1 and draws one line per row", () => {
    const o = parallelSpec(
      [
        { name: "a", values: [0, 5, 10] },
        { name: "b", values: [100, 300, 200] },
      ],
      { color: { label: "t", values: ["x", "y", "x"] } },
    );
    const [line] = marksOfType(o, Plot.Line);
    const data = dataOf(line) as { row: number; axis: string; value: number }[];
    expect(data.filter((d) => d.axis === "a").map((d) => d.value)).toEqual([0, 0.5, 1]);
    expect(data.filter((d) => d.axis === "b").map((d) => d.value)).toEqual([0, 1, 0.5]);
    expect((o.y as { domain: number[] }).domain).toEqual([0, 1]);
    expect(labelOf(o, "y")).toBeTruthy();
    expect((o.color as { type: string }).type).toBe("ordinal");
    const texts = marksOfType(o, Plot.Text);
    expect(texts).toHaveLength(2);
  });

  it("thins the lines to maxLines with an even stride", () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    const o = parallelSpec(
      [
        { name: "a", values },
        { name: "b", values },
      ],
      { maxLines: 1000 },
    );
    const rows = new Set((dataOf(marksOfType(o, Plot.Line)[0]) as { row: number }[]).map((d) => d.row));
    expect(rows.size).toBe(1000);
  });
});
