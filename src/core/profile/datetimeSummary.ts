import { bucketIndex, bucketLabel, bucketStart, DAY_MS, type TimeUnit } from "./calendar.ts";

/** Counts per calendar bucket; bucket i covers [starts[i], starts[i + 1]). Empty buckets are kept. */
export interface TimeHistogram {
  unit: TimeUnit;
  /** Buckets of `step` units (step > 1 only for year spans too long for one bar per year). */
  step: number;
  starts: number[];
  labels: string[];
  counts: number[];
}

/** Range and calendar histogram of a datetime column (epoch ms, UTC). */
export interface DatetimeSummary {
  min: number;
  max: number;
  minIso: string;
  maxIso: string;
  /** max - min in days. */
  spanDays: number;
  histogram: TimeHistogram;
}

const MAX_YEAR_BUCKETS = 100;

/**
 * Unit by span, so that a chart gets tens to a couple of hundred bars: up to 3 days by hour, up to
 * 180 days by day, up to 3.5 years by week, up to 20 years by month, beyond that by year.
 */
export function chooseTimeUnit(spanMs: number): TimeUnit {
  const days = spanMs / DAY_MS;
  if (days <= 3) return "hour";
  if (days <= 180) return "day";
  if (days <= 3.5 * 365.25) return "week";
  if (days <= 20 * 365.25) return "month";
  return "year";
}

export function summarizeDatetime(values: Float64Array, min: number, max: number): DatetimeSummary {
  const unit = chooseTimeUnit(max - min);
  const first = bucketIndex(min, unit);
  const last = bucketIndex(max, unit);
  const step = unit === "year" ? Math.max(1, Math.ceil((last - first + 1) / MAX_YEAR_BUCKETS)) : 1;
  const n = Math.floor((last - first) / step) + 1;
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) counts[Math.floor((bucketIndex(x, unit) - first) / step)]++;
  }
  const starts = counts.map((_, i) => bucketStart(first + i * step, unit));
  return {
    min,
    max,
    minIso: isoOf(min),
    maxIso: isoOf(max),
    spanDays: (max - min) / DAY_MS,
    histogram: { unit, step, starts, labels: starts.map((s) => bucketLabel(s, unit)), counts },
  };
}

function isoOf(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}
