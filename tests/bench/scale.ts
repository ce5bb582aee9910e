/**
 * Section "scale" (issue 16, goal 6): time and peak memory at 10,000, 100,000 and 1,000,000 rows
 * for ingest, profile, recipe, gradient boosting (3-fold CV) and the default ladder, ours beside a
 * Python peer run in the same bench, alternately (ours, then the peer, stage by stage), so that
 * machine load hits both sides alike. Every measurement is its own process under /usr/bin/time,
 * whose peak RSS (the largest resident set of one process, worker threads included) is the first
 * memory figure; the second is the peak of what the command's processes hold together, shared
 * pages once, sampled every 0.1 s (scaleMemory.ts; summed PSS and private in the notes): our
 * command line runs in a child node that its waiting parent started, which time's figure leaves
 * out and summed RSS would count twice (the shared binary).
 * Peers (all offline): pandas read_csv (C engine) for ingest; pandas describe / nunique /
 * value_counts / corr for the profile; scikit-learn's ColumnTransformer (median impute + scale,
 * one-hot) for the recipe; HistGradientBoostingClassifier in cross_val_score for gbdt (same
 * iterations, leaves, bins, early stopping rule; OMP_NUM_THREADS = our threads); for "gbdt-out"
 * (`train --out`: the same CV, then the model refitted on every row and written to a file), the
 * same cross_val_score, then fit on every row and pickle.dump to a file; for the ladder,
 * the same models as ours in scikit-learn under our protocol (20% test part, 5-fold CV, refit).
 *
 * Options: --sizes=10000,100000,1000000 (default all three), --stages=ingest,profile,recipe,gbdt,
 * gbdt-out,ladder (default all), --ladder-sizes= (default all three; the rows where the ladder runs),
 * --threads=2, --peer-cap=SECONDS (stop the ladder's peer after this long and report what it finished,
 * as lower bounds), --markdown (print the README's block: a line of date, commit and load, the table,
 * and notes; otherwise the long table with the work each side does).
 * gbdt and the ladder run with `--tune off`: train's default quick search is a cost of its own.
 */
import { execFileSync } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LADDER_ORDER } from "../../src/core/automl/ladder/ladderOrder.ts";
import { MODEL_CATALOGUE } from "../../src/core/models/catalogue.ts";
import { scaleCsv } from "./scaleData.ts";
import { type MemoryPeaks, peaksText } from "./scaleMemory.ts";
import { parseTime, timed } from "./scaleProcess.ts";
import type { BenchRow } from "./table.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here("../../");
const PYTHON = "/usr/bin/python3";

/** The default ladder for the scale table's binary target: LADDER_ORDER less the regression-only models. */
const FULL_LADDER = LADDER_ORDER.filter((id) =>
  MODEL_CATALOGUE.find((m) => m.id === id)?.tasks.includes("binary"),
);
/**
 * Above this many rows the ladder stage trains a stated subset on both sides: kNN's cost grows
 * with training x validation rows, and 100 unpruned trees (random forest, extra trees) or the
 * neural net's epochs over 800,000 rows take hours on two cores, for us and for scikit-learn.
 */
const FULL_LADDER_MAX_ROWS = 100_000;
/** The subset: the models whose cost grows about as rows x log(rows). */
const LARGE_LADDER = ["baseline", "logistic", "naive_bayes", "decision_tree", "gbdt"];

/** The models the ladder stage trains at `rows` (both sides), and whether that is the whole default ladder. */
export function ladderSet(rows: number): { models: string[]; whole: boolean } {
  return rows <= FULL_LADDER_MAX_ROWS
    ? { models: [...FULL_LADDER], whole: true }
    : { models: LARGE_LADDER.filter((id) => FULL_LADDER.includes(id as never)), whole: false };
}

/** One process's figures: wall seconds of its stage, whole-process CPU seconds, peak RSS. */
interface Measured {
  seconds: number;
  cpu: number;
  peakBytes: number;
  /** Peaks of the memory summed over the command's processes (PSS, private), sampled. */
  memory?: MemoryPeaks;
  auc?: number;
  /** Ladder: per model, seconds and CV score (ours: fold-job seconds summed over threads). */
  models?: Record<string, { s: number; cv: number }>;
  error?: string;
  /** The peer was stopped at --peer-cap seconds: its figures are lower bounds, `models` those it finished. */
  capped?: boolean;
}

const FAILED: Measured = { seconds: Number.NaN, cpu: Number.NaN, peakBytes: Number.NaN };

const lastJson = (out: string) => JSON.parse(out.trim().split("\n").at(-1) ?? "{}");

interface JsonEntry {
  model: string;
  cv_mean: number;
  fit_seconds: number;
}

/** Where the "gbdt-out" stage writes its model file (ours) or pickle (the peer's), removed after. */
const modelPath = (who: string, ext: string) =>
  join(tmpdir(), `automl-scale-model-${process.pid}-${who}.${ext}`);

async function ours(stage: string, file: string, threads: number, models: string[]): Promise<Measured> {
  if (stage === "gbdt" || stage === "gbdt-out" || stage === "ladder") {
    // The whole command, reading the file included, as a user runs it.
    const gbdtArgs = ["--models", "gbdt", "--folds", "3", "--test-size", "0", "--ensemble", "no"];
    const modelFile = modelPath("ours", "json");
    const extra =
      stage === "gbdt"
        ? gbdtArgs
        : stage === "gbdt-out"
          ? // The CV above, then the refit on every row and the model file it writes.
            [...gbdtArgs, "--out", modelFile]
          : models.length === FULL_LADDER.length
            ? [] // train's own default: the whole ladder
            : ["--models", models.join(",")];
    const { out, time, memory } = await timed(
      process.execPath,
      [
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
        ...extra,
      ],
      { cwd: ROOT },
    ).finally(() => rmSync(modelFile, { force: true }));
    const t = parseTime(time);
    const board = JSON.parse(out) as { leaderboard: JsonEntry[] };
    const fitted = board.leaderboard.filter((e) => e.model !== "ensemble");
    const auc =
      stage !== "ladder"
        ? fitted.find((e) => e.model === "gbdt")?.cv_mean
        : Math.max(...fitted.map((e) => e.cv_mean).filter(Number.isFinite));
    const perModel = Object.fromEntries(
      board.leaderboard.map((e) => [e.model, { s: e.fit_seconds, cv: e.cv_mean }]),
    );
    return { seconds: t.wall, cpu: t.cpu, peakBytes: t.peakBytes, memory, auc, models: perModel };
  }
  const { out, time, memory } = await timed(
    process.execPath,
    ["--import", "tsx", here("./scaleChild.ts"), stage, file],
    {
      cwd: ROOT,
    },
  );
  const t = parseTime(time);
  return { seconds: lastJson(out).seconds, cpu: t.cpu, peakBytes: t.peakBytes, memory };
}

async function peer(
  stage: string,
  file: string,
  threads: number,
  models: string[],
  capSeconds?: number,
): Promise<Measured> {
  // Passive waiting: on a loaded machine OpenMP's spinning threads measured 5-15x slower here
  // (10,000 rows, 2 threads: 97 s active, 15 s passive, 8.7 s with one thread).
  const env = {
    OMP_NUM_THREADS: String(threads),
    OPENBLAS_NUM_THREADS: String(threads),
    OMP_WAIT_POLICY: "passive",
  };
  const modelFile = modelPath("peer", "pickle");
  const args = [
    here("./peers/scale.py"),
    stage,
    file,
    String(threads),
    ...(stage === "ladder" ? [models.join(",")] : []),
    ...(stage === "gbdt-out" ? [modelFile] : []),
  ];
  const { out, time, capped, memory } = await timed(PYTHON, args, {
    cwd: ROOT,
    env,
    progress: stage === "ladder" ? "peer" : undefined,
    capSeconds,
  }).finally(() => rmSync(modelFile, { force: true }));
  if (capped) {
    // The ladder script prints "MODEL {s, cv, test}" on stderr as each model ends.
    const done = Object.fromEntries(
      capped.lines
        .map((l) => /^(\w+) (\{.*\})$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], JSON.parse(m[2]) as { s: number; cv: number }]),
    );
    const cvs = Object.values(done).map((v) => v.cv);
    return {
      seconds: capped.wall,
      cpu: capped.cpu,
      peakBytes: capped.peakBytes,
      memory,
      auc: cvs.length > 0 ? Math.max(...cvs) : undefined,
      models: done,
      capped: true,
    };
  }
  const t = parseTime(time);
  const j = lastJson(out);
  // gbdt and ladder: the whole script (read_csv included) as ours is the whole command.
  const whole = stage === "gbdt" || stage === "gbdt-out" || stage === "ladder";
  return {
    seconds: whole ? t.wall : j.seconds,
    cpu: t.cpu,
    peakBytes: t.peakBytes,
    memory,
    auc: j.auc,
    models: j.models,
  };
}

const PEER: Record<string, string> = {
  ingest: "pandas read_csv",
  profile: "pandas describe+nunique+value_counts+corr",
  recipe: "sklearn ColumnTransformer fit_transform",
  gbdt: "sklearn HistGradientBoosting, cross_val_score",
  "gbdt-out": "sklearn HistGradientBoosting, cross_val_score, then fit on every row and pickle.dump",
  ladder: "the same models in sklearn: 20% test part, 5-fold CV, refit (no ensemble)",
};

const OURS: Record<string, string> = {
  ingest: "readCsv -> Frame",
  profile: "profileFrame (target label)",
  recipe: "propose + fit + matrix by row blocks",
  gbdt: "train --models gbdt --folds 3",
  "gbdt-out": "train --models gbdt --folds 3 --out MODEL.json",
  ladder: "train (5 folds, test 0.2, ensemble)",
};

/** One measured row: a stage at a size, both sides, and the 1-minute load seen while it ran. */
interface ScaleRow {
  stage: string;
  rows: number;
  fileBytes: number;
  a: Measured;
  b: Measured;
  load: { min: number; max: number };
  models: string[];
  whole: boolean;
}

const mb = (b: number) => (b / 1e6).toLocaleString("en", { maximumFractionDigits: 0 });
const s = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}x`;
const loadText = (l: { min: number; max: number }) =>
  l.min.toFixed(0) === l.max.toFixed(0) ? l.min.toFixed(0) : `${l.min.toFixed(0)}-${l.max.toFixed(0)}`;

function stageLabel(r: ScaleRow): string {
  if (r.stage === "gbdt") return "gbdt, 3-fold CV";
  if (r.stage === "gbdt-out") return "gbdt, CV + model (--out)";
  if (r.stage !== "ladder") return r.stage;
  return r.whole
    ? `default ladder (${r.models.length} models)`
    : `ladder, ${r.models.length} of ${FULL_LADDER.length} models`;
}

function notesOf(r: ScaleRow, threads: number): string[] {
  const notes: string[] = [];
  if (r.a.auc !== undefined && r.b.auc !== undefined)
    notes.push(
      `${r.stage === "ladder" ? "best CV" : "CV"} AUC ours ${r.a.auc.toFixed(4)}, peer ${r.b.auc.toFixed(4)}`,
    );
  if (r.stage === "gbdt" || r.stage === "gbdt-out" || r.stage === "ladder") notes.push(`${threads} threads`);
  if (r.a.memory) notes.push(`ours ${peaksText(r.a.memory)}`);
  if (r.b.memory) notes.push(`peer ${peaksText(r.b.memory)}`);
  if (r.b.capped) notes.push(`peer stopped at the cap (${s(r.b.seconds)} s): lower bounds`);
  if (r.a.error) notes.push(`ours failed: ${r.a.error.slice(-300).replace(/\s+/g, " ")}`);
  if (r.b.error) notes.push(`peer failed: ${r.b.error.slice(-300).replace(/\s+/g, " ")}`);
  return notes;
}

/** What the memory cells hold, for the caption above either table. */
const MEMORY_CAPTION =
  "Peak MB cells: `/usr/bin/time`'s max RSS of the largest process / the peak of what all the " +
  "command's processes hold together (their anonymous pages plus one copy of the binary and " +
  "libraries, sampled every 0.1 s; ours: the child node the command line re-runs itself in with " +
  "one malloc arena and a 4 MiB mmap threshold, plus its waiting parent; the peer: one python process). The notes add " +
  "the summed PSS and private memory (sampled every 0.5 s). Memory ratio and peak / file use " +
  "time's max RSS. MB = 10^6 bytes.";

/** The README's columns (one line per stage and size). */
const README_HEAD = [
  "| stage | rows | ours s | peer s | time ratio | CPU s ours / peer | ours peak MB | peer peak MB | memory ratio | ours peak / file | load |",
  "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
];

/** The measured cells both tables share, from ours and the peer's seconds to the load. */
function measuredCells(r: ScaleRow): string[] {
  const { a, b } = r;
  // A capped peer's figures are lower bounds, so ours over them are upper bounds.
  const over = b.capped ? ">" : "";
  const under = b.capped ? "<" : "";
  const held = (m: Measured) => (m.memory && m.memory.samples > 0 ? ` / ${mb(m.memory.held)}` : "");
  return [
    s(a.seconds),
    `${over}${s(b.seconds)}`,
    `${under}${ratio(a.seconds, b.seconds)}`,
    `${s(a.cpu)} / ${over}${s(b.cpu)}`,
    `${mb(a.peakBytes)}${held(a)}`,
    `${over}${mb(b.peakBytes)}${held(b)}`,
    `${under}${ratio(a.peakBytes, b.peakBytes)}`,
    `${(a.peakBytes / r.fileBytes).toFixed(1)}x`,
    loadText(r.load),
  ];
}

function readmeLine(r: ScaleRow): string {
  return `| ${[stageLabel(r), r.rows.toLocaleString("en"), ...measuredCells(r)].join(" | ")} |`;
}

function detailLine(r: ScaleRow, threads: number): string {
  return `| ${[
    `${stageLabel(r)}: ${OURS[r.stage]} vs ${PEER[r.stage]}`,
    r.rows.toLocaleString("en"),
    (r.fileBytes / 1e6).toFixed(1),
    ...measuredCells(r),
    notesOf(r, threads).join("; "),
  ].join(" | ")} |`;
}

/** The ladder's per-model line: ours fold-job seconds (summed over folds and refit) / the peer's wall seconds (CV and refit), and both CV AUCs. */
function ladderModelsNote(r: ScaleRow): string {
  const parts = r.models.map((id) => {
    const x = r.a.models?.[id];
    const y = r.b.models?.[id];
    const t = (v?: { s: number }) => (v ? s(v.s) : "-");
    const c = (v?: { cv: number }) => (v && Number.isFinite(v.cv) ? v.cv.toFixed(4) : "-");
    return `${id} ${t(x)} / ${t(y)} s (AUC ${c(x)} / ${c(y)})`;
  });
  const ens = r.a.models?.ensemble;
  if (ens) parts.push(`ensemble (ours only) AUC ${ens.cv.toFixed(4)}`);
  const cap = r.b.capped ? ` (the peer stopped at its cap of ${s(r.b.seconds)} s; "-": not reached)` : "";
  return `ladder at ${r.rows.toLocaleString("en")} rows, ours / peer${cap}: ${parts.join(", ")}`;
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

const clock = (d: Date) => d.toISOString().slice(11, 16);

/** Runs the section; prints the table (the README's block with --markdown) and returns the rows. */
export async function benchScale(argv: string[] = []): Promise<BenchRow[]> {
  const opt = (name: string, fallback: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const sizes = opt("sizes", "10000,100000,1000000").split(",").map(Number);
  const ladderSizes = opt("ladder-sizes", "10000,100000,1000000").split(",").map(Number);
  const threads = Number(opt("threads", "2"));
  const peerCap = opt("peer-cap", "") === "" ? undefined : Number(opt("peer-cap", ""));
  const stages = opt("stages", "ingest,profile,recipe,gbdt,gbdt-out,ladder").split(",");
  const markdown = argv.includes("--markdown");
  const started = new Date();
  // Other sessions may commit while a long run goes on: the header names HEAD at both ends.
  const startCommit = git(["rev-parse", "--short", "HEAD"]);
  const startLoad = loadavg()[0];
  console.error(`scale: from ${clock(started)} UTC at commit ${startCommit}, load ${startLoad.toFixed(1)}`);
  // The 1-minute load, sampled while each row runs (wall times on a shared machine follow it).
  let window = { min: startLoad, max: startLoad };
  const all = { min: startLoad, max: startLoad };
  const sample = setInterval(() => {
    const l = loadavg()[0];
    window = { min: Math.min(window.min, l), max: Math.max(window.max, l) };
    all.min = Math.min(all.min, l);
    all.max = Math.max(all.max, l);
  }, 10_000);
  sample.unref();
  const rows: ScaleRow[] = [];
  for (const n of sizes) {
    const file = await scaleCsv(n);
    const fileBytes = statSync(file).size;
    for (const stage of stages) {
      if (stage === "ladder" && !ladderSizes.includes(n)) continue;
      const { models, whole } = ladderSet(n);
      const l0 = loadavg()[0];
      window = { min: l0, max: l0 };
      const a = await ours(stage, file, threads, models).catch((err: Error) => ({
        ...FAILED,
        error: err.message,
      }));
      // Our side as soon as it is measured: a long peer (the 1M ladder) may be cut short.
      console.error(
        `  ours, ${stage} at ${n.toLocaleString("en")} rows: ${s(a.seconds)} s, CPU ${s(a.cpu)} s, peak ${mb(a.peakBytes)} MB` +
          `${a.auc !== undefined ? `, AUC ${a.auc.toFixed(4)}` : ""} (${clock(new Date())} UTC, load ${loadavg()[0].toFixed(1)})`,
      );
      const b = await peer(stage, file, threads, models, stage === "ladder" ? peerCap : undefined).catch(
        (err: Error) => ({
          ...FAILED,
          error: err.message,
        }),
      );
      const l1 = loadavg()[0];
      const load = { min: Math.min(window.min, l1), max: Math.max(window.max, l1) };
      const row: ScaleRow = { stage, rows: n, fileBytes, a, b, load, models, whole };
      rows.push(row);
      // Each row as soon as it is measured, so that a long run cut short keeps what it has.
      console.error(markdown ? readmeLine(row) : detailLine(row, threads));
    }
  }
  clearInterval(sample);
  const ended = new Date();
  const endLoad = loadavg()[0];
  all.min = Math.min(all.min, endLoad);
  all.max = Math.max(all.max, endLoad);
  const endCommit = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--short", "--untracked-files=no"]).split("\n").filter(Boolean).length;
  const minutes = ((ended.getTime() - started.getTime()) / 60_000).toFixed(0);
  const header =
    `Measured ${started.toISOString().slice(0, 10)} ${clock(started)}-${clock(ended)} UTC (${minutes} min) at commit ` +
    `${startCommit === endCommit ? startCommit : `${startCommit} at the start, ${endCommit} at the end`}${dirty > 0 ? ` (${dirty} tracked files modified in the working tree)` : ""}, ` +
    `node ${process.version}, ${threads} threads where threads apply; load average (1 min) ` +
    `${startLoad.toFixed(1)} at the start, ${endLoad.toFixed(1)} at the end, ${all.min.toFixed(1)}-${all.max.toFixed(1)} ` +
    `sampled every 10 s; \`npm run bench -- scale ${argv.filter((a) => a.startsWith("--")).join(" ")}\`.`;
  const notes = [
    ...rows
      .filter((r) => r.stage.startsWith("gbdt") && r.a.auc !== undefined && r.b.auc !== undefined)
      .map(
        (r) =>
          `${stageLabel(r)} at ${r.rows.toLocaleString("en")} rows: CV ROC AUC ours ${r.a.auc!.toFixed(4)}, peer ${r.b.auc!.toFixed(4)}`,
      ),
    ...rows.filter((r) => r.stage === "ladder").map(ladderModelsNote),
    ...rows.flatMap((r) =>
      [
        r.a.error && `ours failed at ${r.stage} ${r.rows}: ${r.a.error.slice(-300).replace(/\s+/g, " ")}`,
        r.b.error && `peer failed at ${r.stage} ${r.rows}: ${r.b.error.slice(-300).replace(/\s+/g, " ")}`,
      ].filter((x): x is string => Boolean(x)),
    ),
  ];
  if (markdown) {
    console.log(`\n${header} ${MEMORY_CAPTION}\n\n${[...README_HEAD, ...rows.map(readmeLine)].join("\n")}\n`);
    for (const n of notes) console.log(`- ${n}`);
    // The summed figures in full (the table shows only "held").
    for (const r of rows.filter((x) => x.a.memory || x.b.memory))
      console.log(
        `- memory, ${stageLabel(r)} at ${r.rows.toLocaleString("en")} rows: ` +
          `ours ${r.a.memory ? peaksText(r.a.memory) : "-"}; peer ${r.b.memory ? peaksText(r.b.memory) : "-"}`,
      );
  } else {
    console.log(`\n${header} ${MEMORY_CAPTION}\n`);
    console.log(
      "| stage: ours vs peer | rows | file MB | ours s | peer s | time ratio | CPU s ours / peer | ours peak MB | peer peak MB | memory ratio | ours peak / file | load | note |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const r of rows) console.log(detailLine(r, threads));
    for (const n of notes) console.log(`- ${n}`);
  }
  return rows.map((r) => ({
    measure: `${r.stage} ${r.rows}`,
    value: (r.a.seconds / r.b.seconds).toFixed(2),
    unit: "x time",
    note: `ours ${s(r.a.seconds)} s / ${mb(r.a.peakBytes)} MB (time's max RSS), peer ${s(r.b.seconds)} s / ${mb(r.b.peakBytes)} MB; ${notesOf(r, threads).join("; ")}`,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScale(process.argv.slice(2));
