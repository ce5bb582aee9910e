/**
 * `explain MODEL.json FILE [--rows 0,5,9] [--positive CLASS] [--json]`: why the model gave some rows of FILE their
 * predictions: each input column's contribution, from the base value to the model's output (exact
 * TreeSHAP for tree models, exact linear contributions for linear ones, seeded sampled Shapley
 * values for the rest and for ensembles; see src/core/automl/explain).
 */
import type { Explanation } from "../core/automl/explain/explainRows.ts";
import type { ReadModelFile } from "../core/deploy/modelFile.ts";
import { escapeControls, escapeJsonControls } from "../core/text/controlChars.ts";
import type { Io } from "./io.ts";
import { readModelPath, splitModelArg } from "./modelPath.ts";
import { parseTableArgs, readTableFile, UNREADABLE } from "./readTable.ts";

/** Rows explained when --rows is not given. */
const DEFAULT_ROWS = 10;

export const EXPLAIN_HELP = `Usage: automl-playground explain MODEL.json FILE [options]

Explains the predictions of the model in MODEL.json (saved by "train --out" or "export --format
json") for rows of FILE: each input column's contribution, so that the base value plus the
contributions is the model's output. Tree models and gradient boosting: exact TreeSHAP; linear and
logistic regression: exact; other models and ensembles: Shapley values estimated by seeded
permutation sampling, with a sample of FILE's rows standing for the data. Encoded columns (one-hot
and others) are added back to the column they came from.

The output explained: regression, the predicted value; binary classification, the positive class
(the one the run's evaluation scored as positive, named in the model card; a file without one: its
second class), in log-odds for gradient boosting and logistic regression, whose sigmoid is
predict's probability, in probability otherwise; multiclass, each row's predicted class.

Options:
  --rows 0,5,9       rows of FILE to explain, counted from 0 (default: the first ${DEFAULT_ROWS})
  --positive CLASS   binary models: explain CLASS instead of the model card's positive class
  --json             print JSON: {"output", "class", "base_value", "rows": [{"row", "output", "contributions"}]}
                     (multiclass: "class" and "base_value" per row)
  --delimiter D      read FILE with delimiter D instead of guessing: , ; | or tab
  --drop-ragged      drop rows of FILE with too few or too many fields
`;

const VALUED = ["rows", "delimiter", "positive"];

/** `0,5,9` as row numbers, or the sentence saying what is wrong. */
export function parseRows(text: string): number[] | string {
  const parts = text.split(",").map((p) => p.trim());
  const rows: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p) || !Number.isSafeInteger(Number(p)))
      return `--rows takes row numbers counted from 0, as in --rows 0,5,9 (got ${JSON.stringify(text)}).`;
    if (!rows.includes(Number(p))) rows.push(Number(p));
  }
  return rows;
}

export async function explain(args: string[], io: Io): Promise<number> {
  const { model: modelPath, rest } = splitModelArg(args, VALUED);
  if (modelPath === null) {
    io.err(
      'explain needs a model file and a CSV file, as in "automl-playground explain model.json data.csv".',
    );
    return UNREADABLE;
  }
  const parsed = parseTableArgs("explain", rest, ["rows", "positive"]);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const asked = parsed.values.rows === undefined ? null : parseRows(parsed.values.rows);
  if (typeof asked === "string") {
    io.err(asked);
    return UNREADABLE;
  }
  const read = await readModelPath(modelPath, io);
  if (typeof read === "number") return read;
  const positive = positiveOf(read, parsed.values.positive);
  if (positive.error) {
    io.err(escapeControls(positive.error, true));
    return UNREADABLE;
  }
  for (const note of read.notes) io.err(`Note: ${escapeControls(note, true)}`);
  const table = await readTableFile(parsed.file, parsed.options, io);
  if (typeof table === "number") return table;
  const frame = table.frame;
  if (frame.rows === 0) {
    io.err(`"${parsed.file}" has no data rows to explain.`);
    return UNREADABLE;
  }
  const rows = asked ?? Array.from({ length: Math.min(DEFAULT_ROWS, frame.rows) }, (_, i) => i);
  const { explainRows } = await import("../core/automl/explain/explainRows.ts");
  let e: Explanation;
  try {
    e = explainRows(read.pipeline, frame, rows, { positive: positive.value ?? undefined });
  } catch (err) {
    if ((err as Error | null)?.name !== "ValidationError") throw err;
    const why = (err as Error).message;
    io.err(/[.!?]$/.test(why) ? why : `${why}.`);
    return UNREADABLE;
  }
  io.out(
    parsed.json
      ? escapeJsonControls(JSON.stringify(explanationJson(e), null, 2))
      : explanationText(e, read.pipeline.artifact.label),
  );
  return 0;
}

/**
 * The class a binary explanation is about: `asked` (--positive) when it is one of the model's
 * classes, else the file's positive class; an error sentence for a class the model lacks or a
 * model that is not binary.
 */
export function positiveOf(
  read: Pick<ReadModelFile, "pipeline" | "positive">,
  asked: string | undefined,
): { value: string | null; error?: string } {
  if (asked === undefined) return { value: read.positive };
  const { task, classes } = read.pipeline.artifact;
  if (task !== "binary")
    return {
      value: null,
      error: `--positive applies to binary models; this one is ${task === "regression" ? "a regression model" : "a multiclass model"}.`,
    };
  if (!classes?.includes(asked))
    return {
      value: null,
      error: `--positive ${JSON.stringify(asked)} is not one of the model's classes (${(classes ?? []).map((c) => JSON.stringify(c)).join(", ")}).`,
    };
  return { value: asked };
}

/** The --json form: one base value and class for binary and regression, per row for multiclass. */
export function explanationJson(e: Explanation) {
  const perRow = e.perClass;
  const first = e.rows[0];
  return {
    output: e.output,
    class: perRow ? null : (first?.class ?? null),
    base_value: perRow ? null : (first?.base ?? null),
    rows: e.rows.map((r) => ({
      row: r.row,
      ...(perRow ? { class: r.class, base_value: r.base } : {}),
      output: r.output,
      // fromEntries makes own properties, so a column named "__proto__" stays a plain key.
      contributions: Object.fromEntries(e.columns.map((c, j) => [c, r.contributions[j] + 0])),
    })),
  };
}

const METHOD: Record<Explanation["method"], string> = {
  tree: "exact TreeSHAP",
  linear: "exact linear contributions",
  sampling: "sampled Shapley values",
};

const fmt = (v: number) =>
  Math.abs(v) >= 1e-4 || v === 0 ? Number(v.toPrecision(6)).toString() : v.toExponential(3);
const signed = (v: number) => (v >= 0 ? `+${fmt(v)}` : fmt(v));

/** A readable table per row, columns by the size of their contribution. */
export function explanationText(e: Explanation, label: string): string {
  const scale = e.output === "log_odds" ? "log-odds" : e.output;
  const lines = [`${escapeControls(label, true)}: ${METHOD[e.method]}, in ${scale}.`];
  const names = e.columns.map((c) => escapeControls(c, true));
  const width = Math.min(40, Math.max(6, ...names.map((n) => n.length)));
  for (const r of e.rows) {
    const cls = r.class === null ? "" : ` (class ${escapeControls(r.class, true)})`;
    lines.push("", `Row ${r.row}${cls}: output ${fmt(r.output)} = base ${fmt(r.base)} + contributions`);
    const order = e.columns
      .map((_, j) => j)
      .sort((a, b) => Math.abs(r.contributions[b]) - Math.abs(r.contributions[a]));
    for (const j of order) {
      const name = names[j].length > width ? `${names[j].slice(0, width - 1)}…` : names[j];
      lines.push(`  ${name.padEnd(width)}  ${signed(r.contributions[j]).padStart(12)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
