/**
 * Section "gbdt" (issue 16, goal 1): our gradient boosting cross-validated beside scikit-learn's
 * HistGradientBoostingClassifier on the same rows and the same folds, same iterations (100, no
 * early stopping), leaves (31) and bins (255), with the same number of threads, measured in the
 * same run and taking turns (ours, then the peer) so that machine load hits both alike.
 *
 * Ours runs the folds on worker threads (a shared counter hands out folds, the data in shared
 * memory), as the app's fold pool does; a thread with no fold left helps the fits still running
 * build their histograms (histHelp.ts), unless --help=off. The peer runs `cross_val_score` with
 * OMP_NUM_THREADS threads inside each fit. Timed on both sides: the cross-validation only (data already in
 * memory, threads already started; each side copies its fold matrices inside the timing). CPU
 * seconds are the whole process's (every thread), from `process.cpuUsage` and `getrusage`.
 *
 * Options: --cases=20000x5,1000000x3 (rows x folds), --threads=1,2, --rounds=1, --help=on|off.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type GbdtData, gbdtData } from "./gbdtData.ts";
import { PEER_PYTHON } from "./peer.ts";
import type { BenchRow } from "./table.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Wall and CPU seconds of one cross-validation, and its mean ROC AUC over the folds. */
interface Measured {
  seconds: number;
  cpu: number;
  auc: number;
}

type FromThread =
  | { type: "ready" | "idle" }
  | { type: "done"; aucs: Record<number, number> }
  | { type: "offer"; id: string; offer: unknown }
  | { type: "withdraw"; id: string };

async function ours(d: GbdtData, threads: number, help: boolean): Promise<Measured> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const helpers = help ? threads - 1 : 0;
  const shared = { X: d.X, y: d.y, fold: d.fold, rows: d.rows, cols: d.cols, folds: d.folds, next, helpers };
  const workers = Array.from(
    { length: threads },
    () => new Worker(here("./gbdtFoldThread.mjs"), { workerData: shared }),
  );
  try {
    // Open offers of help by id (a running fit's), and the threads waiting for one.
    const offers = new Map<string, unknown>();
    const idle: Worker[] = [];
    const hand = () => {
      while (idle.length > 0 && offers.size > 0) {
        const [id, offer] = offers.entries().next().value!;
        offers.delete(id);
        idle.shift()!.postMessage({ type: "help", offer });
      }
    };
    let ready = 0;
    let started: () => void = () => {};
    const allReady = new Promise<void>((resolve) => {
      started = resolve;
    });
    const aucs: number[] = [];
    let finished = 0;
    let finish: () => void = () => {};
    const allDone = new Promise<void>((resolve, reject) => {
      finish = resolve;
      for (const w of workers) w.once("error", reject);
    });
    for (const w of workers) {
      w.on("message", (m: FromThread) => {
        if (m.type === "ready") {
          if (++ready === threads) started();
        } else if (m.type === "done") {
          aucs.push(...Object.values(m.aucs));
          if (++finished === threads) finish();
        } else if (m.type === "offer") {
          offers.set(m.id, m.offer);
          hand();
        } else if (m.type === "withdraw") {
          offers.delete(m.id);
        } else {
          idle.push(w);
          hand();
        }
      });
    }
    await allReady;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const w of workers) w.postMessage("go");
    await allDone;
    const seconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0);
    const auc = aucs.reduce((a, b) => a + b, 0) / aucs.length;
    return { seconds, cpu: (used.user + used.system) / 1e6, auc };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function peer(d: GbdtData, threads: number): Measured | undefined {
  const run = spawnSync(
    PEER_PYTHON,
    [here("./peers/gbdt.py"), d.paths.X, d.paths.y, d.paths.folds, String(d.rows), String(d.cols)],
    {
      encoding: "utf8",
      // Passive waiting, as the scale bench: spinning OpenMP threads measured far slower here
      // on a loaded machine.
      env: { ...process.env, OMP_NUM_THREADS: String(threads), OMP_WAIT_POLICY: "passive" },
    },
  );
  if (run.status !== 0) {
    console.warn(
      `peer unavailable (${PEER_PYTHON}): ${(run.stderr || String(run.error)).trim().slice(-300)}`,
    );
    return undefined;
  }
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Measured;
}

const load = () => loadavg()[0].toFixed(1);

export async function benchGbdt(argv: string[] = []): Promise<BenchRow[]> {
  const opt = (name: string, fallback: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const cases = opt("cases", "20000x5,1000000x3")
    .split(",")
    .map((c) => c.split("x").map(Number) as [number, number]);
  const threadList = opt("threads", "1,2").split(",").map(Number);
  const rounds = Number(opt("rounds", "1"));
  const help = opt("help", "on") !== "off";
  const rows: BenchRow[] = [];
  for (const [n, k] of cases) {
    const d = gbdtData(n, k);
    for (const threads of threadList) {
      for (let round = 0; round < rounds; round++) {
        const loadBefore = load();
        const a = await ours(d, threads, help);
        const b = peer(d, threads);
        const label = `${n.toLocaleString("en")} x ${d.cols}, ${k}-fold, ${threads} thread${threads > 1 ? "s" : ""}`;
        const f = (v: number) => v.toFixed(2);
        const note = b
          ? `ours ${f(a.seconds)} s wall / ${f(a.cpu)} s CPU, peer ${f(b.seconds)} s / ${f(b.cpu)} s; CPU ratio ${(a.cpu / b.cpu).toFixed(2)}x; AUC ours ${a.auc.toFixed(4)}, peer ${b.auc.toFixed(4)}; load ${loadBefore}-${load()}`
          : `ours ${f(a.seconds)} s wall / ${f(a.cpu)} s CPU, AUC ${a.auc.toFixed(4)}; no peer; load ${loadBefore}-${load()}`;
        console.error(`${label}: ${note}`);
        rows.push({
          measure: label,
          value: b ? (a.seconds / b.seconds).toFixed(2) : f(a.seconds),
          unit: b ? "x wall" : "s",
          note,
        });
      }
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchGbdt(process.argv.slice(2));
