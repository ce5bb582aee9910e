/**
 * Section "scale" (issue 16, goal 6): time and peak memory at 10,000, 100,000 and 1,000,000 rows
 * for ingest, profile, recipe, gradient boosting (3-fold CV) and the default ladder, ours beside a
 * Python peer run in the same bench, alternately (ours, then the peer, stage by stage), so that
 * machine load hits both sides alike. Every measurement is its own process under /usr/bin/time,
 * whose peak RSS (the largest resident set of the process, worker threads included) is the memory
 * figure. Peers (all offline): pandas read_csv (C engine) for ingest; pandas describe / nunique /
 * value_counts / corr for the profile; scikit-learn's ColumnTransformer (median impute + scale,
 * one-hot) for the recipe; HistGradientBoostingClassifier in cross_val_score for gbdt (same
 * iterations, leaves, bins, early stopping rule; OMP_NUM_THREADS = our threads); ten scikit-learn
 * models with 5-fold CV for the ladder (no refit, no ensemble: less work than ours).
 *
 * Options: --sizes=10000,100000,1000000 (default all three), --ladder-sizes=10000 (default; the
 * default ladder at 1,000,000 rows takes far too long on two cores), --threads=2, --stages=.
 * gbdt and the ladder run with `--tune off`: train's default quick search is a cost of its own.
 */
import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scaleCsv } from "./scaleData.ts";
import type { BenchRow } from "./table.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here("../../");
const PYTHON = "/usr/bin/python3";

/** One process's figures: wall seconds of its stage, whole-process CPU seconds, peak RSS. */
interface Measured {
  seconds: number;
  cpu: number;
  peakBytes: number;
  auc?: number;
  error?: string;
}

function timed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ out: string; time: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      "/usr/bin/time",
      ["-f", "TIME %e %U %S %M", cmd, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1 << 26 },
      (err, stdout, stderr) => {
        const time = stderr.split("\n").find((l) => l.startsWith("TIME ")) ?? "";
        if (err) reject(new Error(`${cmd} ${args.join(" ")} failed: ${stderr.slice(-2000) || err.message}`));
        else resolve({ out: stdout, time });
      },
    );
  });
}

function parseTime(line: string): { wall: number; cpu: number; peakBytes: number } {
  const [, wall, user, sys, kb] = line.split(" ");
  return { wall: Number(wall), cpu: Number(user) + Number(sys), peakBytes: Number(kb) * 1024 };
}

const lastJson = (out: string) => JSON.parse(out.trim().split("\n").at(-1) ?? "{}");

async function ours(stage: string, file: string, threads: number): Promise<Measured> {
  if (stage === "gbdt" || stage === "ladder") {
    // The whole command, reading the file included, as a user runs it.
    const models =
      stage === "gbdt" ? ["--models", "gbdt", "--folds", "3", "--test-size", "0", "--ensemble", "no"] : [];
    const { out, time } = await timed(process.execPath, [
      "bin/automl-playground.mjs",
      "train",
      file,
      "--target",
      "label",
      "--metric",
      "roc_auc",
      "--threads",
      String(threads),
      "--json",
      // Tuning (train's default is a quick search) is its own cost: the table measures the ladder.
      "--tune",
      "off",
      ...models,
    ]);
    const t = parseTime(time);
    const board = JSON.parse(out) as { leaderboard: { model: string; cv_mean: number }[] };
    const gbdt = board.leaderboard.find((e) => e.model === "gbdt");
    return { seconds: t.wall, cpu: t.cpu, peakBytes: t.peakBytes, auc: gbdt?.cv_mean };
  }
  const { out, time } = await timed(process.execPath, [
    "--import",
    "tsx",
    here("./scaleChild.ts"),
    stage,
    file,
  ]);
  const t = parseTime(time);
  return { seconds: lastJson(out).seconds, cpu: t.cpu, peakBytes: t.peakBytes };
}

async function peer(stage: string, file: string, threads: number): Promise<Measured> {
  // Passive waiting: on a loaded machine OpenMP's spinning threads measured 5-15x slower here
  // (10,000 rows, 2 threads: 97 s active, 15 s passive, 8.7 s with one thread).
  const env = {
    OMP_NUM_THREADS: String(threads),
    OPENBLAS_NUM_THREADS: String(threads),
    OMP_WAIT_POLICY: "passive",
  };
  const { out, time } = await timed(PYTHON, [here("./peers/scale.py"), stage, file, String(threads)], env);
  const t = parseTime(time);
  const j = lastJson(out);
  // gbdt and ladder: the whole script (read_csv included) as ours is the whole command.
  const whole = stage === "gbdt" || stage === "ladder";
  return { seconds: whole ? t.wall : j.seconds, cpu: t.cpu, peakBytes: t.peakBytes, auc: j.auc };
}

const PEER: Record<string, string> = {
  ingest: "pandas read_csv",
  profile: "pandas describe+nunique+value_counts+corr",
  recipe: "sklearn ColumnTransformer fit_transform",
  gbdt: "sklearn HistGradientBoosting, cross_val_score",
  ladder: "10 sklearn models, 5-fold CV each",
};

const OURS: Record<string, string> = {
  ingest: "readCsv -> Frame",
  profile: "profileFrame (target label)",
  recipe: "propose + fit + matrix by row blocks",
  gbdt: "train --models gbdt --folds 3",
  ladder: "train (default ladder, 5 folds, test 0.2)",
};

const mb = (b: number) => (b / 1e6).toFixed(0);
const s = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

/** Runs the section; prints a Markdown table (for the README) and returns the same rows. */
export async function benchScale(argv: string[] = []): Promise<BenchRow[]> {
  const opt = (name: string, fallback: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const sizes = opt("sizes", "10000,100000,1000000").split(",").map(Number);
  const ladderSizes = opt("ladder-sizes", "10000").split(",").map(Number);
  const threads = Number(opt("threads", "2"));
  const stages = opt("stages", "ingest,profile,recipe,gbdt,ladder").split(",");
  const lines = [
    "| stage | rows | file MB | ours s | peer s | time ratio | CPU s ours / peer | ours peak MB | peer peak MB | memory ratio | ours peak / file | note |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const file = await scaleCsv(n);
    const size = statSync(file).size;
    for (const stage of stages) {
      if (stage === "ladder" && !ladderSizes.includes(n)) continue;
      let a: Measured;
      let b: Measured;
      try {
        a = await ours(stage, file, threads);
      } catch (err) {
        a = { seconds: Number.NaN, cpu: Number.NaN, peakBytes: Number.NaN, error: (err as Error).message };
      }
      try {
        b = await peer(stage, file, threads);
      } catch (err) {
        b = { seconds: Number.NaN, cpu: Number.NaN, peakBytes: Number.NaN, error: (err as Error).message };
      }
      const notes: string[] = [];
      if (a.auc !== undefined && b.auc !== undefined)
        notes.push(`AUC ours ${a.auc.toFixed(4)}, peer ${b.auc.toFixed(4)}`);
      if (stage === "gbdt" || stage === "ladder") notes.push(`${threads} threads`);
      if (a.error) notes.push(`ours failed: ${a.error.slice(-300).replace(/\s+/g, " ")}`);
      if (b.error) notes.push(`peer failed: ${b.error.slice(-300).replace(/\s+/g, " ")}`);
      const line = [
        `${stage}: ${OURS[stage]} vs ${PEER[stage]}`,
        n.toLocaleString("en"),
        (size / 1e6).toFixed(1),
        s(a.seconds),
        s(b.seconds),
        `${(a.seconds / b.seconds).toFixed(2)}x`,
        `${s(a.cpu)} / ${s(b.cpu)}`,
        mb(a.peakBytes),
        mb(b.peakBytes),
        `${(a.peakBytes / b.peakBytes).toFixed(2)}x`,
        `${(a.peakBytes / size).toFixed(1)}x`,
        notes.join("; "),
      ];
      lines.push(`| ${line.join(" | ")} |`);
      console.error(lines.at(-1));
      rows.push({
        measure: `${stage} ${n}`,
        value: (a.seconds / b.seconds).toFixed(2),
        unit: "x time",
        note: `ours ${s(a.seconds)} s / ${mb(a.peakBytes)} MB, peer ${s(b.seconds)} s / ${mb(b.peakBytes)} MB; ${notes.join("; ")}`,
      });
    }
  }
  console.log(`\nScale table (Markdown), ${threads} threads where threads apply:\n`);
  console.log(lines.join("\n"));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScale(process.argv.slice(2));
