import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import {
  BAND_LABEL_PX,
  COLORS,
  labelWidth,
  MAX_CATEGORIES,
  NO_DATA,
  numberTickFormat,
  truncateLabel,
} from "./axis.ts";

export interface BarItem {
  label: string;
  value: number;
  /** Drawn grey: a pooled "Other" bar. */
  other?: boolean;
}

export interface BarSpecOptions {
  /** What the bars are ("Top values of island"): the chart's text alternative. */
  title: string;
  /** Axis label of the bar lengths ("Rows"). */
  valueLabel: string;
  /** Axis label of the categories (the column name). */
  categoryLabel: string;
  /** Values are shares 0..1: percent ticks and labels. */
  percent?: boolean;
  width?: number;
}

/**
 * Horizontal bars, longest first, so long category names read left of their bar instead of rotated
 * under it; at most MAX_CATEGORIES bars (an "Other" item stays last), each labelled with its value.
 */
export function barSpec(items: readonly BarItem[], opts: BarSpecOptions): Plot.PlotOptions {
  const main = items.filter((d) => !d.other).sort((a, b) => b.value - a.value);
  const shown = [...main.slice(0, MAX_CATEGORIES), ...items.filter((d) => d.other)];
  const format = opts.percent ? (v: number) => `${formatNumber(Math.round(v * 1000) / 10)}%` : formatNumber;
  const base = { width: opts.width, ariaLabel: opts.title };
  if (shown.length === 0) {
    return {
      ...base,
      height: 80,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const max = Math.max(...shown.map((d) => d.value));
  const cut = main.length > MAX_CATEGORIES ? ` (${main.length - MAX_CATEGORIES} smaller ones not shown)` : "";
  return {
    ...base,
    height: 44 + 24 * shown.length,
    marginLeft: BAND_LABEL_PX + labelWidth(shown.map((d) => d.label)),
    marginRight: 56,
    ariaDescription: `${shown.length} bars${cut}: ${shown
      .slice(0, 5)
      .map((d) => `${d.label} ${format(d.value)}`)
      .join(", ")}${shown.length > 5 ? ", …" : ""}.`,
    x: {
      label: opts.valueLabel,
      grid: true,
      tickFormat: opts.percent ? "~%" : numberTickFormat(0, max),
    },
    y: {
      label: opts.categoryLabel,
      domain: shown.map((d) => d.label),
      tickFormat: (d: string) => truncateLabel(d),
    },
    marks: [
      Plot.barX(shown, {
        x: "value",
        y: "label",
        fill: (d: BarItem) => (d.other ? COLORS.other : COLORS.bar),
        tip: true,
      }),
      Plot.text(shown, {
        x: "value",
        y: "label",
        text: (d: BarItem) => format(d.value),
        textAnchor: "start",
        dx: 4,
        fill: COLORS.muted,
      }),
      Plot.ruleX([0]),
    ],
  };
}
