/**
 * `predict MODEL.json FILE [--out PRED.csv]`: scores the rows of FILE with a pipeline saved by
 * `train --out`, writing a CSV with a `prediction` column and, for classes, one `proba_<class>`
 * column per class, rows in input order.
 */
import { writeFile } from "node:fs/promises";
import type { RowPredictions } from "../core/automl/artifact/predictRows.ts";
import { predictionsCsv } from "../core/deploy/predictionsCsv.ts";
import type { Io } from "./io.ts";
import { readModelPath, splitModelArg } from "./modelPath.ts";
import { parseTableArgs, readTableFile, UNREADABLE } from "./readTable.ts";

export const PREDICT_HELP = `Usage: automl-playground predict MODEL.json FILE [options]

Predicts every row of FILE with the model in MODEL.json (saved by "train --out" or "export
--format json"; a damaged file is refused with exit status 2). Columns may
come in any order; extra columns are ignored; missing values and unseen categories are handled
as in training. Writes a CSV: "prediction", then "proba_<class>" per class for classification.

Options:
  --out PRED.csv     write the CSV to PRED.csv instead of printing it
  --delimiter D      read FILE with delimiter D instead of guessing: , ; | or tab
  --drop-ragged      drop rows of FILE with too few or too many fields
`;

/** Options of predict that take a value, so that their values are not taken for file names. */
const VALUED = ["out", "delimiter"];

/** The predictions CSV, shared with the app and the HTML predictor (kept here for old imports). */
export { predictionsCsv };

export async function predict(args: string[], io: Io): Promise<number> {
  const { model: modelPath, rest } = splitModelArg(args, VALUED);
  if (rest.includes("--json")) {
    io.err('Unknown option "--json" for predict. Run "automl-playground help predict".');
    return UNREADABLE;
  }
  if (modelPath === null) {
    io.err(
      'predict needs a model file and a CSV file, as in "automl-playground predict model.json data.csv".',
    );
    return UNREADABLE;
  }
  const parsed = parseTableArgs("predict", rest, ["out"]);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const read = await readModelPath(modelPath, io);
  if (typeof read === "number") return read;
  const { pipeline } = read;
  const table = await readTableFile(parsed.file, parsed.options, io);
  if (typeof table === "number") return table;
  const { predictRows } = await import("../core/automl/artifact/predictRows.ts");
  let out: RowPredictions;
  try {
    out = predictRows(pipeline, table.frame);
  } catch (err) {
    if ((err as Error | null)?.name !== "ValidationError") throw err;
    io.err((err as Error).message);
    return UNREADABLE;
  }
  const csv = predictionsCsv(out);
  if (parsed.values.out) {
    try {
      await writeFile(parsed.values.out, csv);
    } catch (err) {
      io.err(
        `Cannot write "${parsed.values.out}" (${(err as { code?: string }).code ?? (err as Error).message}).`,
      );
      return UNREADABLE;
    }
    io.out(`Wrote ${out.predictions.length} predictions to ${parsed.values.out}.`);
  } else io.out(csv);
  return 0;
}
