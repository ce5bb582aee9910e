import type { Task } from "../../core/framing/task.ts";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import type { ChartSpec } from "../charts/renderChart.ts";
import { boxByCategorySpec } from "../charts/specs/boxByCategorySpec.ts";
import { scatterSpec } from "../charts/specs/scatterSpec.ts";
import { stackedBarSpec } from "../charts/specs/stackedBarSpec.ts";
import { isGrouping, isMeasure, numbersOf } from "./sampleColumns.ts";

export interface TargetChart {
  feature: string;
  kind: string;
  spec: ChartSpec;
}

/** A sample column as text labels (class labels may be stored as numbers: 0 / 1). */
function labelsOf(sample: PlotSample, name: string): (string | null)[] {
  const col = sample.columns.find((c) => c.name === name);
  if (!col) return [];
  return col.type === "string" ? col.values : col.values.map((v) => (v === null ? null : String(v)));
}

/**
 * One chart per usable feature against the target. A class target: box plots of a numeric feature
 * per class, or class shares stacked within each category of a categorical one. A numeric target:
 * a scatter against a numeric feature, or its box plots per category. Identifiers, text and dates
 * are left out.
 */
export function targetCharts(
  profile: FrameProfile,
  sample: PlotSample,
  target: string,
  task: Task,
): TargetChart[] {
  const sampledFrom = sample.sampled ? profile.rows : undefined;
  const features = profile.columns.filter((c) => c.name !== target && (isMeasure(c) || isGrouping(c)));
  if (task === "regression") {
    const y = numbersOf(sample, target) ?? [];
    return features.map((f) =>
      isMeasure(f)
        ? {
            feature: f.name,
            kind: "scatter",
            spec: (width: number) =>
              scatterSpec(numbersOf(sample, f.name) ?? [], y, {
                xLabel: f.name,
                yLabel: target,
                sampledFrom,
                width,
              }),
          }
        : {
            feature: f.name,
            kind: "box-by-category",
            spec: (width: number) =>
              boxByCategorySpec(y, labelsOf(sample, f.name), {
                valueLabel: target,
                groupLabel: f.name,
                sampledFrom,
                width,
              }),
          },
    );
  }
  const classes = labelsOf(sample, target);
  const order = profile.framing?.detection.classes;
  return features.map((f) =>
    isMeasure(f)
      ? {
          feature: f.name,
          kind: "box-by-class",
          spec: (width: number) =>
            boxByCategorySpec(numbersOf(sample, f.name) ?? [], classes, {
              valueLabel: f.name,
              groupLabel: target,
              order,
              sampledFrom,
              width,
            }),
        }
      : {
          feature: f.name,
          kind: "stacked-bar",
          spec: (width: number) =>
            stackedBarSpec(labelsOf(sample, f.name), classes, {
              groupLabel: f.name,
              colorLabel: target,
              sampledFrom,
              width,
            }),
        },
  );
}
