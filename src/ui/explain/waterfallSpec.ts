import * as Plot from "@observablehq/plot";
import { formatNumber } from "../charts/formatNumber.ts";
import { COLORS, labelWidth, truncateLabel } from "../charts/specs/axis.ts";
import { signed, type Waterfall, type WaterfallStep } from "./waterfallSteps.ts";

/** Options of `waterfallSpec`. */
export interface WaterfallSpecOptions {
  /** What the numbers are ("probability of yes"), for the axis and the text alternative. */
  scale: string;
  /** Each column's value in the row, shown beside its name ("bmi = 32.1"). */
  values?: Record<string, string>;
  width?: number;
}

const ROW_PX = 26;
const UP = COLORS.trend;
const DOWN = COLORS.accent;

interface Row {
  key: string;
  label: string;
  from: number;
  to: number;
  text: string;
  kind: "base" | "step" | "output";
}

/**
 * A horizontal waterfall, top to bottom: the base value, one bar per step from the running total
 * before it to the one after (orange pushes the output up, blue down, its contribution written at
 * its end), and the output. A dashed rule marks the base value across the chart.
 */
export function waterfallSpec(w: Waterfall, opts: WaterfallSpecOptions): Plot.PlotOptions {
  const label = (s: WaterfallStep) => {
    const v = s.columns.length === 1 ? opts.values?.[s.columns[0]] : undefined;
    return truncateLabel(v === undefined ? s.label : `${s.label} = ${v}`, 34);
  };
  const rows: Row[] = [
    { key: "base", label: "Base value", from: w.base, to: w.base, text: formatNumber(w.base), kind: "base" },
    ...w.steps.map(
      (s, i): Row => ({
        key: `s${i}`,
        label: label(s),
        from: s.from,
        to: s.to,
        text: signed(s.contribution),
        kind: "step",
      }),
    ),
    {
      key: "out",
      label: "Output",
      from: w.output,
      to: w.output,
      text: formatNumber(w.output),
      kind: "output",
    },
  ];
  const xs = rows.flatMap((r) => [r.from, r.to]);
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.18;
  lo -= pad;
  hi += pad;
  const labels = new Map(rows.map((r) => [r.key, r.label]));
  const steps = rows.filter((r) => r.kind === "step");
  const ends = rows.filter((r) => r.kind !== "step");
  const top = w.steps
    .slice(0, 3)
    .map((s) => `${s.label} ${signed(s.contribution)}`)
    .join(", ");
  return {
    width: opts.width,
    height: rows.length * ROW_PX + 50,
    marginLeft: labelWidth(
      rows.map((r) => r.label),
      34,
    ),
    marginRight: 16,
    ariaLabel: `Why this prediction: from the base value to the output, in ${opts.scale}`,
    ariaDescription: `Base value ${formatNumber(w.base)}, output ${formatNumber(w.output)} (${opts.scale}). Largest contributions: ${top || "none"}.`,
    x: { label: opts.scale, domain: [lo, hi], grid: true },
    y: { domain: rows.map((r) => r.key), tickFormat: (k: string) => labels.get(k) ?? k, label: null },
    marks: [
      Plot.ruleX([w.base], { stroke: COLORS.muted, strokeDasharray: "3,3" }),
      Plot.barX(steps, {
        y: "key",
        x1: "from",
        x2: "to",
        fill: (r: Row) => (r.to >= r.from ? UP : DOWN),
        insetTop: 4,
        insetBottom: 4,
      }),
      Plot.dot(ends, {
        y: "key",
        x: "to",
        r: 5,
        fill: (r: Row) => (r.kind === "output" ? COLORS.bar : COLORS.muted),
      }),
      Plot.text(rows, {
        y: "key",
        x: (r: Row) => Math.max(r.from, r.to),
        text: "text",
        textAnchor: "start",
        dx: 8,
        fill: "currentColor",
      }),
    ],
  };
}
