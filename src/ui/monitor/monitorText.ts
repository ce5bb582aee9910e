/** The Monitor phase's sentences and number formats: pure functions of a report. */
import { METRICS } from "../../core/framing/metrics.ts";
import { DRIFT_TEST_LABELS, driftRule } from "../../core/monitor/driftTestInfo.ts";
import type { MonitorReport } from "../../core/monitor/monitorBatch.ts";

/** Evidently's dataset-drift share (as monitorBatch's DATASET_DRIFT_SHARE, which lives with the engine). */
export const DATASET_DRIFT_SHARE_LINE = 0.5;

/** A statistic or p-value, short: 3 significant digits, tiny values in exponent form. */
export function formatStat(x: number | null): string {
  if (x === null) return "—";
  if (!Number.isFinite(x)) return "undefined";
  if (x === 0) return "0";
  if (Math.abs(x) < 0.001) return x.toExponential(1);
  return Number(x.toPrecision(3)).toString();
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "Dataset drift: 4 of 7 columns drifted (57%)…" */
export function driftVerdict(r: MonitorReport): string {
  const drifted = r.columns.filter((c) => c.drift).length;
  const of = `${drifted} of ${r.columns.length} columns drifted (${pct(r.drift_share)})`;
  return r.dataset_drift
    ? `Dataset drift: ${of}. A batch counts as drifted when at least half its columns drift.`
    : `No dataset drift: ${of}; a batch counts as drifted when at least half its columns drift.`;
}

/** Whether the model's answers drifted, with the test that says so. */
export function predictionVerdict(r: MonitorReport): string {
  const p = r.prediction;
  const value =
    p.p_value !== null
      ? `p = ${formatStat(p.p_value)}`
      : `${p.test === "psi" ? "PSI" : "distance"} ${formatStat(p.statistic)}`;
  return `${p.drift ? "The predictions drifted" : "The predictions did not drift"}: ${DRIFT_TEST_LABELS[p.test]}, ${value} (drift when ${driftRule(p.test, p.threshold)}).`;
}

/** The real metric on the batch's labels and its change from the reference score; null without labels. */
export function performanceText(r: MonitorReport): string | null {
  const perf = r.performance;
  if (!perf) return null;
  const info = METRICS[perf.metric];
  const head = `${info.label} on the ${perf.labelled_rows} labelled rows: ${formatStat(perf.value)}`;
  if (perf.reference === null || !Number.isFinite(perf.value)) return `${head}.`;
  const change = perf.value - perf.reference;
  const better = info.direction === "higher" ? change > 0 : change < 0;
  const how =
    change === 0
      ? "the same as"
      : `${formatStat(Math.abs(change))} ${change > 0 ? "higher" : "lower"} (${better ? "better" : "worse"}) than`;
  return `${head}, ${how} at training (${formatStat(perf.reference)}, cross-validated).`;
}

/** CBPE's estimate, when the batch has no labels; null otherwise. */
export function estimateText(r: MonitorReport): string | null {
  const est = r.estimated_performance;
  if (r.performance || !est) return null;
  return `Estimated ${METRICS[est.metric].label} without labels: ${formatStat(est.value)}.`;
}
