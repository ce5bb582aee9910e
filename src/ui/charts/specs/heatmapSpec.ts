import * as Plot from "@observablehq/plot";
import type { CorrelationMatrix } from "../../../core/profile/correlations.ts";
import { formatNumber } from "../formatNumber.ts";
import { distinctLabels, labelWidth, NO_DATA } from "./axis.ts";

export type CorrelationMethod = "pearson" | "spearman" | "cramersV";

export const METHOD_LABELS: Record<CorrelationMethod, string> = {
  pearson: "Pearson r",
  spearman: "Spearman ρ",
  cramersV: "Cramér's V",
};

export interface HeatmapSpecOptions {
  method: CorrelationMethod;
  width?: number;
}

/** Cells are labelled with their value up to this many columns; beyond, the colour alone tells. */
export const LABELLED_COLUMNS = 12;
const MAX_CELL = 56;

interface Cell {
  x: string;
  y: string;
  v: number | null;
}

/**
 * A correlation matrix as coloured cells: a diverging scale fixed to -1..1 for Pearson and Spearman
 * (white at 0), a sequential 0..1 for Cramér's V; the domain never stretches to the data, so colours
 * mean the same on every dataset. Missing values (a constant pair) are grey.
 */
export function heatmapSpec(matrix: CorrelationMatrix, opts: HeatmapSpecOptions): Plot.PlotOptions {
  const names = matrix.columns;
  const n = names.length;
  const label = METHOD_LABELS[opts.method];
  const ariaLabel = `${label} between ${opts.method === "cramersV" ? "categorical" : "numeric"} columns`;
  if (n === 0) {
    return {
      width: opts.width,
      height: 80,
      ariaLabel,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const cells: Cell[] = [];
  let strongest: Cell | null = null;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const cell = { x: names[j], y: names[i], v: matrix.values[i][j] };
      cells.push(cell);
      if (j > i && cell.v !== null && (!strongest || Math.abs(cell.v) > Math.abs(strongest.v!)))
        strongest = cell;
    }
  }
  // Column names often share a start ("mean radius", "mean texture", ...): labels keep both ends and
  // stay distinct; each cell's tooltip names the pair in full.
  const tick = distinctLabels(names);
  const shown = names.map((nm) => tick.get(nm) ?? nm);
  const room = labelWidth(shown, Number.POSITIVE_INFINITY);
  const marginLeft = room;
  // Rotated labels need the height of their length at 45°.
  const marginBottom = Math.round(room * 0.72) + 8;
  const available = (opts.width ?? 640) - marginLeft - 20;
  const cell = Math.max(12, Math.min(MAX_CELL, Math.floor(available / n)));
  const labelled = n <= LABELLED_COLUMNS;
  const diverging = opts.method !== "cramersV";
  const marks: Plot.Markish[] = [
    Plot.cell(cells, { x: "x", y: "y", fill: "#eceff3", inset: 0.5 }),
    Plot.cell(
      cells.filter((c) => c.v !== null),
      { x: "x", y: "y", fill: "v", inset: 0.5, title: (d: Cell) => `${d.y} × ${d.x}: ${formatNumber(d.v)}` },
    ),
  ];
  if (labelled) {
    marks.push(
      Plot.text(cells, {
        x: "x",
        y: "y",
        text: (d: Cell) => (d.v === null ? "–" : d.v.toFixed(2)),
        fill: (d: Cell) => (d.v !== null && Math.abs(d.v) > 0.6 ? "white" : "#1b2430"),
        fontSize: cell < 36 ? 8 : 10,
      }),
    );
  }
  const top = strongest
    ? ` The strongest pair is ${strongest.y} and ${strongest.x} (${strongest.v!.toFixed(2)}).`
    : "";
  return {
    width: marginLeft + cell * n + 20,
    height: cell * n + marginBottom + 10,
    marginLeft,
    marginBottom,
    marginTop: 10,
    marginRight: 20,
    ariaLabel,
    ariaDescription: `${label} for ${n} columns.${top}`,
    x: { domain: names, label: null, tickRotate: -45, tickFormat: (d: string) => tick.get(d) ?? d },
    y: { domain: names, label: null, tickFormat: (d: string) => tick.get(d) ?? d },
    color: diverging
      ? { type: "linear", scheme: "RdBu", domain: [-1, 1], legend: true, label }
      : { type: "linear", scheme: "Blues", domain: [0, 1], legend: true, label },
    marks,
  };
}
