/**
 * `npx tsx tests/accuracy/run.ts [--sklearn-folds] [--tune N] [--models a,b] [--detail] [--dump DIR] [dataset ...]`:
 * the default ladder
 * (every model and the ensemble, tuned with the default budget (quick), or off / quick / thorough / N
 * candidates per model; 5-fold CV, no test part, seed 0; the app's own stratified folds, or with
 * --sklearn-folds the reference's KFold folds) on the real datasets in /work/shared/datasets, against reference scores from
 * scikit-learn 1.2 / XGBoost 1.7 on the same files (5-fold CV, shuffled, seed 0, median
 * imputation + one-hot encoding, default-ish settings; see that folder's README). A dataset
 * passes when the best cross-validated score is at least the reference minus 0.005 (accuracy,
 * ROC AUC) or 0.01 (R²); it beats the reference when it is above it. Tuned scores are nested
 * (each fold searched its own training rows), so they compare honestly with the reference's.
 * `--models` runs only those models (and their ensemble); `--detail` prints each model's fold
 * scores and, when tuned, each fold's chosen candidate with its inner score beside the defaults'.
 * Not part of `npm test`: it takes several minutes.
 */
import { createReadStream, writeFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { defaultThreads, makeFoldPool } from "../../src/cli/foldPool.ts";
import { prepareTfjs } from "../../src/cli/tfjsBackend.ts";
import type { LeaderboardEntry } from "../../src/core/automl/ladder/leaderboard.ts";
import { runLadder } from "../../src/core/automl/ladder/runLadder.ts";
import {
  DEFAULT_TUNE,
  modelTrials,
  QUICK_SKIPS,
  type TuneBudget,
} from "../../src/core/automl/tune/tuning.ts";
import { readCsv } from "../../src/core/data/readCsv.ts";
import type { MetricId } from "../../src/core/framing/metrics.ts";

const DIR = process.env.AUTOML_DATASETS ?? "/work/shared/datasets";

interface Reference {
  file: string;
  target: string;
  metric: MetricId;
  score: number;
  model: string;
}

/** From /work/shared/datasets/README.md. */
const REFERENCES: Reference[] = [
  { file: "iris", target: "target", metric: "accuracy", score: 0.96, model: "logistic regression" },
  { file: "wine", target: "target", metric: "accuracy", score: 0.989, model: "extra trees" },
  { file: "breast_cancer", target: "target", metric: "roc_auc", score: 0.995, model: "logistic regression" },
  { file: "diabetes", target: "target", metric: "r2", score: 0.497, model: "ridge" },
  { file: "penguins", target: "species", metric: "accuracy", score: 0.991, model: "logistic regression" },
  { file: "credit_data", target: "Status", metric: "roc_auc", score: 0.831, model: "MLP" },
  { file: "churn", target: "churn", metric: "roc_auc", score: 0.924, model: "hist gradient boosting" },
  { file: "concrete", target: "compressive_strength", metric: "r2", score: 0.936, model: "XGBoost" },
  { file: "ames", target: "Sale_Price", metric: "r2", score: 0.895, model: "hist gradient boosting" },
  { file: "sacramento", target: "price", metric: "r2", score: 0.699, model: "ridge" },
  { file: "seattle-weather", target: "weather", metric: "accuracy", score: 0.853, model: "random forest" },
];

/** One model's fold scores, its search's choices (inner scores: chosen vs defaults) or its blend. */
function describeEntry(e: LeaderboardEntry): string {
  const f4 = (x: number) => x.toFixed(4);
  let line = `  ${e.model.padEnd(14)} ${f4(e.cv_mean)} folds ${e.fold_scores.map(f4).join(" ")}`;
  const t = e.tuning;
  if (t) {
    line += ` | chose ${t.chosen.join(",")} (final ${t.final}) inner ${f4(t.best_score)} vs defaults ${f4(t.default_score)}`;
    line += ` | final ${JSON.stringify(t.candidates[t.final])}`;
  }
  if (e.ensemble)
    line += ` | ${e.ensemble.members.map((m, i) => `${m} ${e.ensemble!.weights[i].toFixed(2)}`).join(", ")}`;
  return line;
}

const tolerance = (metric: MetricId) => (metric === "r2" ? 0.01 : 0.005);

async function readFrame(path: string) {
  const info = await stat(path);
  return (await readCsv(createReadStream(path), { totalBytes: info.size })).frame;
}

const args = process.argv.slice(2);
// --sklearn-folds: the reference's own folds, scikit-learn's KFold(5, shuffle=True, random_state=0)
// (reproduced exactly, see numpyShuffle.ts), so each score is compared on the rows it was measured on.
const sklearnFolds = args.includes("--sklearn-folds");
const tuneAt = args.indexOf("--tune");
const tuneText = tuneAt >= 0 ? args[tuneAt + 1] : String(DEFAULT_TUNE);
const tune: TuneBudget = ["off", "quick", "thorough"].includes(tuneText)
  ? (tuneText as TuneBudget)
  : Number(tuneText);
if (typeof tune === "number" && !(Number.isInteger(tune) && tune >= 0)) {
  console.error(`--tune must be a whole number of candidates per model (got "${args[tuneAt + 1]}").`);
  process.exit(2);
}
const modelsAt = args.indexOf("--models");
const models = modelsAt >= 0 ? args[modelsAt + 1].split(",") : undefined;
const detail = args.includes("--detail");
// --dump DIR: each dataset's folds, entries and out-of-fold predictions as DIR/<dataset>.json, to
// study blends offline (the ensemble's input) without rerunning the ladder.
const dumpAt = args.indexOf("--dump");
const dumpDir = dumpAt >= 0 ? args[dumpAt + 1] : null;
const valueAt = new Set([tuneAt, modelsAt, dumpAt].filter((i) => i >= 0).map((i) => i + 1));
const wanted = args.filter((a, i) => !a.startsWith("--") && !valueAt.has(i));
const chosen = wanted.length ? REFERENCES.filter((r) => wanted.includes(r.file)) : REFERENCES;
if (chosen.length === 0) {
  console.error(
    `No such dataset: ${wanted.join(", ")}. Datasets: ${REFERENCES.map((r) => r.file).join(", ")}.`,
  );
  process.exit(2);
}
// As the command line: the neural net on tfjs' WASM backend (CPU where WebAssembly is missing).
const backend = await prepareTfjs();

const rows: string[][] = [
  ["dataset", "metric", "best model", "best cv", "reference", "pass", "better", "seconds", "runner-up"],
];
let passed = 0;
let better = 0;
for (const ref of chosen) {
  const t0 = performance.now();
  const frame = await readFrame(join(DIR, `${ref.file}.csv`));
  // Folds side by side on worker threads, as the command line trains; the numbers do not change.
  const pool = makeFoldPool(frame, defaultThreads());
  const result = await runLadder(frame, {
    target: ref.target,
    metric: ref.metric,
    folds: 5,
    testSize: 0,
    seed: 0,
    split: sklearnFolds ? { type: "kfold", shuffle: true, sklearn: true } : undefined,
    runFold: pool.runFold,
    models,
    tune: (model) => modelTrials(tune, model),
  }).finally(() => pool.close());
  const best = result.best;
  const score = best?.cv_mean ?? Number.NaN;
  const ok = score >= ref.score - tolerance(ref.metric);
  if (ok) passed++;
  const beats = score > ref.score;
  if (beats) better++;
  const second = result.leaderboard[1];
  rows.push([
    ref.file,
    ref.metric,
    best?.model ?? "-",
    score.toFixed(4),
    `${ref.score.toFixed(3)} (${ref.model})`,
    ok ? "yes" : "NO",
    beats ? "yes" : "no",
    ((performance.now() - t0) / 1000).toFixed(0),
    second ? `${second.model} ${second.cv_mean.toFixed(4)}` : "-",
  ]);
  if (detail) for (const e of result.entries) console.error(describeEntry(e));
  if (dumpDir) {
    const plain = (_: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v);
    const { recipe: _recipe, ...plan } = result.plan;
    const dump = { plan, entries: result.entries, predictions: result.predictions };
    writeFileSync(join(dumpDir, `${ref.file}.json`), JSON.stringify(dump, plain));
  }
  const failed = result.entries.filter((e) => e.error).map((e) => `${e.model}: ${e.error}`);
  console.error(
    `${ref.file}: ${result.leaderboard.map((e) => `${e.model} ${e.cv_mean.toFixed(4)} (${e.fit_seconds.toFixed(1)} s)`).join(", ")}${failed.length ? `; failed ${failed.join("; ")}` : ""}`,
  );
}
const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
for (const r of rows)
  console.log(
    r
      .map((cell, j) => cell.padEnd(widths[j]))
      .join("  ")
      .trimEnd(),
  );
console.log(
  `\nTuning: ${tune} (${modelTrials(tune, "gbdt")} candidates per model${tune === "quick" ? `, ${QUICK_SKIPS.join(" and ")} on their defaults` : ""}; nested successive halving). Folds: ${sklearnFolds ? "scikit-learn's KFold(5, shuffle=True, random_state=0), as the reference" : "the app's own (stratified for classes), seed 0"}; neural net on tfjs ${backend}.`,
);
console.log(
  `\n${passed} of ${chosen.length} at or above the reference (minus 0.005 for accuracy / ROC AUC, 0.01 for R²); ${better} of ${chosen.length} better than it.`,
);
