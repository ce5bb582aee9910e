import { describe, expect, it } from "vitest";
import { profileFrame } from "../../../src/core/profile/profileFrame.ts";
import { makePlotSample } from "../../../src/core/profile/sample.ts";
import { evidenceText } from "../../../src/ui/explore/alertText.ts";
import { columnChart, topValueItems } from "../../../src/ui/explore/columnChart.ts";
import { columnStatRows, formatIsoShort } from "../../../src/ui/explore/columnStatRows.ts";
import { overviewFacts } from "../../../src/ui/explore/overviewFacts.ts";
import { strongestPair } from "../../../src/ui/explore/sampleColumns.ts";
import { sampleNote } from "../../../src/ui/explore/sampleNote.ts";
import { targetCharts } from "../../../src/ui/explore/targetCharts.ts";
import { frameOf } from "../core/profile/frameOf.ts";

const frame = frameOf({
  a: [1, 2, 3, 4, 5, 6, 7, 8],
  b: [8, 7, 6, 5, 4, 3, 2, 1],
  noise: [3, 1, 4, 1, 5, 9, 2, 6],
  island: ["x", "y", "x", "y", "x", "y", "x", null],
  species: ["p", "p", "q", "q", "r", "r", "p", "q"],
});

describe("sampleNote", () => {
  const base = {
    rows: 1_000_000,
    plotRows: 5000,
    plotSampled: true,
    plotSeed: 0,
    correlationRows: 50_000,
    correlationSampled: true,
    correlationSeed: 0,
  };

  it("says which numbers come from which sample", () => {
    expect(sampleNote(base)).toBe(
      "Plots of individual rows (scatter, density, pairs, parallel coordinates) use a random sample of 5,000 of 1,000,000 rows (seed 0); correlations and leakage checks use a random sample of 50,000 rows (seed 0); histograms, counts and all other statistics use every row.",
    );
  });

  it("says when every row is used", () => {
    const all = {
      ...base,
      rows: 344,
      plotRows: 344,
      plotSampled: false,
      correlationRows: 344,
      correlationSampled: false,
    };
    expect(sampleNote(all)).toBe("Every chart and statistic uses all 344 rows.");
  });
});

describe("column statistics and charts", () => {
  const profile = profileFrame(frame, { target: "species" });
  const col = (name: string) => profile.columns.find((c) => c.name === name)!;

  it("lists the numeric summary in reading order", () => {
    const rows = columnStatRows(col("a"));
    expect(rows.map((r) => r.label)).toEqual([
      "Count",
      "Missing",
      "Distinct",
      "Mean",
      "Std",
      "Min",
      "Q1",
      "Median",
      "Q3",
      "Max",
      "Skewness",
      "Kurtosis",
      "Zeros",
    ]);
    expect(rows.find((r) => r.label === "Mean")!.value).toBe("4.5");
    expect(columnStatRows(col("island")).find((r) => r.label === "Missing")!.value).toBe("1 (12.5%)");
  });

  it("picks a chart per kind and view", () => {
    expect(columnChart(col("a"), "histogram", null, undefined)!.kind).toBe("histogram");
    expect(columnChart(col("a"), "box", [1, 2], undefined)!.kind).toBe("box");
    expect(columnChart(col("a"), "density", [1, 2], 10)!.note).toContain("sample");
    expect(columnChart(col("island"), "histogram", null, undefined)!.kind).toBe("bar");
    expect(topValueItems(col("island")).map((i) => i.label)).toEqual(["x", "y"]);
  });

  it("starts the scatter on the most correlated pair", () => {
    expect(strongestPair(profile)).toEqual(["a", "b"]);
  });

  it("draws each feature against a class target", () => {
    const charts = targetCharts(profile, makePlotSample(frame, 100, 0), "species", "multiclass");
    expect(charts.map((c) => [c.feature, c.kind])).toEqual([
      ["a", "box-by-class"],
      ["b", "box-by-class"],
      ["noise", "box-by-class"],
      ["island", "stacked-bar"],
    ]);
  });

  it("draws each feature against a numeric target", () => {
    const p = profileFrame(frame, { target: "noise" });
    const charts = targetCharts(p, makePlotSample(frame, 100, 0), "noise", "regression");
    expect(charts.find((c) => c.feature === "a")!.kind).toBe("scatter");
    expect(charts.find((c) => c.feature === "island")!.kind).toBe("box-by-category");
  });

  it("sums up the table", () => {
    const facts = overviewFacts(profile);
    expect(facts.find((f) => f.label === "Rows")!.value).toBe("8");
    expect(facts.find((f) => f.label === "Missing cells")!.value).toBe("1 (2.5%)");
  });
});

describe("small formatters", () => {
  it("writes evidence in words", () => {
    expect(evidenceText({ missingShare: 0.4219, count: 12, note: null })).toBe(
      "missing share 0.4219 · count 12",
    );
  });

  it("shortens ISO dates", () => {
    expect(formatIsoShort("2012-01-01T00:00:00.000Z")).toBe("2012-01-01");
    expect(formatIsoShort("2012-01-01T14:30:00.000Z")).toBe("2012-01-01 14:30");
  });
});
