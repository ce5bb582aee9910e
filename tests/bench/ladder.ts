/**
 * The whole default ladder on a seeded 10,000-row synthetic table (numeric columns with missing
 * values, a low- and a high-cardinality category, a boolean; binary target), 5-fold CV plus the
 * default test part, one thread (fold jobs run in-process, one at a time). Reports the total
 * and each model's seconds of work, then the same ladder on the command line's pool of worker
 * threads (one per core, at most 8): its wall time, the speedup, and whether the leaderboard is
 * the same. Run alone with `npx tsx tests/bench/ladder.ts`.
 */
import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { defaultThreads, makeFoldPool } from "../../src/cli/foldPool.ts";
import { runLadder } from "../../src/core/automl/ladder/runLadder.ts";
import type { Column, Frame } from "../../src/core/data/frame.ts";
import { makeRng } from "../../src/core/random.ts";

const ROWS = 10_000;

function floatCol(name: string, values: Float64Array, kind: Column["kind"] = "numeric"): Column {
  const missing = values.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0);
  const unique = new Set(Array.from(values).filter((v) => !Number.isNaN(v))).size;
  return { name, kind, role: "feature", data: { type: "float", values }, missing, unique };
}

function dictCol(name: string, codes: Int32Array, levels: string[]): Column {
  const missing = codes.reduce((n, c) => n + (c < 0 ? 1 : 0), 0);
  return {
    name,
    kind: "categorical",
    role: "feature",
    data: { type: "dict", codes, levels },
    missing,
    unique: levels.length,
  };
}

/** Seeded mixed table; the label depends on two numbers, their interaction, a category and the boolean. */
export function ladderTable(rows = ROWS, seed = 42): Frame {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const num = Array.from({ length: 6 }, () => new Float64Array(rows));
  const plan = Int32Array.from({ length: rows }, () => rng.int(5));
  const city = Int32Array.from({ length: rows }, () => (rng.next() < 0.03 ? -1 : rng.int(40)));
  const member = new Float64Array(rows);
  const label = new Int32Array(rows);
  const cityEffect = Array.from({ length: 40 }, () => normal() * 0.8);
  for (let i = 0; i < rows; i++) {
    for (const col of num) col[i] = normal();
    member[i] = rng.next() < 0.4 ? 1 : 0;
    const z =
      1.2 * num[0][i] -
      0.8 * num[1][i] +
      0.9 * num[0][i] * num[2][i] +
      0.5 * (plan[i] - 2) +
      (city[i] >= 0 ? cityEffect[city[i]] : 0) +
      0.7 * member[i] +
      normal();
    label[i] = z > 0.3 ? 1 : 0;
    if (rng.next() < 0.05) num[3][i] = Number.NaN;
    if (rng.next() < 0.1) num[4][i] = Number.NaN;
  }
  return {
    rows,
    columns: [
      ...num.map((v, j) => floatCol(`x${j}`, v)),
      dictCol("plan", plan, ["basic", "plus", "pro", "team", "enterprise"]),
      dictCol(
        "city",
        city,
        Array.from({ length: 40 }, (_, c) => `city${c}`),
      ),
      floatCol("member", member, "boolean"),
      dictCol("label", label, ["no", "yes"]),
    ],
  };
}

/** Total and per-model seconds of the default ladder on the 10,000-row table. */
export async function benchLadder(): Promise<Record<string, string | number>> {
  tf.enableProdMode();
  // The app picks the fastest measured backend; in Node that is WASM (about 3x the CPU backend).
  await tf.setBackend("wasm");
  const frame = ladderTable();
  const t0 = performance.now();
  const result = await runLadder(frame, { target: "label", folds: 5, seed: 0 });
  const total = (performance.now() - t0) / 1000;
  const out: Record<string, string | number> = {
    rows: frame.rows,
    folds: 5,
    metric: result.plan.metric,
    best: result.best?.model ?? "-",
    mlp_backend: tf.getBackend(),
    total_seconds: Number(total.toFixed(1)),
  };
  for (const e of result.entries) {
    out[`${e.model}_seconds`] = Number(e.fit_seconds.toFixed(1));
    out[`${e.model}_cv`] = Number(e.cv_mean.toFixed(4));
  }
  const threads = defaultThreads();
  const pool = makeFoldPool(frame, threads);
  const t1 = performance.now();
  const pooled = await runLadder(frame, {
    target: "label",
    folds: 5,
    seed: 0,
    runFold: pool.runFold,
  }).finally(() => pool.close());
  const pooledTotal = (performance.now() - t1) / 1000;
  const scores = (r: typeof result) => JSON.stringify(r.entries.map((e) => [e.model, e.fold_scores]));
  out.pool_threads = threads;
  out.pool_total_seconds = Number(pooledTotal.toFixed(1));
  out.pool_speedup = `${(total / pooledTotal).toFixed(2)}x`;
  out.pool_same_leaderboard = scores(pooled) === scores(result) ? "yes" : "NO";
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchLadder();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${v}`);
}
