/**
 * `export MODEL.json --format html|json|onnx --out FILE`: turns a model saved by `train --out` (a
 * bare pipeline or a model file) into a model file with its card (json), a single-file HTML
 * predictor (html) or one ONNX graph of the whole pipeline (onnx). The model is read and checked
 * as `predict` reads it; a damaged file, or a pipeline ONNX cannot carry faithfully, is refused
 * with exit status 2 and one sentence.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Delimiter, ReadCsvOptions } from "../core/data/csvTypes.ts";
import { buildHtmlPredictor } from "../core/deploy/htmlPredictor.ts";
import { dataFingerprint, type ModelFile, makeModelCard, makeModelFile } from "../core/deploy/modelFile.ts";
import type { Io } from "./io.ts";
import { readModelPath } from "./modelPath.ts";
import { predictorBundle } from "./predictorBundle.ts";
import { readTableFile, UNREADABLE } from "./readTable.ts";

export const EXPORT_HELP = `Usage: automl-playground export MODEL.json --format html|json|onnx --out FILE [options]

Exports a model saved by "train --out" (or a model file exported before). The model is checked
first, as "predict" checks it; a damaged or foreign file is refused.

Formats:
  json    the model file: the pipeline, its model card (task, target, metric, scores and how they
          were measured, classes, inputs with their ranges and levels) and a SHA-256 of both
  html    a single-file predictor: the model card, a one-row form and CSV scoring, all in one
          page that opens from disk in any current browser and sends nothing anywhere
  onnx    the whole pipeline (recipe and model) as one ONNX graph for ONNX Runtime and other
          engines: one input per raw column ([N, 1]; float for numbers, NaN = missing; string
          otherwise, "" = missing), outputs "label" and "probabilities" (classification) or
          "variable" (regression); IR version 8, opsets ai.onnx 17 and ai.onnx.ml 3. A step or
          model without a faithful ONNX form (kNN, text features, dates read from text) is
          refused with a sentence naming it

Options:
  --format F         html, json or onnx (required)
  --out FILE         where to write (required)
  --data TRAIN.csv   fill the card's input ranges and levels from this training data (a model
                     file that has them keeps its own card otherwise)
  --delimiter D      read TRAIN.csv with delimiter D: , ; | or tab
`;

/** The app's version, from package.json (the card records it). */
export async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}

/** The human size of a byte count, e.g. "1.2 MB". */
export function showBytes(n: number): string {
  return n < 1000 ? `${n} bytes` : n < 1e6 ? `${(n / 1e3).toFixed(0)} kB` : `${(n / 1e6).toFixed(1)} MB`;
}

/** The parsed arguments of export, or the sentence saying what is wrong. */
interface ExportArgs {
  model: string;
  format: "html" | "json" | "onnx";
  out: string;
  data?: string;
  options: ReadCsvOptions;
}

const DELIMITERS: Record<string, Delimiter> = { ",": ",", ";": ";", "|": "|", tab: "\t", "\t": "\t" };

function parseExportArgs(args: string[]): ExportArgs | string {
  const files: string[] = [];
  const values: Record<string, string> = {};
  const options: ReadCsvOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--drop-ragged") {
      options.raggedRows = "drop";
      continue;
    }
    if (!a.startsWith("-") || a === "-") {
      files.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const flag = a.startsWith("--") ? a.slice(2, eq > 0 ? eq : undefined) : "";
    if (!["format", "out", "data", "delimiter"].includes(flag))
      return `Unknown option "${a}" for export. Run "automl-playground help export".`;
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || value === "") return `--${flag} needs a value.`;
    values[flag] = value;
  }
  if (files.length !== 1)
    return files.length === 0
      ? 'export needs a model file, as in "automl-playground export model.json --format html --out predictor.html".'
      : "export reads one model file at a time.";
  const { format, out, data, delimiter } = values;
  if (format !== "html" && format !== "json" && format !== "onnx")
    return `--format must be html, json or onnx (got ${format === undefined ? "nothing" : JSON.stringify(format)}).`;
  if (!out) return "export needs --out FILE, the file to write.";
  if (delimiter !== undefined) {
    if (!Object.hasOwn(DELIMITERS, delimiter))
      return `The delimiter must be one of , ; | tab (got ${JSON.stringify(delimiter)}).`;
    options.delimiter = DELIMITERS[delimiter];
  }
  return { model: files[0], format, out, data, options };
}

export async function exportModel(args: string[], io: Io): Promise<number> {
  const parsed = parseExportArgs(args);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const { model, format, out, data } = parsed;
  const read = await readModelPath(model, io);
  if (typeof read === "number") return read;
  let file: ModelFile = read.file;
  if (data !== undefined) {
    const table = await readTableFile(data, parsed.options, io);
    if (typeof table === "number") return table;
    const card = makeModelCard({
      pipeline: file.pipeline,
      frame: table.frame,
      protocol: file.card.scores.protocol,
      dataFingerprint: await dataFingerprint(table.frame),
      appVersion: await appVersion(),
      positiveClass: file.card.positive_class,
    });
    // Scores stay the model's own; only what describes the data comes from TRAIN.csv.
    // Monitoring's reference is the training data too: sketched from TRAIN.csv when it has every input.
    const { makeReferenceSketches } = await import("../core/monitor/referenceSketches.ts");
    const have = new Set(table.frame.columns.map((c) => c.name));
    const reference = file.pipeline.inputs.every((i) => have.has(i.name))
      ? makeReferenceSketches(read.pipeline, table.frame)
      : file.reference;
    file = await makeModelFile(file.pipeline, { ...card, scores: file.card.scores }, reference);
  } else if (read.rewritten) {
    file = await makeModelFile(
      file.pipeline,
      { ...file.card, app_version: await appVersion() },
      file.reference,
    );
  }
  if (data === undefined) for (const note of read.notes) io.err(`Note: ${note}`);
  let content: string | Uint8Array;
  if (format === "onnx") {
    const { exportOnnx } = await import("../core/deploy/onnx/exportOnnx.ts");
    try {
      content = exportOnnx(file, read.pipeline, { appVersion: await appVersion() });
    } catch (err) {
      if ((err as Error | null)?.name !== "OnnxRefusedError") throw err;
      io.err(`Cannot export "${model}" to ONNX. ${(err as Error).message}`);
      return UNREADABLE;
    }
  } else
    content = format === "json" ? JSON.stringify(file) : buildHtmlPredictor(file, await predictorBundle());
  try {
    await writeFile(out, content);
  } catch (err) {
    io.err(`Cannot write "${out}" (${(err as { code?: string }).code ?? (err as Error).message}).`);
    return UNREADABLE;
  }
  const what =
    format === "json" ? "the model file" : format === "onnx" ? "the ONNX model" : "the HTML predictor";
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
  io.out(`Wrote ${what} to ${out} (${showBytes(size)}).`);
  return 0;
}
