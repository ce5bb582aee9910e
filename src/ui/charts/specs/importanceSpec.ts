import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, labelWidth, NO_DATA, truncateLabel } from "./axis.ts";

/** One feature's importance, with its spread over repeats when known. */
export interface ImportanceItem {
  name: string;
  value: number;
  std?: number;
}

export interface ImportanceSpecOptions {
  /** What the bars measure ("Loss of ROC AUC when shuffled", "Share of impurity decrease"). */
  valueLabel: string;
  /** What is being ranked, for the text alternative ("input columns", "model features"). */
  subject: string;
  /** Most bars drawn (default 20); the text says how many were left out. */
  max?: number;
  width?: number;
}

interface Bar extends ImportanceItem {
  label: string;
}

const ROW_PX = 22;

/** Horizontal bars, largest first, with a ± std whisker when given; a rule at zero. */
export function importanceSpec(
  items: readonly ImportanceItem[],
  opts: ImportanceSpecOptions,
): Plot.PlotOptions {
  const max = opts.max ?? 20;
  const finite = items.filter((d) => Number.isFinite(d.value));
  const sorted = [...finite].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const shown: Bar[] = sorted.slice(0, max).map((d) => ({ ...d, label: truncateLabel(d.name, 28) }));
  const ariaLabel = `Feature importance: ${opts.valueLabel}`;
  if (shown.length === 0) {
    return {
      width: opts.width,
      height: 80,
      ariaLabel,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const left = sorted.length - shown.length;
  const top = shown
    .slice(0, 3)
    .map((d) => `${d.name} (${formatNumber(d.value)})`)
    .join(", ");
  const marks: Plot.Markish[] = [
    Plot.barX(shown, {
      x: "value",
      y: "label",
      fill: COLORS.bar,
      title: (d: Bar) => `${d.name}: ${formatNumber(d.value)}`,
    }),
    Plot.ruleX([0]),
  ];
  const whiskers = shown.filter((d) => d.std !== undefined && Number.isFinite(d.std) && d.std > 0);
  if (whiskers.length > 0) {
    marks.push(
      Plot.ruleY(whiskers, {
        y: "label",
        x1: (d: Bar) => d.value - (d.std ?? 0),
        x2: (d: Bar) => d.value + (d.std ?? 0),
        stroke: COLORS.trend,
        strokeWidth: 1.5,
      }),
    );
  }
  return {
    width: opts.width,
    height: shown.length * ROW_PX + 50,
    marginLeft: labelWidth(
      shown.map((d) => d.label),
      28,
    ),
    marginRight: 24,
    ariaLabel,
    ariaDescription: `${shown.length} ${opts.subject}${left > 0 ? ` (the top ${shown.length} of ${sorted.length})` : ""}, largest first: ${top}.`,
    x: { label: opts.valueLabel, grid: true },
    y: { domain: shown.map((d) => d.label), label: null },
    marks,
  };
}
