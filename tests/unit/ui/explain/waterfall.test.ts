import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import type { PipelinePdp } from "../../../../src/core/automl/explain/pipelinePartialDependence.ts";
import { pdpSpec } from "../../../../src/ui/explain/pdpSpec.ts";
import { waterfallSpec } from "../../../../src/ui/explain/waterfallSpec.ts";
import { scaleLabel, signed, waterfallSteps } from "../../../../src/ui/explain/waterfallSteps.ts";
import { dataOf, marksOfType } from "../charts/marks.ts";

describe("waterfallSteps", () => {
  it("orders contributions by size, groups the small ones as 'other N columns', and ends at the output", () => {
    const w = waterfallSteps(["a", "b", "c", "d", "e"], [0.5, -2, 0.25, 0, -0.125], 1, 2);
    expect(w.steps.map((s) => s.label)).toEqual(["b", "a", "other 3 columns"]);
    expect(w.steps.map((s) => [s.from, s.to])).toEqual([
      [1, -1],
      [-1, -0.5],
      [-0.5, -0.375],
    ]);
    expect(w.steps[2].columns).toEqual(["c", "e", "d"]);
    expect(w.output).toBe(-0.375);
  });

  it("leaves out the group when every column has a bar, and names the scale", () => {
    const w = waterfallSteps(["x", "y"], [1, 2], 0);
    expect(w.steps.map((s) => s.label)).toEqual(["y", "x"]);
    expect(w.output).toBe(3);
    expect(scaleLabel("log_odds", "yes", "churn")).toBe("log-odds of yes");
    expect(scaleLabel("probability", "Gentoo", "species")).toBe("probability of Gentoo");
    expect(scaleLabel("value", null, "price")).toBe("predicted price");
    expect(signed(-2.5)).toBe("−2.5");
    expect(signed(0.125)).toBe("+0.125");
  });
});

describe("waterfallSpec", () => {
  it("one bar per step between running totals, base and output as dots, values beside names", () => {
    const w = waterfallSteps(["bmi", "age"], [3, -1], 10);
    const spec = waterfallSpec(w, { scale: "predicted target", values: { bmi: "32.1" } });
    const bars = dataOf(marksOfType(spec, Plot.BarX)[0]) as { from: number; to: number; label: string }[];
    expect(bars.map((b) => [b.label, b.from, b.to])).toEqual([
      ["bmi = 32.1", 10, 13],
      ["age", 13, 12],
    ]);
    const dots = dataOf(marksOfType(spec, Plot.Dot)[0]) as { label: string; to: number }[];
    expect(dots.map((d) => [d.label, d.to])).toEqual([
      ["Base value", 10],
      ["Output", 12],
    ]);
    expect(spec.ariaDescription).toBe(
      "Base value 10, output 12 (predicted target). Largest contributions: bmi +3, age −1.",
    );
  });
});

describe("pdpSpec", () => {
  const pd: PipelinePdp = {
    column: "island",
    grid: { kind: "categorical", levels: ["Biscoe", "Dream"] },
    output: "probability",
    class: "male",
    rows: [3, 8],
    ice: [
      [0.2, 0.4],
      [0.6, 0.8],
    ],
    pdp: [0.4, 0.6],
  };

  it("draws each row's ICE line and their mean at the levels, and says where the mean peaks", () => {
    const spec = pdpSpec(pd, { scale: "probability of male" });
    const [ice, mean] = marksOfType(spec, Plot.Line).map(dataOf) as { x: string; y: number }[][];
    expect(ice).toHaveLength(4);
    expect(mean.map((p) => [p.x, p.y])).toEqual([
      ["Biscoe", 0.4],
      ["Dream", 0.6],
    ]);
    expect(spec.ariaDescription).toContain("lowest, 0.4, at Biscoe and highest, 0.6, at Dream");
  });
});
