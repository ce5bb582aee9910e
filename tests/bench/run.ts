/**
 * `npm run bench [-- section ...] [-- --rows=N]`: runs every benchmark section (or the named ones)
 * and prints one table per section. A section is a file exporting an async function that returns
 * rows; add it to SECTIONS below.
 */
import { benchBoundary } from "./boundary.ts";
import { benchCsvRead } from "./csvRead.ts";
import { benchExtraTrees } from "./extraTrees.ts";
import { benchGbdt } from "./gbdt.ts";
import { benchHtmlPredictor } from "./htmlPredictor.ts";
import { benchKnn } from "./knn.ts";
import { benchLadder } from "./ladder.ts";
import { benchLadderWhole } from "./ladderWhole.ts";
import { benchLogistic } from "./logistic.ts";
import { benchMlp } from "./mlp.ts";
import { benchMonitor } from "./monitor.ts";
import { benchOnnx } from "./onnx.ts";
import { benchPool } from "./pool.ts";
import { benchPredict } from "./predict.ts";
import { benchProfile } from "./profile.ts";
import { benchRecipe } from "./recipe.ts";
import { benchScale } from "./scale.ts";
import { benchShare } from "./share.ts";
import { type BenchRow, printTable, recordRows } from "./table.ts";
import { benchTreeShap } from "./treeShap.ts";
import { benchTuneRows } from "./tune.ts";

interface Section {
  name: string;
  title: string;
  run(opts: { rows?: number }): Promise<BenchRow[]>;
}

const SECTIONS: Section[] = [
  {
    name: "boundary",
    title:
      "Decision-boundary playground: one update (fit on two columns, 100 x 100 grid, two scores) per model, 1,000 and 5,000 rows, one thread",
    run: () => benchBoundary(),
  },
  {
    name: "csv",
    title: "CSV reading: seeded 1,000,000 x 20 file (numbers, categories, boolean, date, id, missing)",
    run: ({ rows }) => benchCsvRead(rows),
  },
  {
    name: "profile",
    title: "Profile (EDA statistics, correlations, alerts): seeded 1,000,000 x 20 frame",
    run: async () => recordRows(await benchProfile()),
  },
  {
    name: "recipe",
    title: "Default recipe: propose, fit and apply on a seeded 1,000,000-row frame",
    run: async () => recordRows(await benchRecipe()),
  },
  {
    name: "gbdt",
    title:
      "Gradient boosting CV beside scikit-learn's HistGradientBoostingClassifier: same rows, folds, 100 iterations, 31 leaves, 255 bins, threads (--cases=20000x5,1000000x3 --threads=1,2)",
    run: () => benchGbdt(process.argv.slice(2)),
  },
  {
    name: "knn",
    title: "k-nearest neighbours: KD-tree vs brute force, fit 8,000 + predict 2,000 rows, k = 5, one thread",
    run: () => benchKnn(),
  },
  {
    name: "logistic",
    title:
      "Logistic regression: one ladder fold of the lending_club- and wa_churn-like tables, beside scikit-learn's LogisticRegression, one thread",
    run: () => benchLogistic(),
  },
  {
    name: "mlp",
    title:
      "Neural net: per epoch (WASM SIMD kernels, their JS twins, tfjs WASM) and whole fit with early stopping, beside scikit-learn's MLPClassifier, 10,000 and 100,000 rows",
    run: () => benchMlp(),
  },
  {
    name: "extratrees",
    title:
      "Extra trees, random forest, decision tree: CPU ms per tree beside scikit-learn 1.2's, 10,000 x 20, one thread",
    run: () => benchExtraTrees(),
  },
  {
    name: "onnx",
    title:
      "ONNX export: the bench GBDT scored on 100,000 rows by ONNX Runtime (onnxruntime-web WASM, one thread) vs the app's predict, same run",
    run: ({ rows }) => benchOnnx(rows),
  },
  {
    name: "predict",
    title:
      "Scoring 1,000,000 x 20 rows with gradient boosting: `predict` in Node vs the app's predictor worker",
    run: ({ rows }) => benchPredict(rows),
  },
  {
    name: "monitor",
    title:
      "Monitoring: a 1,000,000-row batch against a 1,000,000-row reference (sketches, drift tests, metric, CBPE)",
    run: ({ rows }) => benchMonitor(rows),
  },
  {
    name: "pool",
    title: "Fold pool cancel: a long gradient boosting fold aborted on a worker thread, then the next job",
    run: async () => recordRows(await benchPool()),
  },
  {
    name: "html-predictor",
    title:
      "Scoring 1,000,000 x 20 rows with gradient boosting in the single-file HTML predictor (file://) vs `predict` in Node",
    run: ({ rows }) => benchHtmlPredictor(rows),
  },
  {
    name: "ladder",
    title:
      "Default ladder beside scikit-learn 1.2, per model: lending_club- and wa_churn-like tables, 5 folds + test part, one thread each",
    run: () => benchLadder(),
  },
  {
    name: "ladder-whole",
    title:
      "The whole default ladder charged part by part (models' folds, refit and trials, ensemble, recipe steps, app extras), one thread, beside the same rungs in scikit-learn (--tables=ames,10k,wa_churn,lending_club --tune=off,quick --cli)",
    run: () => benchLadderWhole(process.argv.slice(2)),
  },
  {
    name: "treeshap",
    title: "Exact TreeSHAP: rows explained per second by a 500-tree gradient boosting model, one thread",
    run: async () => recordRows(await benchTreeShap()),
  },
  {
    name: "tune",
    title:
      "Tuning time per budget: the default ladder on 10,000 synthetic rows, untuned and quick, one thread",
    run: () => benchTuneRows(),
  },
  {
    name: "share",
    title: "Shared experiment links: each bundled sample packed into a link (gzip, base64url), and read back",
    run: () => benchShare(),
  },
  {
    name: "scale",
    title:
      "Growth at 10k, 100k and 1M rows: ingest, profile, recipe, gbdt 3-fold CV, gbdt CV + model (--out), default ladder, beside Python peers (--sizes=, --ladder-sizes=, --stages=, --threads=)",
    run: () => benchScale(process.argv.slice(2)),
  },
  {
    name: "browser-memory",
    title:
      "The browser tab's memory (renderer RSS, page and workers) while the built app loads the scale CSV and trains gbdt, 3 folds, no test part (AUTOML_DIST=dist-X, --rows=N, default 1,000,000; --workers=N fold workers; --port=N)",
    run: async () => (await import("./browserMemory.ts")).benchBrowserMemory(process.argv.slice(2)),
  },
];

const args = process.argv.slice(2);
const rowsArg = args.find((a) => a.startsWith("--rows="));
const rows = rowsArg ? Number(rowsArg.slice("--rows=".length)) : undefined;
const wanted = args.filter((a) => !a.startsWith("--"));
const chosen = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS;
if (chosen.length === 0) {
  console.error(
    `No such bench section: ${wanted.join(", ")}. Sections: ${SECTIONS.map((s) => s.name).join(", ")}.`,
  );
  process.exit(2);
}
const t0 = performance.now();
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
for (const section of chosen) printTable(section.title, await section.run({ rows }));
console.log(`\nbench took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
