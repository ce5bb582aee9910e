import * as Plot from "@observablehq/plot";
import type { SelectState } from "../../../core/features/selection/selectStep.ts";
import { formatNumber } from "../formatNumber.ts";
import { COLORS, labelWidth, NO_DATA, truncateLabel } from "./axis.ts";

/** Most bars one selection chart draws (the best scores); the text alternative says how many are left out. */
export const MAX_SELECTION_BARS = 30;

export interface SelectionSpecOptions {
  /** What the chart shows ("Feature scores of select"); default from the method. */
  title?: string;
  width?: number;
  maxBars?: number;
}

/** One bar: a feature, its score and whether the step keeps it. */
export interface SelectionBar {
  name: string;
  score: number;
  status: "kept" | "dropped";
}

const methodWords = (m: string) => m.replace(/_/g, " ");

/** The bars of a fitted selection, best score first; features without a finite score are left out. */
export function selectionBars(state: Pick<SelectState, "names" | "scores" | "selected">): SelectionBar[] {
  const kept = new Set(state.selected);
  return state.names
    .map(
      (name, i) => ({ name, score: state.scores[i], status: kept.has(name) ? "kept" : "dropped" }) as const,
    )
    .filter((d) => Number.isFinite(d.score))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

/**
 * Feature scores of a fitted select step as horizontal bars, kept ones in the brand colour and
 * dropped ones grey, with the score threshold as a dashed rule. Long names are cut on the axis
 * (the tip shows them whole).
 */
export function selectionSpec(state: SelectState, opts: SelectionSpecOptions = {}): Plot.PlotOptions {
  const method = methodWords(state.method);
  const title = opts.title ?? `Feature scores by ${method}`;
  const bars = selectionBars(state);
  const max = opts.maxBars ?? MAX_SELECTION_BARS;
  const shown = bars.slice(0, max);
  const base = { width: opts.width, ariaLabel: title };
  if (shown.length === 0) {
    return {
      ...base,
      height: 80,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const threshold = state.threshold;
  const drawRule = Number.isFinite(threshold) && Math.abs(threshold) < 1e100;
  const keptCount = state.selected.length;
  // The label reads leftwards from a rule in the right part of the chart, so it stays inside.
  const top = Math.max(0, ...shown.map((d) => d.score));
  const labelLeft = drawRule && top > 0 && threshold > 0.6 * top;
  const cut =
    bars.length > shown.length ? ` The ${bars.length - shown.length} lowest scores are not drawn.` : "";
  const unscored = state.names.length - bars.length;
  const noScore =
    unscored > 0 ? ` ${unscored} ${unscored === 1 ? "feature has" : "features have"} no score.` : "";
  return {
    ...base,
    height: 64 + 20 * shown.length,
    marginTop: 28,
    marginLeft: labelWidth(shown.map((d) => d.name)),
    marginRight: 24,
    ariaDescription:
      `${keptCount} of ${state.names.length} features kept` +
      (drawRule ? `, threshold ${formatNumber(threshold)}` : "") +
      `. Highest: ${shown
        .slice(0, 5)
        .map((d) => `${d.name} ${formatNumber(d.score)}`)
        .join(", ")}.${cut}${noScore}`,
    x: { label: `Score (${method}) →`, grid: true },
    y: { label: "Feature", domain: shown.map((d) => d.name), tickFormat: (d: string) => truncateLabel(d) },
    color: { domain: ["kept", "dropped"], range: [COLORS.bar, COLORS.other], legend: true },
    marks: [
      Plot.barX(shown, {
        x: "score",
        y: "name",
        fill: "status",
        title: (d: SelectionBar) => `${d.name}: ${formatNumber(d.score)} (${d.status})`,
      }),
      Plot.ruleX([0]),
      ...(drawRule
        ? [
            Plot.ruleX([threshold], { stroke: COLORS.trend, strokeWidth: 1.5, strokeDasharray: "5,3" }),
            Plot.text([threshold], {
              x: (d: number) => d,
              frameAnchor: "top",
              dy: -16,
              text: (d: number) => `threshold ${formatNumber(d)}`,
              fill: COLORS.trend,
              textAnchor: labelLeft ? "end" : "start",
              dx: labelLeft ? -4 : 4,
            }),
          ]
        : []),
    ],
  };
}
