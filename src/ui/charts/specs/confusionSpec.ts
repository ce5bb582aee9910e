import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { labelWidth, NO_DATA, truncateLabel } from "./axis.ts";

export interface ConfusionSpecOptions {
  /** What the matrix is of, for the text alternative ("out-of-fold predictions at threshold 0.5"). */
  subject?: string;
  width?: number;
}

interface Cell {
  actual: string;
  predicted: string;
  count: number;
  /** Share of the actual class's rows (the row's recall for the diagonal). */
  share: number;
}

/** Cells are labelled with counts up to this many classes; beyond, the colour alone tells. */
export const LABELLED_CLASSES = 15;
const MAX_CELL = 72;

/**
 * A confusion matrix as a heatmap: actual class by row, predicted by column, each cell's count
 * written on it and its colour the share of the actual class's rows, so a rare class reads as
 * clearly as a common one. `counts` is row-major k x k (`counts[actual * k + predicted]`).
 */
export function confusionSpec(
  counts: ArrayLike<number>,
  classes: readonly string[],
  opts: ConfusionSpecOptions = {},
): Plot.PlotOptions {
  const k = classes.length;
  const ariaLabel = "Confusion matrix";
  if (k === 0 || counts.length !== k * k) {
    return {
      width: opts.width,
      height: 80,
      ariaLabel,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const cells: Cell[] = [];
  let correct = 0;
  let total = 0;
  for (let a = 0; a < k; a++) {
    let rowTotal = 0;
    for (let p = 0; p < k; p++) rowTotal += counts[a * k + p];
    for (let p = 0; p < k; p++) {
      const count = counts[a * k + p];
      cells.push({
        actual: classes[a],
        predicted: classes[p],
        count,
        share: rowTotal > 0 ? count / rowTotal : 0,
      });
      total += count;
      if (a === p) correct += count;
    }
  }
  const names = [...classes];
  const marginLeft = labelWidth(names) + 16;
  const rotate = names.some((n) => n.length > 6) && k > 3;
  const marginBottom = rotate ? Math.round(labelWidth(names) * 0.72) + 24 : 40;
  const available = (opts.width ?? 480) - marginLeft - 20;
  const cell = Math.max(16, Math.min(MAX_CELL, Math.floor(available / k)));
  const marks: Plot.Markish[] = [
    Plot.cell(cells, {
      x: "predicted",
      y: "actual",
      fill: "share",
      inset: 0.5,
      title: (d: Cell) => `actual ${d.actual}, predicted ${d.predicted}: ${formatNumber(d.count)} rows`,
    }),
  ];
  if (k <= LABELLED_CLASSES) {
    marks.push(
      Plot.text(cells, {
        x: "predicted",
        y: "actual",
        text: (d: Cell) => formatNumber(d.count),
        fill: (d: Cell) => (d.share > 0.55 ? "white" : "#1b2430"),
        fontSize: cell < 40 ? 9 : 12,
      }),
    );
  }
  const subject = opts.subject ? ` of ${opts.subject}` : "";
  return {
    width: marginLeft + cell * k + 20,
    height: cell * k + marginBottom + 12,
    marginLeft,
    marginBottom,
    marginTop: 12,
    marginRight: 20,
    ariaLabel,
    ariaDescription: `Confusion matrix${subject}: ${formatNumber(correct)} of ${formatNumber(total)} rows on the diagonal (classified correctly).`,
    x: {
      domain: names,
      label: "Predicted class",
      labelAnchor: "center",
      tickRotate: rotate ? -45 : 0,
      tickFormat: (d: string) => truncateLabel(d),
    },
    y: {
      domain: names,
      label: "Actual class",
      labelAnchor: "center",
      tickFormat: (d: string) => truncateLabel(d),
    },
    color: { type: "linear", scheme: "Blues", domain: [0, 1], legend: false },
    marks,
  };
}
