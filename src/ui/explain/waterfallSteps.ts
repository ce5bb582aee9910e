import { formatNumber } from "../charts/formatNumber.ts";

/** The scale an explanation adds up on (core's ExplainOutput). */
export type OutputScale = "log_odds" | "probability" | "value";

/** One bar of a waterfall: from the running total before it to the one after it. */
export interface WaterfallStep {
  /** A column's name, or "other N columns" for the small ones grouped. */
  label: string;
  /** The columns behind the step (one, or the grouped ones). */
  columns: string[];
  contribution: number;
  from: number;
  to: number;
}

/** A waterfall from the base value through each column's contribution to the output. */
export interface Waterfall {
  base: number;
  output: number;
  steps: WaterfallStep[];
}

/**
 * The steps of a waterfall: contributions largest first by size, at most `max` columns of their
 * own, the rest (and any exact zeros) added up as one last step "other N columns". Each step
 * starts where the previous ended, from `base`; the last ends at base + the sum of all
 * contributions, which is the output when the explanation is locally accurate.
 */
export function waterfallSteps(
  columns: readonly string[],
  contributions: readonly number[],
  base: number,
  max = 8,
): Waterfall {
  const items = columns
    .map((column, i) => ({ column, c: contributions[i] }))
    .filter((d) => Number.isFinite(d.c))
    .sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || a.column.localeCompare(b.column));
  const own = items.slice(0, max).filter((d) => d.c !== 0);
  const rest = items.filter((d) => !own.includes(d));
  const steps: WaterfallStep[] = [];
  let at = base;
  for (const d of own) {
    steps.push({ label: d.column, columns: [d.column], contribution: d.c, from: at, to: at + d.c });
    at += d.c;
  }
  if (rest.length > 0) {
    const c = rest.reduce((s, d) => s + d.c, 0);
    steps.push({
      label: `other ${rest.length} column${rest.length > 1 ? "s" : ""}`,
      columns: rest.map((d) => d.column),
      contribution: c,
      from: at,
      to: at + c,
    });
    at += c;
  }
  return { base, output: at, steps };
}

/** "log-odds of yes", "probability of yes", "predicted price": what the numbers are. */
export function scaleLabel(scale: OutputScale, cls: string | null, target: string): string {
  if (scale === "value") return `predicted ${target}`;
  const of = cls === null ? "" : ` of ${cls}`;
  return scale === "log_odds" ? `log-odds${of}` : `probability${of}`;
}

/** A contribution with its sign always written: "+0.1234", "−2.5". */
export function signed(x: number): string {
  return `${x >= 0 ? "+" : "−"}${formatNumber(Math.abs(x))}`;
}
