/**
 * Where the whole default ladder's time goes, on one table: the run as the command line runs it
 * (5 folds + the 20% test part, seed 0, the ensemble, the best model's pipeline), but in this
 * thread, one job at a time, so this process's CPU time can be charged to each part: each model's
 * fold jobs (and its tuning trials), the ensemble, the refit, and what the app adds after each
 * model (evaluation: curves, residuals, thresholds; insights). Each distinct recipe the models
 * train with is also fitted alone on fold 1's training rows, step by step (its trace), and applied
 * to fold 1's validation rows, to say what the recipe costs per job.
 * `npx tsx tests/bench/ladderBreakdown.ts FILE TARGET [--tune=off|quick] [--peer]`.
 */
import { createReadStream, statSync } from "node:fs";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { prepareTfjs } from "../../src/cli/tfjsBackend.ts";
import { FINAL_FOLD, type FoldJob, type FoldResult } from "../../src/core/automl/ladder/foldJob.ts";
import type { LadderProgress } from "../../src/core/automl/ladder/ladderProgress.ts";
import { matrixOf } from "../../src/core/automl/ladder/predictIn.ts";
import { runFoldJob } from "../../src/core/automl/ladder/runFoldJob.ts";
import { runLadder } from "../../src/core/automl/ladder/runLadder.ts";
import { modelParts } from "../../src/core/automl/run/runParts.ts";
import { modelTrials, type TuneBudget } from "../../src/core/automl/tune/tuning.ts";
import type { Frame } from "../../src/core/data/frame.ts";
import { readCsv } from "../../src/core/data/readCsv.ts";
import { getModel } from "../../src/core/models/registry.ts";
import { fitRecipe } from "../../src/core/pipeline/fitRecipe.ts";
import { recipeForModel } from "../../src/core/pipeline/recipeForModel.ts";
import { toMatrix } from "../../src/core/pipeline/toMatrix.ts";
import { takeFrameRows } from "../../src/core/prep/columns.ts";
import { ladderTable } from "./ladder.ts";
import type { BenchRow } from "./table.ts";

/** This process's CPU seconds (user + system) so far: every thread, but the run uses one. */
export const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Wall and CPU seconds of one part of the run. */
export interface Cost {
  wall: number;
  cpu: number;
}

const zero = (): Cost => ({ wall: 0, cpu: 0 });

/** Runs `f`, adding its wall and CPU seconds to `into`. */
async function timed<T>(into: Cost, f: () => T | Promise<T>): Promise<T> {
  const c0 = cpuSeconds();
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    into.wall += (performance.now() - t0) / 1000;
    into.cpu += cpuSeconds() - c0;
  }
}

/** What one breakdown run measured. */
export interface Breakdown {
  table: string;
  rows: number;
  columns: number;
  task: string;
  tune: TuneBudget;
  /** The whole `runLadder` call. */
  ladder: Cost;
  /** Seconds from the start to the first finished entry (the leaderboard's first row). */
  firstRow: number;
  /** Per model: its CV fold jobs, its refit for the test part, its tuning trials, jobs counted. */
  models: Map<string, { folds: Cost; refit: Cost; trials: Cost; jobs: number; score: number }>;
  /** The ensemble rung (greedy selection over out-of-fold predictions). */
  ensemble: Cost;
  /** Refits of the best model outside its fold jobs (none with a test part). */
  bestRefit: Cost;
  /** What the app's run service adds per model after the ladder hands it over (charts: true). */
  extras: Map<string, Cost>;
  /** Per distinct recipe (by the models that share it): per-step ms on fold 1, apply and matrix ms. */
  recipes: {
    models: string[];
    steps: { type: string; ms: number; cols: string }[];
    fitMs: number;
    applyMs: number;
    matrixMs: number;
  }[];
  best: string;
  metric: string;
}

/** Reads a CSV as the command line does. */
export async function readTable(file: string): Promise<Frame> {
  return (await readCsv(createReadStream(file), { totalBytes: statSync(file).size })).frame;
}

/** The whole default ladder on `frame`, in this thread, charged part by part. */
export async function ladderBreakdown(
  name: string,
  frame: Frame,
  target: string,
  tune: TuneBudget = "off",
): Promise<Breakdown> {
  const models: Breakdown["models"] = new Map();
  const modelOf = (id: string) => {
    let m = models.get(id);
    if (!m) {
      m = { folds: zero(), refit: zero(), trials: zero(), jobs: 0, score: Number.NaN };
      models.set(id, m);
    }
    return m;
  };
  const finals = new Map<string, FoldResult["pipeline"]>();
  // A job is a CV fold, the refit, or (tuned) a trial on inner rows (the refit's search runs
  // trials with fold FINAL_FOLD too), told apart by their training rows.
  let foldRows: Set<number> | null = null;
  let trainRows = -1;
  let queue: Promise<unknown> = Promise.resolve();
  const runFold = async (job: FoldJob, signal?: AbortSignal) => {
    const m = modelOf(job.model);
    m.jobs++;
    const n = job.train.length;
    const refit = job.fold === FINAL_FOLD && n === trainRows;
    const into = refit ? m.refit : job.fold !== FINAL_FOLD && foldRows?.has(n) ? m.folds : m.trials;
    // One job at a time, strictly: the ladder's gate for tuned jobs can let a second one start
    // while the first resolves, and two jobs interleaved would each be charged the other's CPU.
    const turn = queue.then(() => timed(into, () => runFoldJob(frame, job, { signal })));
    queue = turn.catch(() => undefined);
    const result = await turn;
    if (refit && result.pipeline) finals.set(job.model, result.pipeline);
    return result;
  };
  const ensemble = zero();
  const bestRefit = zero();
  let mark = { cpu: cpuSeconds(), wall: performance.now() };
  let firstRow = Number.NaN;
  const t0 = performance.now();
  const onProgress = (p: LadderProgress) => {
    if (p.phase === "model" && p.model === "ensemble") {
      ensemble.cpu += cpuSeconds() - mark.cpu;
      ensemble.wall += (performance.now() - mark.wall) / 1000;
    }
    if (p.phase === "refit" && p.done < p.total) mark = { cpu: cpuSeconds(), wall: performance.now() };
    if (p.phase === "refit" && p.done > 0) {
      bestRefit.cpu += cpuSeconds() - mark.cpu;
      bestRefit.wall += (performance.now() - mark.wall) / 1000;
    }
    if (p.phase === "model") {
      if (Number.isNaN(firstRow)) firstRow = (performance.now() - t0) / 1000;
      mark = { cpu: cpuSeconds(), wall: performance.now() };
    }
  };
  const ladder = zero();
  const result = await timed(ladder, async () => {
    const { planLadder } = await import("../../src/core/automl/ladder/ladderPlan.ts");
    const plan = planLadder(frame, { target, folds: 5, seed: 0 });
    foldRows = new Set(plan.folds.map((f) => f.train.length));
    trainRows = plan.train.length;
    return runLadder(frame, {
      target,
      folds: 5,
      seed: 0,
      tune: (m) => modelTrials(tune, m),
      runFold,
      concurrency: 1,
      onProgress,
    });
  });
  for (const e of result.entries) if (models.has(e.model)) modelOf(e.model).score = e.cv_mean;

  // The app keeps each model's evaluation and insights (runService with charts: true).
  const extras = new Map<string, Cost>();
  for (const e of result.entries) {
    const into = zero();
    await timed(into, () =>
      modelParts(
        e,
        result.predictions[e.model] ?? null,
        e.model === "ensemble" ? result.pipeline : finals.get(e.model),
        0,
        true,
      ),
    );
    extras.set(e.model, into);
  }

  // The recipe alone, step by step, for each distinct recipe the models train with.
  const plan = result.plan;
  const byRecipe = new Map<string, string[]>();
  for (const e of result.entries) {
    if (e.model === "ensemble") continue;
    const key = JSON.stringify(recipeForModel(plan.recipe, getModel(e.model)));
    byRecipe.set(key, [...(byRecipe.get(key) ?? []), e.model]);
  }
  const recipes: Breakdown["recipes"] = [];
  const [fold] = plan.folds;
  for (const ids of byRecipe.values()) {
    const recipe = recipeForModel(plan.recipe, getModel(ids[0]));
    let t = performance.now();
    const fit = fitRecipe(recipe, takeFrameRows(frame, fold.train), { target, task: plan.task, seed: 0 });
    toMatrix(fit.frame, { names: fit.fitted.features });
    const fitMs = performance.now() - t;
    const matrixMs = fitMs - fit.trace.reduce((s, st) => s + st.ms, 0);
    t = performance.now();
    matrixOf(fit.fitted, takeFrameRows(frame, fold.test));
    const applyMs = performance.now() - t;
    recipes.push({
      models: ids,
      steps: fit.trace.map((s) => ({
        type: s.type,
        ms: s.ms,
        cols: `${s.columnsBefore}->${s.columnsAfter}`,
      })),
      fitMs,
      applyMs,
      matrixMs,
    });
  }
  return {
    table: name,
    rows: frame.rows,
    columns: frame.columns.length,
    task: plan.task,
    tune,
    ladder,
    firstRow,
    models,
    ensemble,
    bestRefit,
    extras,
    recipes,
    best: result.best?.model ?? "-",
    metric: plan.metric,
  };
}

const s = (x: number) => x.toFixed(2);

/** The breakdown as bench rows: one per model, then the rungs around them, the recipes' steps. */
export function breakdownRows(b: Breakdown): BenchRow[] {
  const shape = `${b.table} (${b.rows.toLocaleString("en")} x ${b.columns - 1}, tune ${b.tune})`;
  const rows: BenchRow[] = [];
  let jobsCpu = 0;
  for (const [id, m] of b.models) {
    const cpu = m.folds.cpu + m.refit.cpu + m.trials.cpu;
    jobsCpu += cpu;
    const extra = b.extras.get(id);
    rows.push({
      measure: `${shape} ${id}`,
      value: s(cpu),
      unit: "s CPU",
      note: `${m.jobs} jobs: folds ${s(m.folds.cpu)}, refit ${s(m.refit.cpu)}${m.trials.cpu > 0 ? `, trials ${s(m.trials.cpu)}` : ""} s CPU (wall ${s(m.folds.wall + m.refit.wall + m.trials.wall)}); ${b.metric} ${m.score.toFixed(4)}; app extras ${s(extra?.cpu ?? 0)} s`,
    });
  }
  const extrasCpu = [...b.extras.values()].reduce((t, c) => t + c.cpu, 0);
  rows.push(
    {
      measure: `${shape} ensemble`,
      value: s(b.ensemble.cpu),
      unit: "s CPU",
      note: `greedy selection; wall ${s(b.ensemble.wall)}`,
    },
    { measure: `${shape} best refit`, value: s(b.bestRefit.cpu), unit: "s CPU", note: `best: ${b.best}` },
    {
      measure: `${shape} whole ladder`,
      value: s(b.ladder.cpu),
      unit: "s CPU",
      note: `wall ${s(b.ladder.wall)} s; fold jobs ${s(jobsCpu)} s CPU, the rest ${s(b.ladder.cpu - jobsCpu)}; first row at ${s(b.firstRow)} s; app extras (evaluation, insights) ${s(extrasCpu)} s CPU more`,
    },
  );
  for (const r of b.recipes) {
    const top = [...r.steps].sort((x, y) => y.ms - x.ms);
    rows.push({
      measure: `${shape} recipe of ${r.models.join(",")}`,
      value: r.fitMs.toFixed(0),
      unit: "ms/fold",
      note: `fit on fold 1 (${top.map((st) => `${st.type} ${st.ms.toFixed(0)} ${st.cols}`).join(", ")}; matrix ${r.matrixMs.toFixed(0)}); apply to its validation rows ${r.applyMs.toFixed(0)} ms`,
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, target] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const tune = (process.argv.find((a) => a.startsWith("--tune="))?.slice(7) ?? "off") as TuneBudget;
  await prepareTfjs();
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  // "ladder-table": the ladder bench's seeded mixed 10,000-row table (target "label").
  const frame = file === "ladder-table" ? ladderTable() : await readTable(file);
  const b = await ladderBreakdown(file, frame, target ?? "label", tune);
  for (const r of breakdownRows(b)) console.log(`${r.measure}\t${r.value} ${r.unit}\t${r.note ?? ""}`);
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}
