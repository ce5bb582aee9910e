/**
 * `monitor MODEL.json NEW.csv [--json]`: tests a batch of new rows for drift against the model's
 * reference (the sketches its model file carries, or a training CSV given with --reference),
 * scores the model on the batch when it has the target, and estimates the score (CBPE) when it
 * does not. Damaged input (model, CSV, a column the model needs, an unknown test) is one sentence
 * and exit status 2.
 */
import type { DriftOverride, DriftTestId } from "../core/monitor/columnDrift.ts";
import type { MonitorReport } from "../core/monitor/monitorBatch.ts";
import type { ReferenceSketches } from "../core/monitor/sketch.ts";
import { escapeControls } from "../core/text/controlChars.ts";
import type { Io } from "./io.ts";
import { readModelPath } from "./modelPath.ts";
import { parseTableArgs, readTableFile, UNREADABLE } from "./readTable.ts";

export const MONITOR_HELP = `Usage: automl-playground monitor MODEL.json NEW.csv [options]

Compares the rows of NEW.csv with the data the model was trained on, column by column, with
Evidently's default tests: up to 1,000 reference values, Kolmogorov-Smirnov (numbers with more
than 5 values), chi-squared or a two-proportion z-test (2 values), drift when p < 0.05; more,
the Wasserstein distance over the reference's standard deviation (numbers) or the Jensen-Shannon
distance, drift when >= 0.1. The dataset drifts when at least half of the columns do. The
model's predictions are tested the same way. When NEW.csv has the target column, the model is
scored on it; for classification the score is also estimated from the probabilities (CBPE).

Options:
  --reference TRAIN.csv   build the reference from this training data (needed when MODEL.json
                          has no reference sketches, e.g. a file saved before monitoring)
  --test COLUMN=TEST[:T]  use TEST (ks, chi2, z, wasserstein, jensen_shannon, psi) for COLUMN,
                          with threshold T; repeatable; COLUMN "prediction" is the predictions
  --json                  print one JSON object: {rows, reference_rows, dataset_drift,
                          drift_share, columns, prediction, performance, estimated_performance}
  --delimiter D           read the CSV files with delimiter D: , ; | or tab
  --drop-ragged           drop rows with too few or too many fields
`;

const TESTS = ["ks", "chi2", "z", "wasserstein", "jensen_shannon", "psi"];
const VALUED = ["reference", "delimiter", "test"];

interface MonitorArgs {
  model: string;
  overrides: Record<string, DriftOverride>;
  rest: string[];
}

/** The model path and the --test overrides taken out of `args`, or the sentence saying what is wrong. */
function splitArgs(args: string[]): MonitorArgs | string {
  const rest: string[] = [];
  const overrides: Record<string, DriftOverride> = Object.create(null);
  let model: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--test" || a.startsWith("--test=")) {
      const spec = a === "--test" ? args[++i] : a.slice(7);
      const m = spec === undefined ? null : /^(.+)=([a-z_0-9]+)(?::(.+))?$/.exec(spec);
      if (!m) return '--test needs COLUMN=TEST or COLUMN=TEST:THRESHOLD, as in "--test age=psi:0.2".';
      const [, column, test, threshold] = m;
      if (!TESTS.includes(test)) return `--test: unknown test "${test}" (use one of ${TESTS.join(", ")}).`;
      const t = threshold === undefined ? undefined : Number(threshold);
      if (t !== undefined && (!Number.isFinite(t) || t < 0))
        return `--test: the threshold of "${column}" must be a number from 0 (got "${threshold}").`;
      overrides[column] = { test: test as DriftTestId, ...(t === undefined ? {} : { threshold: t }) };
      continue;
    }
    if (model === null && !a.startsWith("-")) {
      model = a;
      continue;
    }
    rest.push(a);
    if (a.startsWith("--") && !a.includes("=") && VALUED.includes(a.slice(2)) && i + 1 < args.length)
      rest.push(args[++i]);
  }
  if (model === null)
    return 'monitor needs a model file and a CSV file, as in "automl-playground monitor model.json new.csv".';
  return { model, overrides, rest };
}

export async function monitor(args: string[], io: Io): Promise<number> {
  const split = splitArgs(args);
  if (typeof split === "string") {
    io.err(split);
    return UNREADABLE;
  }
  const parsed = parseTableArgs("monitor", split.rest, ["reference"]);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const read = await readModelPath(split.model, io);
  if (typeof read === "number") return read;
  const { pipeline, file } = read;
  const inputs = new Set([...pipeline.artifact.inputs.map((i) => i.name), "prediction"]);
  const unknown = Object.keys(split.overrides).find((c) => !inputs.has(c));
  if (unknown !== undefined) {
    io.err(`--test: "${unknown}" is not an input column of the model (nor "prediction").`);
    return UNREADABLE;
  }
  const { makeReferenceSketches } = await import("../core/monitor/referenceSketches.ts");
  const { monitorBatch } = await import("../core/monitor/monitorBatch.ts");
  let reference: ReferenceSketches | undefined = file.reference;
  try {
    if (parsed.values.reference !== undefined) {
      const table = await readTableFile(parsed.values.reference, parsed.options, io);
      if (typeof table === "number") return table;
      reference = makeReferenceSketches(pipeline, table.frame);
    }
    if (!reference) {
      io.err(
        `"${split.model}" has no reference sketches (it was saved before monitoring): give the training data with --reference TRAIN.csv.`,
      );
      return UNREADABLE;
    }
    const table = await readTableFile(parsed.file, parsed.options, io);
    if (typeof table === "number") return table;
    const report = monitorBatch({
      pipeline,
      reference,
      frame: table.frame,
      referenceScore: file.card.scores.cv_mean,
      overrides: split.overrides,
    });
    io.out(parsed.json ? JSON.stringify(toJson(report), null, 2) : toText(report));
    return 0;
  } catch (err) {
    if ((err as Error | null)?.name !== "ValidationError") throw err;
    io.err((err as Error).message);
    return UNREADABLE;
  }
}

/** Non-finite numbers (an infinite chi-squared, an undefined metric) as null, as JSON has them. */
const num = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);

/** The `--json` shape of issue 13, nothing more. */
export function toJson(r: MonitorReport) {
  return {
    rows: r.rows,
    reference_rows: r.reference_rows,
    dataset_drift: r.dataset_drift,
    drift_share: r.drift_share,
    columns: r.columns.map((c) => ({
      name: c.name,
      kind: c.kind,
      test: c.test,
      statistic: num(c.statistic),
      p_value: num(c.p_value),
      threshold: c.threshold,
      drift: c.drift,
    })),
    prediction: {
      test: r.prediction.test,
      statistic: num(r.prediction.statistic),
      p_value: num(r.prediction.p_value),
      drift: r.prediction.drift,
    },
    performance: r.performance && {
      metric: r.performance.metric,
      value: num(r.performance.value),
      reference: num(r.performance.reference),
    },
    estimated_performance: r.estimated_performance && {
      metric: r.estimated_performance.metric,
      value: num(r.estimated_performance.value),
      method: r.estimated_performance.method,
    },
  };
}

const fmt = (x: number | null) =>
  x === null
    ? "-"
    : !Number.isFinite(x)
      ? String(x)
      : Math.abs(x) < 1e-4 && x !== 0
        ? x.toExponential(2)
        : x.toFixed(4);

const TEST_NAMES: Record<string, string> = {
  ks: "Kolmogorov-Smirnov",
  chi2: "chi-squared",
  z: "z-test",
  wasserstein: "Wasserstein (normed)",
  jensen_shannon: "Jensen-Shannon",
  psi: "PSI",
};

/** The report as a table and a few sentences. */
export function toText(r: MonitorReport): string {
  const rows = [["column", "kind", "test", "statistic", "p-value", "threshold", "PSI", "drift"]];
  for (const c of [...r.columns, { name: "(prediction)", kind: "", ...r.prediction }]) {
    rows.push([
      escapeControls(c.name, true),
      c.kind,
      TEST_NAMES[c.test],
      fmt(c.statistic),
      fmt(c.p_value),
      String(c.threshold),
      fmt(c.psi),
      c.drift ? "DRIFT" : "no",
    ]);
  }
  const widths = rows[0].map((_, j) => Math.max(...rows.map((row) => row[j].length)));
  const lines = [
    `Batch of ${r.rows} rows against a reference of ${r.reference_rows} rows.`,
    "",
    ...rows.map((row) =>
      `  ${row.map((cell, j) => (j < 3 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join("  ")}`.trimEnd(),
    ),
    "",
    `${r.columns.filter((c) => c.drift).length} of ${r.columns.length} columns drifted (${(100 * r.drift_share).toFixed(0)}%): ${r.dataset_drift ? "the dataset drifted" : "no dataset drift"} (drift when at least half of the columns drift).`,
    `Predictions: ${r.prediction.drift ? "drifted" : "no drift"}.`,
  ];
  if (r.performance) {
    const ref =
      r.performance.reference === null
        ? ""
        : `; reference (CV) ${fmt(r.performance.reference)}, change ${fmt(r.performance.value - r.performance.reference)}`;
    lines.push(
      `Performance (${r.performance.metric}) on ${r.performance.labelled_rows} labelled rows: ${fmt(r.performance.value)}${ref}.`,
    );
  }
  if (r.estimated_performance) {
    lines.push(
      `Estimated ${r.estimated_performance.metric} without labels: ${fmt(r.estimated_performance.value)}.`,
    );
    lines.push(`  ${r.estimated_performance.method}`);
  }
  return lines.join("\n");
}
