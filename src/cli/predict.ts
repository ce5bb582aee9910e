/**
 * `predict MODEL.json FILE [--out PRED.csv]`: scores the rows of FILE with a pipeline saved by
 * `train --out`, writing a CSV with a `prediction` column and, for classes, one `proba_<class>`
 * column per class, rows in input order.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { LoadedPipeline } from "../core/automl/artifact/loadPipeline.ts";
import type { RowPredictions } from "../core/automl/artifact/predictRows.ts";
import { type CsvCell, writeCsv } from "../core/data/writeCsv.ts";
import type { Io } from "./io.ts";
import { parseTableArgs, readTableFile, UNREADABLE } from "./readTable.ts";
import { prepareTfjs } from "./tfjsBackend.ts";

export const PREDICT_HELP = `Usage: automl-playground predict MODEL.json FILE [options]

Predicts every row of FILE with the pipeline in MODEL.json (saved by "train --out"). Columns may
come in any order; extra columns are ignored; missing values and unseen categories are handled
as in training. Writes a CSV: "prediction", then "proba_<class>" per class for classification.

Options:
  --out PRED.csv     write the CSV to PRED.csv instead of printing it
  --delimiter D      read FILE with delimiter D instead of guessing: , ; | or tab
  --drop-ragged      drop rows of FILE with too few or too many fields
`;

/** Options of predict that take a value, so that their values are not taken for file names. */
const VALUED = ["out", "delimiter"];

/** The model file (the first argument that is not an option or an option's value) and the rest. */
function splitModelArg(args: string[]): { model: string | null; rest: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      if (!a.includes("=") && VALUED.includes(a.slice(2))) i++;
      continue;
    }
    if (a.startsWith("-") && a !== "-") continue;
    return { model: a, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { model: null, rest: args };
}

/** Reads and checks a pipeline file, or writes why it cannot and returns the exit status. */
async function readModel(path: string, io: Io): Promise<LoadedPipeline | number> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.err(
      code === "ENOENT"
        ? `Cannot read "${path}": there is no such file.`
        : `Cannot read "${path}" (${code ?? "error"}).`,
    );
    return UNREADABLE;
  }
  try {
    const { loadPipeline } = await import("../core/automl/artifact/loadPipeline.ts");
    return loadPipeline(JSON.parse(text));
  } catch (err) {
    const name = (err as Error | null)?.name;
    if (name !== "ValidationError" && name !== "SyntaxError" && name !== "NotFittedError") throw err;
    const why = name === "SyntaxError" ? "it is not JSON" : (err as Error).message;
    io.err(`"${path}" is not a model saved by "automl-playground train --out" (${why}).`);
    return UNREADABLE;
  }
}

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

export async function predict(args: string[], io: Io): Promise<number> {
  const { model: modelPath, rest } = splitModelArg(args);
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
  const pipeline = await readModel(modelPath, io);
  if (typeof pipeline === "number") return pipeline;
  // A neural net, alone or in an ensemble, predicts with tfjs.
  if (pipeline.members.some((m) => m.modelId === "mlp")) await prepareTfjs();
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
