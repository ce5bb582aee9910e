import { describe, expect, it } from "vitest";
import { distinctLabels } from "../../../../src/ui/charts/specs/axis.ts";
import { heatmapSpec } from "../../../../src/ui/charts/specs/heatmapSpec.ts";

const ticks = (o: ReturnType<typeof heatmapSpec>, axis: "x" | "y", names: string[]) => {
  const format = (o[axis] as { tickFormat: (d: string) => string }).tickFormat;
  return names.map(format);
};

describe("heatmap tick labels", () => {
  // Four long names that differ only at the end: cut at a fixed length they all read the same.
  const names = [
    "total_monthly_charges_last_quarter_q1",
    "total_monthly_charges_last_quarter_q2",
    "total_monthly_charges_last_quarter_q3",
    "total_monthly_charges_last_quarter_q4",
  ];
  const values = names.map((_, i) => names.map((_, j) => (i === j ? 1 : 0.5)));

  it("tells every column apart on both axes, and leaves room for the labels", () => {
    const o = heatmapSpec({ columns: names, values }, { method: "pearson", width: 800 });
    for (const axis of ["x", "y"] as const) {
      const shown = ticks(o, axis, names);
      expect(new Set(shown).size).toBe(names.length);
      for (const [i, s] of shown.entries()) expect(s.endsWith(`q${i + 1}`)).toBe(true);
    }
    const longest = Math.max(...ticks(o, "y", names).map((s) => s.length));
    // About 6 px a character at Plot's 10 px font: the margin holds the longest label.
    expect(o.marginLeft).toBeGreaterThanOrEqual(longest * 6);
  });

  it("keeps short names whole and cuts long ones in the middle, in full when a cut would collide", () => {
    const labels = distinctLabels(
      ["age", "a_very_long_column_name_number_one", "x_1234567890_1234567890_y"],
      12,
    );
    expect(labels.get("age")).toBe("age");
    expect(labels.get("a_very_long_column_name_number_one")).toBe("a_very…r_one");
    const twins = distinctLabels(["prefix_aaaa_middle_zzzz_end", "prefix_bbbb_middle_zzzz_end"], 12);
    expect(twins.get("prefix_aaaa_middle_zzzz_end")).toBe("prefix_aaaa_middle_zzzz_end");
    expect(twins.get("prefix_bbbb_middle_zzzz_end")).toBe("prefix_bbbb_middle_zzzz_end");
  });
});
