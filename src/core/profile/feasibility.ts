import type { Frame } from "../data/frame.ts";
import type { TaskDetection } from "../framing/detectTask.ts";
import { formatShare } from "../util/format.ts";
import type { Alert } from "./alertTypes.ts";

/** Whether the data can support the problem as framed, with the numbers and plain warnings. */
export interface Feasibility {
  rows: number;
  /** Rows with a target value. */
  labelledRows: number;
  /** Columns that can serve as features: not the target, not identifiers, not ignored. */
  features: number;
  /** labelledRows / features; null without features. */
  rowsPerFeature: number | null;
  /** Classification: rows per class, and the smallest class. */
  rowsPerClass?: { label: string; rows: number }[];
  minClass?: string;
  minClassCount?: number;
  /** Share of missing cells over the feature columns. */
  missingShare: number;
  warnings: string[];
}

/** Fewer labelled rows than this and any score is rough. */
export const FEW_ROWS = 100;
/** A class with fewer rows than this makes cross-validated scores noisy... */
export const FEW_CLASS_ROWS = 20;
/** ...and with fewer than this it cannot appear in each of 5 stratified folds. */
export const FOLDS = 5;
export const MIN_ROWS_PER_FEATURE = 10;
export const HIGH_MISSING_SHARE = 0.2;

const pct = formatShare;

export function assessFeasibility(
  frame: Frame,
  detection: TaskDetection,
  alerts: readonly Alert[] = [],
): Feasibility {
  const featureCols = frame.columns.filter(
    (c) => c.name !== detection.target && c.kind !== "id" && c.role !== "id" && c.role !== "ignored",
  );
  let missingCells = 0;
  for (const c of featureCols) missingCells += countMissing(c.data);
  const cells = featureCols.length * frame.rows;
  const labelledRows = detection.labelled;
  const features = featureCols.length;
  const out: Feasibility = {
    rows: frame.rows,
    labelledRows,
    features,
    rowsPerFeature: features > 0 ? labelledRows / features : null,
    missingShare: cells > 0 ? missingCells / cells : 0,
    warnings: [],
  };
  const w = out.warnings;
  if (features === 0)
    w.push("There are no feature columns besides the target, so there is nothing to learn from.");
  if (labelledRows < FEW_ROWS) {
    w.push(
      `Only ${labelledRows} labelled rows: scores will vary a lot between folds and models can learn little.`,
    );
  }
  if (detection.classes && detection.classCounts) {
    out.rowsPerClass = detection.classes.map((label, i) => ({ label, rows: detection.classCounts![i] }));
    let min = 0;
    detection.classCounts.forEach((c, i) => {
      if (c < detection.classCounts![min]) min = i;
    });
    out.minClass = detection.classes[min];
    out.minClassCount = detection.classCounts[min];
    if (out.minClassCount < FOLDS) {
      w.push(
        `Only ${out.minClassCount} rows of the smallest class (${out.minClass}): too few to put one in each of ${FOLDS} cross-validation folds.`,
      );
    } else if (out.minClassCount < FEW_CLASS_ROWS) {
      w.push(
        `Only ${out.minClassCount} rows of the smallest class (${out.minClass}): cross-validation estimates will be noisy.`,
      );
    }
  }
  if (out.rowsPerFeature !== null && out.rowsPerFeature < MIN_ROWS_PER_FEATURE) {
    w.push(
      `Fewer than ${MIN_ROWS_PER_FEATURE} rows per feature (${labelledRows} rows, ${features} features): models may overfit; consider fewer features or more rows.`,
    );
  }
  if (out.missingShare > HIGH_MISSING_SHARE) {
    w.push(
      `${pct(out.missingShare)} of the feature cells are missing: imputation will carry much of the weight.`,
    );
  }
  if (detection.missing > 0) {
    const rows = detection.missing === 1 ? "1 row has" : `${detection.missing} rows have`;
    w.push(`${rows} no target value and will be left out of training.`);
  }
  for (const a of alerts) {
    if (a.type === "leakage" && a.column) w.push(`Target looks leaked by ${a.column}: ${a.message}`);
  }
  return out;
}

function countMissing(data: Frame["columns"][number]["data"]): number {
  let m = 0;
  if (data.type === "float") {
    for (let i = 0; i < data.values.length; i++) if (Number.isNaN(data.values[i])) m++;
  } else {
    for (let i = 0; i < data.codes.length; i++) if (data.codes[i] < 0) m++;
  }
  return m;
}
