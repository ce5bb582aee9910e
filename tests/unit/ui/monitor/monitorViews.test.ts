import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { parseCriterion } from "../../../../src/core/framing/criterion.ts";
import type { MonitorReport } from "../../../../src/core/monitor/monitorBatch.ts";
import type { ColumnSketch } from "../../../../src/core/monitor/sketch.ts";
import { timelinePoints, timelineVerdict } from "../../../../src/core/monitor/timeline.ts";
import {
  driftVerdict,
  estimateText,
  performanceText,
  predictionVerdict,
} from "../../../../src/ui/monitor/monitorText.ts";
import { distributionSpec } from "../../../../src/ui/monitor/specs/distributionSpec.ts";
import { driftTimelineSpec, performanceTimelineSpec } from "../../../../src/ui/monitor/specs/timelineSpec.ts";
import { dataOf, marksOfType } from "../charts/marks.ts";

const column = (name: string, drift: boolean) => ({
  name,
  kind: "numeric" as const,
  test: "ks" as const,
  statistic: 0.3,
  p_value: drift ? 0.001 : 0.4,
  threshold: 0.05,
  drift,
  psi: 0.2,
  rows: 50,
  reference_rows: 300,
});

function report(drifted: number, value: number, labelled: boolean): MonitorReport {
  const columns = [0, 1, 2, 3].map((i) => column(`c${i}`, i < drifted));
  return {
    rows: 50,
    reference_rows: 300,
    dataset_drift: drifted >= 2,
    drift_share: drifted / 4,
    columns,
    prediction: { test: "chi2", statistic: 9.2, p_value: 0.0101, drift: true, psi: 0.3, threshold: 0.05 },
    performance: labelled ? { metric: "accuracy", value, reference: 0.95, labelled_rows: 50 } : null,
    estimated_performance: { metric: "accuracy", value, method: "CBPE (…)" },
  };
}

const batches = [
  { number: 1, name: "same.csv", report: report(0, 0.94, false) },
  { number: 2, name: "shifted.csv", report: report(3, 0.9, false) },
  { number: 3, name: "labelled.csv", report: report(3, 0.71, true) },
];

describe("Monitor timeline", () => {
  it("says where dataset drift starts and where the success criterion is crossed", () => {
    const points = timelinePoints(batches);
    expect(points.map((p) => [p.driftShare, p.value, p.estimated])).toEqual([
      [0, 0.94, true],
      [0.75, 0.9, true],
      [0.75, 0.71, false],
    ]);
    const lines = timelineVerdict(points, parseCriterion("accuracy >= 0.8"));
    expect(lines[0]).toBe(
      "Dataset drift first at batch #2 (shifted.csv): 3 of 4 columns drifted. The newest batch: 3 of 4, still drifted.",
    );
    expect(lines[1]).toBe(
      "The success criterion (Accuracy ≥ 0.8) is crossed at batch #3 (labelled.csv): Accuracy 0.710, measured on 50 labelled rows.",
    );
    expect(timelineVerdict(points, parseCriterion("accuracy >= 0.5"))[1]).toBe(
      "Every batch meets the success criterion (Accuracy ≥ 0.5).",
    );
    expect(timelineVerdict(points, null)[1]).toMatch(/^No success criterion was set in Frame/);
    expect(timelineVerdict(points, parseCriterion("ROC AUC >= 0.8"))[1]).toMatch(
      /is on ROC AUC, but the model is scored with Accuracy/,
    );
  });

  it("draws drift share against the half line and the metric against the criterion", () => {
    const points = timelinePoints(batches);
    const drift = driftTimelineSpec(points);
    expect(dataOf(marksOfType(drift, Plot.RuleY)[0])).toEqual([0.5]);
    expect(dataOf(marksOfType(drift, Plot.Dot)[0])).toHaveLength(3);
    expect(drift.ariaDescription).toContain("Dataset drift in #2, #3.");
    const perf = performanceTimelineSpec(points, parseCriterion("accuracy >= 0.8"), 0.95);
    expect(marksOfType(perf, Plot.RuleY).map((m) => dataOf(m))).toEqual([[0.8], [0.95]]);
    expect(perf.ariaDescription).toBe(
      "#1: 0.940 (estimated), #2: 0.900 (estimated), #3: 0.710. Success criterion at 0.8.",
    );
    // A criterion on another metric draws no line.
    expect(
      marksOfType(performanceTimelineSpec(points, parseCriterion("roc auc >= 0.8"), null), Plot.RuleY),
    ).toHaveLength(0);
  });
});

describe("Monitor sentences", () => {
  it("puts a batch's verdicts in plain words", () => {
    const r = report(3, 0.71, true);
    expect(driftVerdict(r)).toBe(
      "Dataset drift: 3 of 4 columns drifted (75%). A batch counts as drifted when at least half its columns drift.",
    );
    expect(predictionVerdict(r)).toBe(
      "The predictions drifted: Chi-squared, p = 0.0101 (drift when p < 0.05).",
    );
    expect(performanceText(r)).toBe(
      "Accuracy on the 50 labelled rows: 0.71, 0.24 lower (worse) than at training (0.95, cross-validated).",
    );
    expect(estimateText(r)).toBeNull();
    expect(estimateText(report(0, 0.9, false))).toBe("Estimated Accuracy without labels: 0.9.");
  });
});

describe("distributionSpec", () => {
  it("overlays numeric histograms as densities and pairs category shares", () => {
    const num = (lo: number): ColumnSketch => ({
      type: "numeric",
      count: 10,
      missing: 0,
      mean: lo + 1,
      std: 1,
      min: lo,
      max: lo + 2,
      distinct: 10,
      histogram: { edges: [lo, lo + 1, lo + 2], counts: [4, 6] },
    });
    const o = distributionSpec("x", num(0), num(1));
    const bins = dataOf(marksOfType(o, Plot.Rect)[0]) as { source: string; density: number }[];
    expect(bins.map((b) => [b.source, b.density])).toEqual([
      ["reference", 0.4],
      ["reference", 0.6],
      ["batch", 0.4],
      ["batch", 0.6],
    ]);
    const cat = (counts: number[]): ColumnSketch => ({
      type: "categorical",
      count: counts[0] + counts[1],
      missing: 0,
      levels: ["a", "b"],
      counts,
      other: 0,
      other_levels: 0,
    });
    const c = distributionSpec("city", cat([3, 1]), cat([1, 3]));
    expect(dataOf(marksOfType(c, Plot.BarX)[0])).toEqual([
      { level: "a", source: "reference", share: 0.75 },
      { level: "a", source: "batch", share: 0.25 },
      { level: "b", source: "reference", share: 0.25 },
      { level: "b", source: "batch", share: 0.75 },
    ]);
  });
});
