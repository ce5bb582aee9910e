import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import type { SelectState } from "../../../../src/core/features/selection/selectStep.ts";
import { selectionBars, selectionSpec } from "../../../../src/ui/charts/specs/selectionSpec.ts";
import { dataOf, labelOf, marksOfType } from "../charts/marks.ts";

const state: SelectState = {
  method: "mutual_info",
  keep: "auto",
  names: ["island=Biscoe", "bill_length_mm", "flipper_length_mm", "sex=male", "year"],
  scores: [0.44, 0.54, 0.62, 0, Number.NaN],
  threshold: 0.05,
  selected: ["island=Biscoe", "bill_length_mm", "flipper_length_mm"],
  dropped: ["sex=male", "year"],
};

describe("selectionSpec", () => {
  it("orders bars by score and marks kept and dropped features", () => {
    expect(selectionBars(state)).toEqual([
      { name: "flipper_length_mm", score: 0.62, status: "kept" },
      { name: "bill_length_mm", score: 0.54, status: "kept" },
      { name: "island=Biscoe", score: 0.44, status: "kept" },
      { name: "sex=male", score: 0, status: "dropped" },
    ]);
  });

  it("draws bars coloured by status, the threshold as a rule, with labels and a text alternative", () => {
    const o = selectionSpec(state, { width: 600 });
    const [bars] = marksOfType(o, Plot.BarX);
    expect(dataOf(bars)).toHaveLength(4);
    const rules = marksOfType(o, Plot.RuleX).map((m) => dataOf(m));
    expect(rules).toContainEqual([0.05]);
    expect(rules).toContainEqual([0]);
    expect(dataOf(marksOfType(o, Plot.Text)[0])).toEqual([0.05]);
    expect(o.color).toMatchObject({ domain: ["kept", "dropped"], legend: true });
    expect(labelOf(o, "x")).toBe("Score (mutual info) →");
    expect(labelOf(o, "y")).toBe("Feature");
    expect(o.ariaLabel).toBe("Feature scores by mutual info");
    expect(o.ariaDescription).toBe(
      "3 of 5 features kept, threshold 0.05. Highest: flipper_length_mm 0.62, bill_length_mm 0.54, island=Biscoe 0.44, sex=male 0. 1 feature has no score.",
    );
    expect((o.y as { domain: string[] }).domain[0]).toBe("flipper_length_mm");
  });

  it("cuts long names on the axis and caps the number of bars", () => {
    const many: SelectState = {
      ...state,
      names: Array.from({ length: 40 }, (_, i) => `a_very_long_feature_name_number_${i}`),
      scores: Array.from({ length: 40 }, (_, i) => i),
      selected: [],
      dropped: [],
    };
    const o = selectionSpec(many, { maxBars: 10, title: "Scores" });
    expect(dataOf(marksOfType(o, Plot.BarX)[0])).toHaveLength(10);
    const tick = (o.y as { tickFormat: (d: string) => string }).tickFormat(
      "a_very_long_feature_name_number_39",
    );
    expect(tick).toBe("a_very_long_feature_n…");
    expect(o.ariaDescription).toContain("The 30 lowest scores are not drawn.");
    expect(o.ariaLabel).toBe("Scores");
  });

  it("leaves out a rule it cannot place and says when there is nothing", () => {
    const o = selectionSpec({ ...state, threshold: -Number.MAX_VALUE });
    expect(marksOfType(o, Plot.RuleX).map((m) => dataOf(m))).toEqual([[0]]);
    const empty = selectionSpec({ ...state, names: [], scores: [], selected: [] });
    expect(marksOfType(empty, Plot.Text)).toHaveLength(1);
    expect(empty.ariaDescription).toBe("No values to plot");
  });
});
