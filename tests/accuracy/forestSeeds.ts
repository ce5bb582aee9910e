/**
 * `npx tsx tests/accuracy/forestSeeds.ts [--seeds N] [--model extra_trees] [--params JSON] [--folds-out DIR] [dataset ...]`:
 * one model's cross-validated score over N model seeds (default 20) on the app's own folds (the
 * ladder's plan with seed 0, 5 folds, no test part, as `run.ts`), to tell a seed's luck from the
 * model's quality. Seed s gives fold i the seed `foldSeed(s, model, i)`, so s = 0 is the ladder's
 * own fit. `--folds-out DIR` writes each dataset's plan as DIR/<dataset>.json (the shape
 * `run.ts --dump` writes), which `forestSeeds.py` reads to score scikit-learn's forest over as
 * many random states on the same folds. `--params` overrides the model's defaults (e.g.
 * `'{"n_estimators":300}'`). Not part of any test.
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { foldJobs, foldSeed } from "../../src/core/automl/ladder/foldJob.ts";
import { planLadder } from "../../src/core/automl/ladder/ladderPlan.ts";
import { runFoldJob } from "../../src/core/automl/ladder/runFoldJob.ts";
import { readCsv } from "../../src/core/data/readCsv.ts";
import type { MetricId } from "../../src/core/framing/metrics.ts";
import type { ModelId } from "../../src/core/models/registry.ts";

const DIR = process.env.AUTOML_DATASETS ?? "/work/shared/datasets";

/** The shared datasets with their targets and metrics, as in `run.ts`. */
const DATASETS: { file: string; target: string; metric: MetricId }[] = [
  { file: "iris", target: "target", metric: "accuracy" },
  { file: "wine", target: "target", metric: "accuracy" },
  { file: "breast_cancer", target: "target", metric: "roc_auc" },
  { file: "diabetes", target: "target", metric: "r2" },
  { file: "penguins", target: "species", metric: "accuracy" },
  { file: "credit_data", target: "Status", metric: "roc_auc" },
  { file: "churn", target: "churn", metric: "roc_auc" },
  { file: "concrete", target: "compressive_strength", metric: "r2" },
  { file: "ames", target: "Sale_Price", metric: "r2" },
  { file: "sacramento", target: "price", metric: "r2" },
  { file: "seattle-weather", target: "weather", metric: "accuracy" },
];

const args = process.argv.slice(2);
const flagValue = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const seeds = Number(flagValue("--seeds") ?? 20);
const model = (flagValue("--model") ?? "extra_trees") as ModelId;
const foldsOut = flagValue("--folds-out");
const params = JSON.parse(flagValue("--params") ?? "{}");
const flagged = new Set(
  ["--seeds", "--model", "--params", "--folds-out"].map((f) => args.indexOf(f)).filter((i) => i >= 0),
);
const wanted = args.filter((a, i) => !a.startsWith("--") && !flagged.has(i - 1));
const chosen = wanted.length ? DATASETS.filter((d) => wanted.includes(d.file)) : DATASETS;
if (foldsOut) mkdirSync(foldsOut, { recursive: true });

for (const d of chosen) {
  const path = join(DIR, `${d.file}.csv`);
  const info = await stat(path);
  const { frame } = await readCsv(createReadStream(path), { totalBytes: info.size });
  const plan = planLadder(frame, { target: d.target, metric: d.metric, folds: 5, testSize: 0, seed: 0 });
  if (foldsOut) {
    const plain = (_: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v);
    const { recipe: _recipe, ...rest } = plan;
    writeFileSync(join(foldsOut, `${d.file}.json`), JSON.stringify({ plan: rest }, plain));
  }
  if (seeds === 0) continue; // --seeds 0: the plans only
  const jobs = foldJobs(plan, model, params, { final: false });
  const means: number[] = [];
  const t0 = process.cpuUsage();
  for (let s = 0; s < seeds; s++) {
    let sum = 0;
    for (const job of jobs)
      sum += (await runFoldJob(frame, { ...job, seed: foldSeed(s, model, job.fold), trainScore: false }))
        .score;
    means.push(sum / jobs.length);
  }
  const cpu = process.cpuUsage(t0);
  const mean = means.reduce((a, b) => a + b, 0) / means.length;
  const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, means.length - 1));
  console.log(
    `${d.file} ours ${model} mean ${mean.toFixed(4)} sd ${sd.toFixed(4)} min ${Math.min(...means).toFixed(4)} max ${Math.max(...means).toFixed(4)} seed0 ${means[0].toFixed(4)} (${seeds} seeds, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`,
  );
  console.log(`  per seed ${means.map((m) => m.toFixed(4)).join(" ")}`);
}
