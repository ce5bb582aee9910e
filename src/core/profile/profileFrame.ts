import type { Frame } from "../data/frame.ts";
import { chooseMetric } from "../framing/chooseMetric.ts";
import { detectTask, type TaskDetection } from "../framing/detectTask.ts";
import { type ClassBalance, classBalance } from "../framing/imbalance.ts";
import type { MetricId, MetricInfo } from "../framing/metrics.ts";
import type { Task } from "../framing/task.ts";
import { type LongCallOptions, makeThrottledProgress } from "../progress.ts";
import { type Alert, computeAlerts } from "./alerts.ts";
import { idLikeAlert } from "./columnAlerts.ts";
import { type ColumnProfile, columnStats } from "./columnStats.ts";
import { CORRELATION_SAMPLE_SIZE, type Correlations, computeCorrelations } from "./correlations.ts";
import { type DuplicateSummary, findDuplicateRows } from "./duplicates.ts";
import { assessFeasibility, type Feasibility } from "./feasibility.ts";
import { sampleRows } from "./sample.ts";

export interface ProfileOptions extends LongCallOptions {
  /** Column to predict; without one the profile is exploration only (task null). */
  target?: string | null;
  /** Seed of the row sample behind correlations and leakage checks (default 0). */
  seed?: number;
  /** Rows used for correlations and leakage checks at most (default 50,000). */
  sampleSize?: number;
}

/** The framed problem: what to predict, how it will be scored, and whether the data can carry it. */
export interface TargetFraming {
  target: string;
  task: Task;
  metric: MetricId;
  /** Why this task and this metric, in plain sentences. */
  reasons: string[];
  /** Every metric valid for the task, the proposed one first. */
  metrics: MetricInfo[];
  detection: TaskDetection;
  balance: ClassBalance | null;
  feasibility: Feasibility;
}

/** The full exploratory profile of a frame: plain JSON data, safe to post between threads. */
export interface FrameProfile {
  rows: number;
  columns: ColumnProfile[];
  correlations: Correlations;
  alerts: Alert[];
  duplicates: DuplicateSummary;
  /** The row sample behind correlations and leakage checks; column statistics use every row. */
  sample: { sampled: boolean; sampleSize: number; seed: number };
  task: Task | null;
  metric: MetricId | null;
  reasons: string[];
  framing: TargetFraming | null;
}

/**
 * Profiles every column exactly, counts duplicated rows (identifier columns left out, since a row
 * number alone makes copies look distinct), then correlations and leakage checks on a seeded sample, then
 * alerts and, with a target, the framing (task, metric, feasibility). An unusable target throws
 * ValidationError before any work. Checks `signal` between columns; reports progress in phase
 * "profile" as columns done of all columns (a last report with done === total closes it).
 */
export function profileFrame(frame: Frame, opts: ProfileOptions = {}): FrameProfile {
  const { signal } = opts;
  const seed = opts.seed ?? 0;
  const target = opts.target ?? null;
  signal?.throwIfAborted();
  const detection = target !== null ? detectTask(frame, target) : null;
  const progress = makeThrottledProgress(opts.onProgress);
  const total = frame.columns.length;
  const columns: ColumnProfile[] = [];
  for (let i = 0; i < total; i++) {
    signal?.throwIfAborted();
    const col = frame.columns[i];
    progress({ phase: "profile", done: i, total: total + 1, message: col.name });
    const p = columnStats(col);
    if (col.name === target) p.role = "target";
    columns.push(p);
  }
  signal?.throwIfAborted();
  progress({ phase: "profile", done: total, total: total + 1, message: "duplicates and correlations" });
  const identifiers = new Set(frame.columns.filter((c, i) => idLikeAlert(c, columns[i])).map((c) => c.name));
  const duplicates = findDuplicateRows(frame, { ignore: identifiers, signal });
  const sampleIndex = sampleRows(frame.rows, opts.sampleSize ?? CORRELATION_SAMPLE_SIZE, seed);
  const correlations = computeCorrelations(frame, { seed, sampleIndex, profiles: columns, signal });
  signal?.throwIfAborted();
  const alerts = computeAlerts(frame, {
    profiles: columns,
    correlations,
    duplicates,
    detection,
    sampleIndex,
    signal,
  });
  let framing: TargetFraming | null = null;
  if (detection) {
    const targetProfile = columns.find((c) => c.name === detection.target);
    const choice = chooseMetric(detection, targetProfile?.numeric ?? null);
    framing = {
      target: detection.target,
      task: detection.task,
      metric: choice.metric,
      reasons: [...detection.reasons, ...choice.reasons],
      metrics: choice.metrics,
      detection,
      balance:
        detection.classes && detection.classCounts
          ? classBalance(detection.classes, detection.classCounts)
          : null,
      feasibility: assessFeasibility(frame, detection, alerts),
    };
  }
  progress({ phase: "profile", done: total + 1, total: total + 1, message: "done" });
  return {
    rows: frame.rows,
    columns,
    correlations,
    alerts,
    duplicates,
    sample: { sampled: correlations.sampled, sampleSize: correlations.sampleSize, seed },
    task: framing?.task ?? null,
    metric: framing?.metric ?? null,
    reasons: framing ? framing.reasons : ["No target column chosen, so this is exploration only."],
    framing,
  };
}
