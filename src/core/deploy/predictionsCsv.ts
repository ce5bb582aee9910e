/**
 * Predictions as the CSV file every scorer writes (`predict` on the command line, the HTML
 * predictor, the app's downloads), so the same rows give the same bytes everywhere.
 */
import type { RowPredictions } from "../automl/artifact/predictRows.ts";
import { csvField } from "../data/writeCsv.ts";

/**
 * A probability or value to 8 significant digits (enough for any decision, short enough to read),
 * as the shared CSV writer writes a number; empty when not finite.
 */
export const predictionNumber = (x: number): string =>
  Number.isFinite(x) ? String(Number(x.toPrecision(8))) : "";

/**
 * The predictions as CSV text: a header line (`prediction`, then `proba_<class>` in the artifact's
 * class order), then one line per row; comma separated, "\n" line ends, a final line end. Text
 * goes through the shared CSV writer's field rule (quoting, formulas in class labels neutralised).
 * Classes come from a Map, so a class named "__proto__" or "constructor" gets its column like
 * any other. Lines are built directly rather than as arrays of cells, each label's field once:
 * a million rows take half the time (the bytes are those of `writeCsv`, tested).
 */
export function predictionsCsv(out: RowPredictions): string {
  const proba = [...(out.proba ?? new Map<string, Float64Array>())];
  const header = ["prediction", ...proba.map(([label]) => `proba_${label}`)].map(csvField).join(",");
  const columns = proba.map(([, values]) => values);
  const labelField = new Map<string, string>();
  const predictions = out.predictions as readonly (string | number | null | undefined)[];
  const lines = new Array<string>(predictions.length + 1);
  lines[0] = header;
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i];
    let line: string;
    if (typeof p === "number") line = predictionNumber(p);
    else if (typeof p !== "string") line = "";
    else {
      const known = labelField.get(p);
      line = known ?? csvField(p);
      if (known === undefined) labelField.set(p, line);
    }
    for (let c = 0; c < columns.length; c++) line += `,${predictionNumber(columns[c][i])}`;
    lines[i + 1] = line;
  }
  return `${lines.join("\n")}\n`;
}
