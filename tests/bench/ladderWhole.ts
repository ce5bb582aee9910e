/**
 * `npm run bench -- ladder-whole [--tables=ames,10k,wa_churn,lending_club] [--tune=off,quick] [--cli]`:
 * the whole default ladder on each table, charged part by part (ladderBreakdown.ts: each model's
 * folds, refit and trials, the ensemble, the recipe's steps, the app's evaluation extras), beside
 * the same rungs in scikit-learn (tests/bench/peers/ladder.py, one thread; XGBoost too where it is
 * installed). With --cli, also the command line itself (`train FILE --target T --tune X`, its own
 * default threads) timed by /usr/bin/time: wall, CPU (every thread), peak memory.
 * Ours and the peer's run one after the other in this command, so both see the same load.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { prepareTfjs } from "../../src/cli/tfjsBackend.ts";
import type { TuneBudget } from "../../src/core/automl/tune/tuning.ts";
import { frameToCsv } from "../../src/core/share/frameToCsv.ts";
import { ladderTable } from "./ladder.ts";
import { type Breakdown, breakdownRows, ladderBreakdown, readTable } from "./ladderBreakdown.ts";
import { PEER_PYTHON } from "./peer.ts";
import { lendingClubLike, waChurnLike } from "./peerTables.ts";
import { type BenchRow, printTable } from "./table.ts";

const AMES = "/work/shared/datasets/ames.csv";

/** A bench table: where its CSV is (written to `dir` when generated) and its target. */
function tableFile(name: string, dir: string): { file: string; target: string } {
  const write = (csv: string) => {
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, csv);
    return file;
  };
  if (name === "ames") return { file: process.env.AMES_CSV ?? AMES, target: "Sale_Price" };
  if (name === "10k") return { file: write(frameToCsv(ladderTable())), target: "label" };
  if (name === "wa_churn") return { file: write(waChurnLike().csv), target: "Churn" };
  if (name === "lending_club") return { file: write(lendingClubLike().csv), target: "Class" };
  throw new Error(`unknown table ${name}: ames, 10k, wa_churn, lending_club`);
}

interface PeerSide {
  seconds: number;
  cpu: number;
  cv: number;
}
interface PeerRun {
  models: Record<string, PeerSide>;
  xgboost: boolean;
  loop_seconds: number;
  loop_cpu: number;
  process_cpu: number;
  process_seconds: number;
}

/** The peer's rungs on the same CSV, one thread. */
function runPeerLadder(file: string, target: string, b: Breakdown): PeerRun | null {
  const script = new URL("./peers/ladder.py", import.meta.url).pathname;
  const run = spawnSync(PEER_PYTHON, [script, file, target, b.task, [...b.models.keys()].join(",")], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
  });
  if (run.status !== 0) {
    console.warn(
      `peer unavailable (${PEER_PYTHON}): ${(run.stderr || String(run.error)).trim().split("\n").pop()}`,
    );
    return null;
  }
  const lines = run.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as PeerRun;
}

/** The command line's `train` on the file, timed by /usr/bin/time: wall, CPU of every thread, peak RSS. */
function runCli(file: string, target: string, tune: TuneBudget): BenchRow {
  const bin = new URL("../../bin/automl-playground.mjs", import.meta.url).pathname;
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "TIME %e %U %S %M",
      process.execPath,
      bin,
      "train",
      file,
      "--target",
      target,
      "--tune",
      String(tune),
      "--json",
    ],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr ?? "");
  if (run.status !== 0 || !m)
    return { measure: "cli", value: "-", unit: "", note: `failed: ${run.stderr?.slice(-200)}` };
  const best = (JSON.parse(run.stdout) as { best?: { model: string } }).best?.model ?? "-";
  return {
    measure: "",
    value: Number(m[1]).toFixed(1),
    unit: "s",
    note: `CPU ${(Number(m[2]) + Number(m[3])).toFixed(1)} s (every thread), peak ${(Number(m[4]) / 1024).toFixed(0)} MB; best ${best}`,
  };
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/** Our breakdown beside the peer's per-model CPU, and the whole ladder's wall and CPU beside the peer's loop. */
function besidePeer(b: Breakdown, peer: PeerRun | null): BenchRow[] {
  const rows = breakdownRows(b);
  if (!peer) return rows;
  const shape = `${b.table} (tune ${b.tune})`;
  let ours = 0;
  let theirs = 0;
  for (const [id, m] of b.models) {
    const p = peer.models[id];
    const cpu = m.folds.cpu + m.refit.cpu + m.trials.cpu;
    if (!p) continue;
    ours += cpu;
    theirs += p.cpu;
    rows.push({
      measure: `${shape} ${id} vs peer`,
      value: ratio(cpu, p.cpu),
      unit: "CPU",
      note: `ours ${cpu.toFixed(2)} s, peer ${p.cpu.toFixed(2)} s CPU (wall ${p.seconds.toFixed(2)} s); ${b.metric} ${m.score.toFixed(4)}, peer ${p.cv.toFixed(4)}`,
    });
  }
  rows.push(
    {
      measure: `${shape} sum of models vs peer`,
      value: ratio(ours, theirs),
      unit: "CPU",
      note: `ours ${ours.toFixed(1)} s, peer ${theirs.toFixed(1)} s CPU`,
    },
    {
      measure: `${shape} whole ladder vs peer`,
      value: ratio(b.ladder.cpu, peer.loop_cpu),
      unit: "CPU",
      note: `ours ${b.ladder.cpu.toFixed(1)} s CPU / ${b.ladder.wall.toFixed(1)} s wall (one thread), peer ${peer.loop_cpu.toFixed(1)} s CPU / ${peer.loop_seconds.toFixed(1)} s wall (${ratio(b.ladder.wall, peer.loop_seconds)} wall); peer ${peer.xgboost ? "with" : "without"} XGBoost (${peer.xgboost ? "installed" : "not installed here"})`,
    },
  );
  return rows;
}

const listArg = (args: string[], name: string, fallback: string[]) =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(",") ?? fallback;

/**
 * The section: each table x budget, ours then (once per table) the peer, then (with --cli) the
 * command line. Each block is printed as soon as it is measured (a loaded machine takes minutes
 * per block); the returned rows are the load averages around the whole section.
 */
export async function benchLadderWhole(args: string[]): Promise<BenchRow[]> {
  const tables = listArg(args, "tables", ["ames", "10k"]);
  const budgets = listArg(args, "tune", ["off"]).map((t) =>
    /^\d+$/.test(t) ? Number(t) : t,
  ) as TuneBudget[];
  await prepareTfjs();
  const dir = mkdtempSync(join(tmpdir(), "ladder-whole-"));
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  const rows: BenchRow[] = [
    { measure: "load before", value: load(), unit: "", note: "1, 5, 15-minute load averages, 2 cores" },
  ];
  try {
    for (const name of tables) {
      const { file, target } = tableFile(name, dir);
      const frame = await readTable(file);
      let peer: PeerRun | null | undefined;
      for (const tune of budgets) {
        const before = load();
        const b = await ladderBreakdown(name, frame, target, tune);
        peer ??= runPeerLadder(file, target, b);
        const block = besidePeer(b, peer);
        if (args.includes("--cli"))
          block.push({ ...runCli(file, target, tune), measure: `${name} command line, tune ${tune}` });
        printTable(`${name}, tune ${tune} (load before ${before}, after ${load()})`, block);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({ measure: "load after", value: load(), unit: "", note: "" });
  return rows;
}
