/**
 * Tuning time per budget: the default ladder (5-fold CV plus the default test part, one thread,
 * fold jobs in-process) on the seeded 10,000-row table of the ladder bench, untuned and with each
 * tuning budget, beside each other: wall time and this process's CPU time (steadier on a shared
 * machine: the run is one thread), their ratios to the untuned run, the best model and
 * its score, and each tuned model's seconds. `thorough` (the neural net searched too) runs only
 * when named: `npx tsx tests/bench/tune.ts [off,quick,thorough]`.
 */
import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { runLadder } from "../../src/core/automl/ladder/runLadder.ts";
import { modelTrials, type TuneBudget } from "../../src/core/automl/tune/tuning.ts";
import { ladderTable } from "./ladder.ts";
import type { BenchRow } from "./table.ts";

const DEFAULT_BUDGETS: TuneBudget[] = ["off", "quick"];

/** One row per budget: seconds, ratio to off, best model and score, and the slowest models. */
export async function benchTune(
  budgets: TuneBudget[] = DEFAULT_BUDGETS,
): Promise<Record<string, string | number>[]> {
  tf.enableProdMode();
  await tf.setBackend("wasm");
  const frame = ladderTable();
  const rows: Record<string, string | number>[] = [];
  let untuned = Number.NaN;
  let untunedCpu = Number.NaN;
  for (const budget of budgets) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await runLadder(frame, {
      target: "label",
      folds: 5,
      seed: 0,
      tune: (m) => modelTrials(budget, m),
    });
    const seconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(c0);
    const cpu = (used.user + used.system) / 1e6;
    if (budget === "off") {
      untuned = seconds;
      untunedCpu = cpu;
    }
    const slow = [...result.entries]
      .sort((a, b) => b.fit_seconds - a.fit_seconds)
      .slice(0, 4)
      .map((e) => `${e.model} ${e.fit_seconds.toFixed(0)} s`)
      .join(", ");
    rows.push({
      budget: String(budget),
      rows: frame.rows,
      seconds: Number(seconds.toFixed(1)),
      vs_untuned: Number.isFinite(untuned) ? `${(seconds / untuned).toFixed(2)}x` : "-",
      cpu_seconds: Number(cpu.toFixed(1)),
      cpu_vs_untuned: Number.isFinite(untunedCpu) ? `${(cpu / untunedCpu).toFixed(2)}x` : "-",
      best: result.best?.model ?? "-",
      best_cv: Number((result.best?.cv_mean ?? Number.NaN).toFixed(4)),
      tuned_models: result.entries.filter((e) => e.tuning).length,
      trials: result.entries.reduce((n, e) => n + (e.tuning?.trials.length ?? 0), 0),
      slowest: slow,
    });
  }
  return rows;
}

/** The rows as the bench table prints them: one per budget, seconds with the ratio and best model as the note. */
export async function benchTuneRows(budgets?: TuneBudget[]): Promise<BenchRow[]> {
  return (await benchTune(budgets)).map((r) => ({
    measure: `tune ${r.budget}`,
    value: String(r.seconds),
    unit: "s",
    note: `${r.vs_untuned} of untuned (CPU ${r.cpu_seconds} s, ${r.cpu_vs_untuned}); ${r.tuned_models} models tuned, ${r.trials} trials; best ${r.best} ${r.best_cv}; ${r.slowest}`,
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const named = process.argv[2]?.split(",") as TuneBudget[] | undefined;
  const rows = await benchTune(
    named?.map((b) => (/^\d+$/.test(String(b)) ? Number(b) : b)) ?? DEFAULT_BUDGETS,
  );
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  for (const r of rows) console.log(JSON.stringify(r));
}
