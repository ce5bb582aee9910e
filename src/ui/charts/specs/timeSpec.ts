import * as Plot from "@observablehq/plot";
import { bucketIndex, bucketStart } from "../../../core/profile/calendar.ts";
import type { TimeHistogram } from "../../../core/profile/datetimeSummary.ts";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, NO_DATA, numberTickFormat } from "./axis.ts";

export interface TimeSpecOptions {
  column: string;
  width?: number;
  height?: number;
}

const UNIT_WORDS = { hour: "hour", day: "day", week: "week", month: "month", year: "year" } as const;

/** Rows per calendar bucket of a datetime column (exact, every row), on a UTC time axis. */
export function timeSpec(hist: TimeHistogram, opts: TimeSpecOptions): Plot.PlotOptions {
  const n = hist.starts.length;
  const ariaLabel = `Rows per ${UNIT_WORDS[hist.unit]} of ${opts.column}`;
  const base = { width: opts.width, height: opts.height ?? 200, ariaLabel };
  if (n === 0) {
    return { ...base, ariaDescription: NO_DATA, marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })] };
  }
  const lastEnd = bucketStart(bucketIndex(hist.starts[n - 1], hist.unit) + hist.step, hist.unit);
  const bars = hist.counts.map((count, i) => ({
    start: new Date(hist.starts[i]),
    end: new Date(i + 1 < n ? hist.starts[i + 1] : lastEnd),
    label: hist.labels[i],
    count,
  }));
  const peak = bars.reduce((a, b) => (b.count > a.count ? b : a));
  const per = hist.step > 1 ? `${hist.step} ${UNIT_WORDS[hist.unit]}s` : UNIT_WORDS[hist.unit];
  return {
    ...base,
    marginLeft: 48,
    ariaDescription: `${n} buckets of one ${per} from ${hist.labels[0]} to ${hist.labels[n - 1]}; the fullest, ${peak.label}, holds ${formatNumber(peak.count)} rows.`,
    x: { type: "utc", label: opts.column },
    y: { label: "Rows", grid: true, tickFormat: numberTickFormat(0, peak.count) },
    marks: [
      Plot.rectY(bars, {
        x1: "start",
        x2: "end",
        y: "count",
        fill: COLORS.bar,
        inset: n > 120 ? 0 : 0.5,
        title: (d: (typeof bars)[number]) => `${d.label}: ${formatNumber(d.count)} rows`,
      }),
      Plot.ruleY([0]),
    ],
  };
}
