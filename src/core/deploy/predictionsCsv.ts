/**
 * Predictions as the CSV file every scorer writes (`predict` on the command line, the app's
 * Deploy phase, the HTML predictor), so the same rows give the same bytes everywhere.
 */
import type { RowPredictions } from "../automl/artifact/predictRows.ts";
import { type CsvCell, writeCsv } from "../data/writeCsv.ts";

/** Probabilities to 8 significant digits: enough for any decision, short enough to read. */
const rounded = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(8)) : null);

/**
 * The predictions as CSV text: a header line, then one line per row, written by the shared CSV
 * writer (formulas in class labels neutralised). Classes come in the artifact's order from a Map,
 * so a class named "__proto__" or "constructor" gets its column like any other.
 */
export function predictionsCsv(out: RowPredictions): string {
  const proba = [...(out.proba ?? new Map<string, Float64Array>())];
  const header = ["prediction", ...proba.map(([label]) => `proba_${label}`)];
  const rows = (out.predictions as (string | number)[]).map((p, i): CsvCell[] => [
    typeof p === "number" ? rounded(p) : p,
    ...proba.map(([, values]) => rounded(values[i])),
  ]);
  return writeCsv(header, rows);
}
