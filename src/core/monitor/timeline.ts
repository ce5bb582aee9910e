/**
 * The Monitor timeline's data and its verdict in words: drift share and performance batch after
 * batch (measured where the batch had labels, else CBPE's estimate), against the success
 * criterion set in Frame. Pure, so the UI draws it and the tests read it.
 */
import { type Criterion, checkCriterion, formatCriterion } from "../framing/criterion.ts";
import { METRICS, type MetricId } from "../framing/metrics.ts";
import type { MonitorReport } from "./monitorBatch.ts";

/** One batch on the timeline. */
export interface TimelinePoint {
  number: number;
  name: string;
  driftShare: number;
  datasetDrift: boolean;
  driftedColumns: number;
  columns: number;
  metric: MetricId | null;
  /** The measured metric, else the estimate, else null (regression without labels). */
  value: number | null;
  estimated: boolean;
  labelledRows: number;
}

/** The timeline points of a version's batches, in batch order. */
export function timelinePoints(
  batches: readonly { number: number; name: string; report: MonitorReport }[],
): TimelinePoint[] {
  return [...batches]
    .sort((a, b) => a.number - b.number)
    .map(({ number, name, report }) => {
      const real = report.performance;
      const est = report.estimated_performance;
      const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
      return {
        number,
        name,
        driftShare: report.drift_share,
        datasetDrift: report.dataset_drift,
        driftedColumns: report.columns.filter((c) => c.drift).length,
        columns: report.columns.length,
        metric: real?.metric ?? est?.metric ?? null,
        value: real ? finite(real.value) : finite(est?.value),
        estimated: !real && Boolean(est),
        labelledRows: real?.labelled_rows ?? 0,
      };
    });
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
const named = (p: TimelinePoint) => `batch #${p.number} (${p.name})`;

/** What the timeline says, in sentences: dataset drift, then the success criterion. */
export function timelineVerdict(points: readonly TimelinePoint[], criterion: Criterion | null): string[] {
  if (points.length === 0) return [];
  const out: string[] = [];
  const drifted = points.find((p) => p.datasetDrift);
  if (drifted) {
    const latest = points[points.length - 1];
    out.push(
      `Dataset drift first at ${named(drifted)}: ${drifted.driftedColumns} of ${drifted.columns} columns drifted.` +
        (latest !== drifted
          ? ` The newest batch: ${latest.driftedColumns} of ${latest.columns}${latest.datasetDrift ? ", still drifted" : ", not drifted"}.`
          : ""),
    );
  } else {
    const most = Math.max(...points.map((p) => p.driftedColumns));
    out.push(
      `No batch has drifted as a dataset (at most ${most} of ${points[0].columns} columns drifted in one batch; the line is at half of them).`,
    );
  }
  if (!criterion) {
    out.push("No success criterion was set in Frame, so there is no line for the performance to cross.");
    return out;
  }
  const label = formatCriterion(criterion);
  const scored = points.filter((p) => p.value !== null);
  const metric = scored[0]?.metric;
  if (scored.length === 0) {
    out.push(
      `No batch has a measured or estimated score yet to check against the success criterion (${label}).`,
    );
    return out;
  }
  if (metric !== criterion.metric) {
    out.push(
      `The success criterion (${label}) is on ${METRICS[criterion.metric].label}, but the model is scored with ${METRICS[metric!].label}; the timeline shows ${METRICS[metric!].label}.`,
    );
    return out;
  }
  const failed = scored.find((p) => !checkCriterion(criterion, p.value));
  if (!failed) {
    out.push(`Every batch meets the success criterion (${label}).`);
    return out;
  }
  const how = failed.estimated
    ? "estimated without labels (CBPE)"
    : `measured on ${failed.labelledRows} labelled rows`;
  const latest = scored[scored.length - 1];
  out.push(
    `The success criterion (${label}) is crossed at ${named(failed)}: ${METRICS[criterion.metric].label} ${fmt(failed.value!)}, ${how}.` +
      (latest !== failed
        ? ` The newest scored batch ${checkCriterion(criterion, latest.value) ? "meets it again" : "still misses it"} (${fmt(latest.value!)}).`
        : ""),
  );
  return out;
}
