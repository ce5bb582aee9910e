/**
 * `train FILE --target COLUMN [options]`: runs the model ladder (baseline to neural net) with
 * cross-validation and a held-back test part, prints the leaderboard, and with --out saves the
 * best model's pipeline for `predict`.
 */
import { writeFile } from "node:fs/promises";
import { LADDER_ORDER } from "../core/automl/ladder/ladderOrder.ts";
import type { LeaderboardEntry } from "../core/automl/ladder/leaderboard.ts";
import type { LadderResult } from "../core/automl/ladder/runLadder.ts";
import { METRICS, type MetricId } from "../core/framing/metrics.ts";
import type { SplitConfig } from "../core/prep/splits.ts";
import type { Progress } from "../core/progress.ts";
import { defaultThreads, makeFoldPool } from "./foldPool.ts";
import type { Io } from "./io.ts";
import { parseTableArgs, readTableFile, UNREADABLE } from "./readTable.ts";
import { prepareTfjs } from "./tfjsBackend.ts";

export const TRAIN_HELP = `Usage: automl-playground train FILE --target COLUMN [options]

Trains the model ladder on FILE: ${LADDER_ORDER.join(", ")}
(those that suit the task), then an ensemble: a weighted blend of them. Each model is
cross-validated on the training part, refitted on it and scored on the held-back test part.
Prints the leaderboard, best first.

Options:
  --target COLUMN    the column to predict (required)
  --models a,b,...   models to try (default: the whole ladder)
  --folds K          cross-validation folds (default 5)
  --test-size F      share of rows held back as the test part (default 0.2; 0 keeps none)
  --metric ID        metric that ranks the models (default: chosen for the task)
  --seed N           seed of every split and model (default 0); the same seed gives the same leaderboard
  --split S          how rows are dealt into folds: "stratified" (default for classes), "kfold"
                     (shuffled, not stratified), or "sklearn": exactly scikit-learn's
                     KFold(K, shuffle=True, random_state=N), to compare with a notebook fold for fold
                     (with --test-size 0 the folds cover every row, as in cross_val_score)
  --ensemble yes|no  add the ensemble rung, a weighted blend of the models (default yes)
  --threads N        worker threads that train folds side by side (default: the cores, at most 8;
                     1 trains in this thread); the numbers are the same whatever N
  --out MODEL.json   save the best model's pipeline, for "automl-playground predict"
  --json             print one JSON object: {task, metric, leaderboard, best}
  --delimiter D      use D instead of guessing: , ; | or tab
  --drop-ragged      drop rows with too few or too many fields
`;

interface TrainSettings {
  target: string;
  seed: number;
  folds: number;
  testSize: number;
  models?: string[];
  metric?: MetricId;
  out?: string;
  split?: SplitConfig;
  ensemble: boolean;
  threads: number;
}

/** The settings from the option values, or the sentence that says what is wrong. */
function readSettings(values: Record<string, string>, valid: string[]): TrainSettings | string {
  if (values.target === undefined) return "train needs --target COLUMN, the column to predict.";
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isInteger(seed)) return `--seed must be a whole number (got "${values.seed}").`;
  const folds = values.folds === undefined ? 5 : Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2)
    return `--folds must be a whole number of at least 2 (got "${values.folds}").`;
  const testSize = values["test-size"] === undefined ? 0.2 : Number(values["test-size"]);
  if (!(testSize >= 0 && testSize < 1))
    return `--test-size must be a number from 0 up to 1 (got "${values["test-size"]}").`;
  let models: string[] | undefined;
  if (values.models !== undefined) {
    models = values.models
      .split(",")
      .map((m) => m.trim())
      .filter((m) => m !== "");
    const unknown = models.filter((m) => !valid.includes(m));
    if (unknown.length > 0 || models.length === 0) {
      const what =
        unknown.length > 0
          ? `Unknown model${unknown.length > 1 ? "s" : ""} ${unknown.map((m) => `"${m}"`).join(", ")}`
          : "No model given";
      return `${what}; the models are ${valid.join(", ")}.`;
    }
  }
  let metric: MetricId | undefined;
  if (values.metric !== undefined) {
    if (!Object.hasOwn(METRICS, values.metric))
      return `Unknown metric "${values.metric}"; the metrics are ${Object.keys(METRICS).join(", ")}.`;
    metric = values.metric as MetricId;
  }
  const split = values.split ?? "stratified";
  if (!["stratified", "kfold", "sklearn"].includes(split))
    return `--split must be stratified, kfold or sklearn (got "${split}").`;
  const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64)
    return `--threads must be a whole number from 1 to 64 (got "${values.threads}").`;
  const ensemble = values.ensemble ?? "yes";
  if (ensemble !== "yes" && ensemble !== "no") return `--ensemble must be yes or no (got "${ensemble}").`;
  return {
    target: values.target,
    seed,
    folds,
    testSize,
    models,
    metric,
    out: values.out,
    split:
      split === "stratified" ? undefined : { type: "kfold", shuffle: true, sklearn: split === "sklearn" },
    ensemble: ensemble === "yes",
    threads,
  };
}

/** Progress on one rewritten terminal line; nothing when stderr is not a terminal. */
function terminalProgress(): ((p: Progress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    if (p.phase !== "fold") return;
    const line = `${p.message ?? ""} (${p.done}/${p.total})`;
    process.stderr.write(`\r\x1b[K${line}`);
    if (p.done >= p.total) process.stderr.write("\r\x1b[K");
  };
}

export async function train(args: string[], io: Io): Promise<number> {
  const parsed = parseTableArgs("train", args, [
    "target",
    "seed",
    "folds",
    "models",
    "test-size",
    "metric",
    "out",
    "split",
    "ensemble",
    "threads",
  ]);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  // The engine (every model, tfjs) loads only when a command needs it, so other commands start fast.
  const { knownModelIds } = await import("../core/automl/ladder/ladderModels.ts");
  const { runLadder } = await import("../core/automl/ladder/runLadder.ts");
  const settings = readSettings(parsed.values, knownModelIds());
  if (typeof settings === "string") {
    io.err(settings);
    return UNREADABLE;
  }
  const table = await readTableFile(parsed.file, parsed.options, io);
  if (typeof table === "number") return table;
  if (!settings.models || settings.models.includes("mlp")) await prepareTfjs();
  let result: LadderResult;
  const pool = settings.threads > 1 ? makeFoldPool(table.frame, settings.threads) : null;
  try {
    result = await runLadder(table.frame, {
      target: settings.target,
      seed: settings.seed,
      folds: settings.folds,
      testSize: settings.testSize,
      models: settings.models,
      metric: settings.metric,
      split: settings.split,
      ensemble: settings.ensemble,
      runFold: pool?.runFold,
      onProgress: parsed.json ? undefined : terminalProgress(),
    });
  } catch (err) {
    if ((err as Error | null)?.name !== "ValidationError") throw err;
    io.err((err as Error).message);
    return UNREADABLE;
  } finally {
    await pool?.close();
  }
  if (!result.best) {
    const why = result.entries.find((e) => e.error)?.error;
    io.err(`No model could be trained${why ? `: ${why}` : "."}`);
    return 1;
  }
  if (settings.out && result.pipeline) {
    try {
      await writeFile(settings.out, JSON.stringify(result.pipeline));
    } catch (err) {
      io.err(
        `Cannot write "${settings.out}" (${(err as { code?: string }).code ?? (err as Error).message}).`,
      );
      return UNREADABLE;
    }
  }
  io.out(parsed.json ? JSON.stringify(toJson(result), null, 2) : toText(result, settings.out));
  return 0;
}

/** The `--json` shape: {task, metric, leaderboard, best}; undefined scores are null. */
export function toJson(result: LadderResult) {
  return {
    task: result.plan.task,
    metric: result.plan.metric,
    leaderboard: result.leaderboard.map((e) => ({
      model: e.model,
      label: e.label,
      cv_mean: e.cv_mean,
      cv_std: e.cv_std,
      fold_scores: e.fold_scores,
      train_mean: e.train_mean,
      metrics: e.metrics,
      test_metrics: e.test_metrics,
      fit_seconds: e.fit_seconds,
      backend: e.backend,
      ...(e.error ? { error: e.error } : {}),
    })),
    best: result.best?.model ?? null,
  };
}

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "-" : x.toFixed(4));

/** The leaderboard as a table, best first. */
export function toText(result: LadderResult, out?: string): string {
  const { plan } = result;
  const label = METRICS[plan.metric].label;
  const test = plan.test.length > 0 ? `, test part ${plan.test.length} rows` : ", no test part";
  const lines = [
    `Task: ${plan.task}; metric: ${label}; ${plan.folds.length}-fold cross-validation on ${plan.train.length} rows${test}.`,
    "",
  ];
  const rows = [["#", "model", `cv ${label}`, "± std", "train", "test", "seconds", "backend"]];
  result.leaderboard.forEach((e: LeaderboardEntry, i) => {
    rows.push([
      String(i + 1),
      e.model,
      fmt(e.cv_mean),
      fmt(e.cv_std),
      fmt(e.train_mean),
      fmt(e.test_metrics[plan.metric]),
      e.error ? "failed" : e.fit_seconds.toFixed(2),
      e.backend ?? "",
    ]);
  });
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  for (const r of rows) {
    lines.push(
      `  ${r.map((cell, j) => (j === 1 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join("  ")}`.trimEnd(),
    );
  }
  for (const e of result.leaderboard) if (e.error) lines.push(`  ! ${e.model}: ${e.error}`);
  lines.push("", `Best: ${result.best!.model} (${result.best!.label}).`);
  if (out) lines.push(`Saved its pipeline to ${out}; use "automl-playground predict ${out} FILE".`);
  return lines.join("\n");
}
