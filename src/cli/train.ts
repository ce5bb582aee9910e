/**
 * `train FILE --target COLUMN [options]`: runs the model ladder (baseline to neural net) with
 * cross-validation and a held-back test part, prints the leaderboard, and with --out saves the
 * best model's pipeline for `predict`.
 */
import { writeFile } from "node:fs/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { LADDER_ORDER } from "../core/automl/ladder/ladderOrder.ts";
import type { LeaderboardEntry } from "../core/automl/ladder/leaderboard.ts";
import type { LadderResult } from "../core/automl/ladder/runLadder.ts";
import {
  DEFAULT_FOLDS,
  DEFAULT_TEST_FRACTION,
  type KnownIds,
  RUN_LIMITS,
  type RunSettings,
  runSettingsProblem,
  validateRunSettings,
} from "../core/automl/run/runSettings.ts";
import { bestTrialScore, foldsKeepingDefaults } from "../core/automl/tune/bestTrial.ts";
import { DEFAULT_TUNE, TUNE_PRESETS, type TuneBudget } from "../core/automl/tune/tuning.ts";
import { METRICS } from "../core/framing/metrics.ts";
import { MODEL_IDS } from "../core/models/loadModelSpec.ts";
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
  --folds K          cross-validation folds, ${RUN_LIMITS.folds.min} to ${RUN_LIMITS.folds.max} (default 5)
  --test-size F      share of rows held back as the test part, ${RUN_LIMITS.testFraction.min} to ${RUN_LIMITS.testFraction.max} (default 0.2; 0 keeps none)
  --metric ID        metric that ranks the models (default: chosen for the task)
  --seed N           seed of every split and model (default 0); the same seed gives the same leaderboard
  --split S          how rows are dealt into folds: "stratified" (default for classes), "kfold"
                     (shuffled, not stratified), or "sklearn": exactly scikit-learn's
                     KFold(K, shuffle=True, random_state=N), to compare with a notebook fold for fold
                     (with --test-size 0 the folds cover every row, as in cross_val_score)
  --ensemble yes|no  add the ensemble rung, a weighted blend of the models (default yes)
  --tune N           hyperparameter search: N candidates per model (the defaults among them),
                     by successive halving, nested in each fold so the scores stay honest;
                     off / 0 = defaults only, quick = ${TUNE_PRESETS.quick}, thorough = ${TUNE_PRESETS.thorough} (default ${DEFAULT_TUNE})
  --threads N        worker threads that train folds side by side (default: the cores, at most 8;
                     1 trains in this thread); the numbers are the same whatever N
  --out MODEL.json   save the best model as a model file (pipeline and model card), for
                     "automl-playground predict" and "export"
  --json             print one JSON object: {task, metric, leaderboard, best}
  --delimiter D      use D instead of guessing: , ; | or tab
  --drop-ragged      drop rows with too few or too many fields
`;

/** What `train` runs: the run's settings (checked by the one validation) and the command's own options. */
interface TrainOptions {
  settings: RunSettings;
  out?: string;
  threads: number;
}

/** A number flag as typed; NaN when it is not a number. */
const numberFlag = (v: string | undefined, fallback: number) =>
  v === undefined ? fallback : v.trim() === "" ? Number.NaN : Number(v);

/** The options from the flag values, or the sentence that says what is wrong. */
function readOptions(values: Record<string, string>, known: KnownIds): TrainOptions | string {
  if (values.target === undefined) return "train needs --target COLUMN, the column to predict.";
  const split = values.split ?? "stratified";
  if (!["stratified", "kfold", "sklearn"].includes(split))
    return `--split must be stratified, kfold or sklearn (got "${split}").`;
  const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64)
    return `--threads must be a whole number from 1 to 64 (got "${values.threads}").`;
  const ensemble = values.ensemble ?? "yes";
  if (ensemble !== "yes" && ensemble !== "no") return `--ensemble must be yes or no (got "${ensemble}").`;
  const tuneText = values.tune ?? String(DEFAULT_TUNE);
  const tune = Object.hasOwn(TUNE_PRESETS, tuneText) ? (tuneText as TuneBudget) : numberFlag(tuneText, 0);
  if (Number.isNaN(tune))
    return `--tune must be off, quick, thorough or a number of trials per model (got "${tuneText}").`;
  const numbers = {
    testFraction: numberFlag(values["test-size"], DEFAULT_TEST_FRACTION),
    folds: numberFlag(values.folds, DEFAULT_FOLDS),
    seed: numberFlag(values.seed, 0),
  };
  // Text that is no number is the flag's fault; a number's range is the run settings' one check.
  for (const [flag, key] of [
    ["test-size", "testFraction"],
    ["folds", "folds"],
    ["seed", "seed"],
  ] as const) {
    if (Number.isNaN(numbers[key])) return `--${flag} must be a number (got "${values[flag]}").`;
  }
  const draft = {
    target: values.target,
    task: null,
    metric: values.metric ?? null,
    models:
      values.models === undefined
        ? // The whole ladder (registered models outside it only when named).
          LADDER_ORDER.filter((id) => known.models?.includes(id))
        : values.models
            .split(",")
            .map((m) => m.trim())
            .filter((m) => m !== ""),
    split:
      split === "stratified"
        ? { type: "holdout", stratify: null, ...numbers }
        : { type: "kfold", shuffle: true, sklearn: split === "sklearn", ...numbers },
    criterion: null,
    ensemble: ensemble === "yes",
    tune,
  };
  const problem = runSettingsProblem(draft, known);
  if (problem) return problem;
  return { settings: validateRunSettings(draft, known), out: values.out, threads };
}

/**
 * Table cells (rows x columns) from which `train` collects garbage on cue (fullCollection): a
 * fold job there takes seconds, and a full collection of a thread's small heap some milliseconds;
 * on smaller tables a tuned run's hundreds of quick jobs would pay one each for nothing.
 */
export const COLLECT_CELLS = 1_000_000;

/** Main-thread collections at most this often (ms): a fold job of a big table takes longer. */
const COLLECT_EVERY_MS = 1000;

/**
 * Exposes `gc` to this process's threads from now on (a fold thread collects after each job,
 * foldThread.ts) and returns a full collection of this thread, run in a later task (so that the
 * event that asked for it is no longer referenced), at most once a second (a later call waits
 * its turn). Why: this thread relays the fold threads' messages, gbdt's help offers among them,
 * which hold a fit's shared WebAssembly memory (its codes and histograms, ~100-150 MB at a
 * million rows); idle between jobs, this thread allocates almost nothing, so V8 kept those
 * memories alive long after their fits had ended.
 */
export function fullCollection(): (() => void) & { now(): void } {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  let last = Number.NEGATIVE_INFINITY;
  let pending = false;
  const onCue = () => {
    if (!gc || pending) return;
    pending = true;
    const wait = Math.max(0, last + COLLECT_EVERY_MS - performance.now());
    setTimeout(() => {
      pending = false;
      last = performance.now();
      gc();
    }, wait).unref();
  };
  /** A full collection at once (no fold is running: nothing to wait for). */
  const now = () => {
    last = performance.now();
    gc?.();
  };
  return Object.assign(onCue, { now });
}

/**
 * The phases after which `train` collects: each fold job started or finished, each model done,
 * and the refit started or finished. The last two matter at a million rows: the refit starts
 * after the last fold's "model" report, and the help offers of the last fold's fit (its whole
 * shared WebAssembly memory, ~100 MB) stayed alive in this thread through the refit until then.
 */
const COLLECT_AFTER = new Set(["fold", "model", "refit"]);

/** `onProgress` that also collects after each fold job started or finished, model done and refit (COLLECT_AFTER). */
export function afterEachFold(
  onProgress: ((p: Progress) => void) | undefined,
  collect: (() => void) | null,
): ((p: Progress) => void) | undefined {
  if (!collect) return onProgress;
  return (p) => {
    onProgress?.(p);
    if (COLLECT_AFTER.has(p.phase)) collect();
  };
}

/**
 * AUTOML_MEM_TRACE=1: the main thread's phases on stderr with a wall-clock stamp, the process's
 * RSS and this thread's V8 heap and ArrayBuffers (MB), beside the fold threads' AUTOML_FOLD_TRACE
 * lines (tests/bench/memoryTrace.ts merges both with the RSS it samples): where a run's memory goes.
 */
const memTrace =
  process.env.AUTOML_MEM_TRACE === "1"
    ? (what: string) => {
        const m = process.memoryUsage();
        const mb = (b: number) => Math.round(b / 1e6);
        process.stderr.write(
          `[mem-trace] ${(Date.now() / 1000).toFixed(3)} main rss ${mb(m.rss)} heap ${mb(m.heapUsed)} ab ${mb(m.arrayBuffers)} ${what}\n`,
        );
      }
    : null;

/** `onProgress` that also writes each report as a memory trace line (AUTOML_MEM_TRACE=1). */
function tracedProgress(
  onProgress: ((p: Progress) => void) | undefined,
): ((p: Progress) => void) | undefined {
  if (!memTrace) return onProgress;
  return (p) => {
    memTrace(`${p.phase} ${p.done}/${p.total}${p.message ? ` ${p.message}` : ""}`);
    onProgress?.(p);
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
    "tune",
    "threads",
  ]);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const options = readOptions(parsed.values, { models: [...MODEL_IDS], metrics: Object.keys(METRICS) });
  if (typeof options === "string") {
    io.err(options);
    return UNREADABLE;
  }
  const { settings } = options;
  // Read straight into shared memory when threads will share the table: never two copies of it.
  const table = await readTableFile(parsed.file, { ...parsed.options, shared: options.threads > 1 }, io);
  if (typeof table === "number") return table;
  memTrace?.("read");
  // The engine (and through the registry tfjs) loads only now, after the file is read: loaded
  // first, tfjs's start-up raised malloc's mmap threshold, and the reader's freed buffers stayed
  // in the process (300k rows: ~70 MB more resident after planning the run).
  const { makeRunService } = await import("../core/automl/run/runService.ts");
  const { makeMemoryRunStore } = await import("../core/automl/run/memoryRunStore.ts");
  if (settings.models.includes("mlp")) await prepareTfjs();
  // A big table on threads: full collections on cue (see fullCollection); the flag must be set
  // before the threads start for them to get `gc` too.
  const cells = table.frame.rows * table.frame.columns.length;
  const collect = options.threads > 1 && cells >= COLLECT_CELLS ? fullCollection() : null;
  const pool = options.threads > 1 ? makeFoldPool(table.frame, options.threads) : null;
  // The pool moved the table into shared memory: its first copy is garbage from here on.
  collect?.();
  memTrace?.("pool started");
  // The run service, as in the app: here the run lives in memory and its folds on threads.
  const service = makeRunService({
    store: makeMemoryRunStore(),
    open: async () => ({ frame: table.frame, runFold: pool?.runFold }),
    charts: false,
    // Without --out nothing uses the best model's refit on every training row: it is skipped.
    pipeline: options.out !== undefined,
    // Nothing here reads the models' predictions once the leaderboard has their scores.
    predictions: false,
  });
  let outcome: Awaited<ReturnType<typeof service.start>>;
  try {
    outcome = await service.start(
      { projectId: "cli", datasetId: parsed.file, settings },
      { onProgress: tracedProgress(afterEachFold(parsed.json ? undefined : terminalProgress(), collect)) },
    );
  } finally {
    await pool?.close();
  }
  // The threads are gone; what this thread still references of their work (the last fit's help
  // offers and its shared memory, the results' messages) goes before the model file is made.
  collect?.now();
  memTrace?.("run done");
  const result = outcome.result;
  if (!result) {
    if ((outcome.error as Error | null)?.name !== "ValidationError") throw outcome.error;
    io.err((outcome.error as Error).message);
    return UNREADABLE;
  }
  if (!result.best) {
    const why = result.entries.find((e) => e.error)?.error;
    io.err(`No model could be trained${why ? `: ${why}` : "."}`);
    return 1;
  }
  if (options.out && result.pipeline) {
    try {
      // The model file with its card (inputs, ranges, scores and how they were measured), as the app exports.
      const entry = result.entries.find((e) => e.model === result.pipeline?.model_id);
      const { modelFileOfRun } = await import("../core/deploy/modelFileOfRun.ts");
      const { appVersion } = await import("./export.ts");
      const file = await modelFileOfRun({
        frame: table.frame,
        plan: result.plan,
        pipeline: result.pipeline,
        entry,
        appVersion: await appVersion(),
      });
      memTrace?.("model file made");
      await writeFile(options.out, JSON.stringify(file));
      memTrace?.("model file written");
    } catch (err) {
      io.err(`Cannot write "${options.out}" (${(err as { code?: string }).code ?? (err as Error).message}).`);
      return UNREADABLE;
    }
  }
  io.out(parsed.json ? JSON.stringify(toJson(result), null, 2) : toText(result, options.out));
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
      ...(e.tuning ? { tuning: tuningJson(e) } : {}),
      ...(e.error ? { error: e.error } : {}),
    })),
    best: result.best?.model ?? null,
  };
}

/**
 * A tuned entry's search in `--json`: candidates, trials, inner scores (mean over the folds) of
 * each fold's best trial, of the candidates the folds chose and of the defaults, how many folds
 * kept their defaults by the margin rule, the params of the refit.
 */
function tuningJson(e: LeaderboardEntry) {
  const t = e.tuning!;
  return {
    candidates: t.candidates.length,
    trials: t.trials.length,
    best_inner: bestTrialScore(t, e.metric),
    chosen_inner: t.best_score,
    default_inner: t.default_score,
    folds_kept_defaults: foldsKeepingDefaults(t, e.metric),
    params: t.candidates[t.final],
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
  const tuned = result.entries.filter((e) => e.tuning);
  if (tuned.length > 0) {
    lines.push(
      "",
      `Tuned (nested: each fold searched its own training rows; inner ${label}, best trial vs defaults):`,
    );
    for (const e of tuned) {
      const t = e.tuning!;
      const kept = foldsKeepingDefaults(t, e.metric);
      const keptText =
        kept > 0 ? ` (${kept} of ${t.chosen.length} folds kept the defaults: not clearly better)` : "";
      lines.push(
        `  ${e.model}: ${t.candidates.length} candidates, ${t.trials.length} trials, ${fmt(bestTrialScore(t, e.metric))} vs ${fmt(t.default_score)}${keptText}`,
      );
    }
  }
  lines.push("", `Best: ${result.best!.model} (${result.best!.label}).`);
  if (out) lines.push(`Saved it as a model file to ${out}; use "automl-playground predict ${out} FILE".`);
  return lines.join("\n");
}
