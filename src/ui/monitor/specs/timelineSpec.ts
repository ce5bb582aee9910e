import * as Plot from "@observablehq/plot";
import type { Criterion } from "../../../core/framing/criterion.ts";
import { METRICS } from "../../../core/framing/metrics.ts";
import type { TimelinePoint } from "../../../core/monitor/timeline.ts";
import { COLORS } from "../../charts/specs/axis.ts";
import { DATASET_DRIFT_SHARE_LINE } from "../monitorText.ts";

const xAxis = (points: readonly TimelinePoint[]) => ({
  label: "Batch",
  ticks: points.map((p) => p.number),
  tickFormat: (n: number) => `#${n}`,
  domain: [Math.min(...points.map((p) => p.number)) - 0.5, Math.max(...points.map((p) => p.number)) + 0.5],
});

/** Share of drifted columns per batch, with the dataset-drift line at one half. */
export function driftTimelineSpec(points: readonly TimelinePoint[]): Plot.PlotOptions {
  const drifted = points.filter((p) => p.datasetDrift).map((p) => `#${p.number}`);
  return {
    height: 180,
    marginLeft: 48,
    ariaLabel: "Drift share per batch",
    ariaDescription: `${points.length} batches; drifted columns from ${points.map((p) => `${Math.round(p.driftShare * 100)}%`).join(", ")}. ${drifted.length ? `Dataset drift in ${drifted.join(", ")}.` : "No dataset drift."}`,
    x: xAxis(points),
    y: { label: "Columns drifted", domain: [0, 1], tickFormat: "%", grid: true },
    marks: [
      Plot.ruleY([DATASET_DRIFT_SHARE_LINE], { stroke: COLORS.trend, strokeDasharray: "4 3" }),
      Plot.text([DATASET_DRIFT_SHARE_LINE], {
        x: points[points.length - 1].number + 0.45,
        y: (d: number) => d,
        text: () => "dataset drift",
        textAnchor: "end",
        dy: -6,
        fill: COLORS.trend,
      }),
      Plot.lineY(points, { x: "number", y: "driftShare", stroke: COLORS.bar }),
      Plot.dot(points, {
        x: "number",
        y: "driftShare",
        r: 4,
        fill: (p: TimelinePoint) => (p.datasetDrift ? COLORS.trend : COLORS.bar),
        tip: true,
        title: (p: TimelinePoint) =>
          `#${p.number} ${p.name}: ${p.driftedColumns} of ${p.columns} columns drifted`,
      }),
    ],
  };
}

/**
 * The metric per batch: filled dots measured on labels, hollow dots estimated (CBPE); the success
 * criterion's line when it is on the same metric, and the reference (training CV) score dashed.
 */
export function performanceTimelineSpec(
  points: readonly TimelinePoint[],
  criterion: Criterion | null,
  reference: number | null,
): Plot.PlotOptions {
  const scored = points.filter((p) => p.value !== null);
  const metric = scored[0]?.metric ?? null;
  const label = metric ? METRICS[metric].label : "Score";
  const line = criterion && criterion.metric === metric ? criterion.value : null;
  const values = [
    ...scored.map((p) => p.value!),
    ...(line !== null ? [line] : []),
    ...(reference !== null ? [reference] : []),
  ];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.15 || 0.05;
  return {
    height: 200,
    marginLeft: 48,
    ariaLabel: `${label} per batch`,
    ariaDescription: scored.length
      ? `${scored.map((p) => `#${p.number}: ${p.value!.toFixed(3)}${p.estimated ? " (estimated)" : ""}`).join(", ")}.${line !== null ? ` Success criterion at ${line}.` : ""}`
      : "No batch has a score yet.",
    x: xAxis(points),
    y: { label, domain: values.length ? [lo - pad, hi + pad] : [0, 1], grid: true },
    marks: [
      ...(line !== null
        ? [
            Plot.ruleY([line], { stroke: COLORS.trend, strokeWidth: 1.5 }),
            Plot.text([line], {
              x: points[points.length - 1].number + 0.45,
              y: (d: number) => d,
              text: () => "success criterion",
              textAnchor: "end",
              dy: -6,
              fill: COLORS.trend,
            }),
          ]
        : []),
      ...(reference !== null
        ? [
            Plot.ruleY([reference], { stroke: COLORS.muted, strokeDasharray: "4 3" }),
            Plot.text([reference], {
              x: points[0].number - 0.45,
              y: (d: number) => d,
              text: () => "training (CV)",
              textAnchor: "start",
              dy: -6,
              fill: COLORS.muted,
            }),
          ]
        : []),
      Plot.lineY(scored, { x: "number", y: "value", stroke: COLORS.accent }),
      Plot.dot(scored, {
        x: "number",
        y: "value",
        r: 4.5,
        stroke: COLORS.accent,
        strokeWidth: 2,
        fill: (p: TimelinePoint) => (p.estimated ? "white" : COLORS.accent),
        tip: true,
        title: (p: TimelinePoint) =>
          `#${p.number} ${p.name}: ${label} ${p.value!.toFixed(3)} ${p.estimated ? "estimated (no labels)" : `on ${p.labelledRows} labelled rows`}`,
      }),
    ],
  };
}
