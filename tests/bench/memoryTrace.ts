/**
 * Where a `train` command's memory goes, phase by phase (issue 16, goal 2): runs the scale bench's
 * gbdt command (`train FILE --models gbdt --folds 3 --test-size 0 --tune off`, 2 threads, optionally
 * `--out`) under /usr/bin/time, samples the command's VmRSS from /proc every 0.5 s (the process
 * the bin starts and any child it re-executes), and merges that with the main thread's phases
 * (AUTOML_MEM_TRACE=1, train.ts) and the fold threads' stages (AUTOML_FOLD_TRACE=1, foldThread.ts),
 * each line with the process's RSS and that thread's V8 heap and ArrayBuffers. Prints the timeline,
 * then the peak (time's max RSS), wall and CPU seconds and the CV score, with the load average.
 *
 * npx tsx tests/bench/memoryTrace.ts [--rows=1000000] [--out] [--threads=2] [--every=0.5]
 *   [--quiet] (only RSS changes of 10 MB or more and phase lines) [--summary] (no timeline)
 * The environment passes through, so AUTOML_MALLOC=..., MALLOC_*_ and AUTOML_CLI_BUNDLE=off apply.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scaleCsv } from "./scaleData.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const opt = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const flag = (name: string) => process.argv.includes(`--${name}`);

/** Children of `pid` (from /proc's stat files), so that a re-executed command is followed too. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      // The process ended while being read.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** VmRSS of a process in MB, or 0 once it is gone. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1000) : 0;
  } catch {
    return 0;
  }
}

async function main() {
  const rows = Number(opt("rows", "1000000"));
  const threads = opt("threads", "2");
  const every = Number(opt("every", "0.5")) * 1000;
  const withOut = flag("out");
  const file = await scaleCsv(rows);
  const modelFile = join(tmpdir(), `automl-memtrace-${process.pid}.json`);
  const args = [
    ...["-f", "TIME %e %U %S %M", process.execPath, "bin/automl-playground.mjs", "train", file],
    ...["--target", "label", "--metric", "roc_auc", "--threads", threads, "--json", "--tune", "off"],
    ...["--models", "gbdt", "--folds", "3", "--test-size", "0", "--ensemble", "no"],
    ...(withOut ? ["--out", modelFile] : []),
  ];
  const load0 = loadavg()[0];
  const start = Date.now();
  const child = spawn("/usr/bin/time", args, {
    cwd: ROOT,
    env: { ...process.env, AUTOML_MEM_TRACE: "1", AUTOML_FOLD_TRACE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: { t: number; text: string }[] = [];
  let stdout = "";
  let timeLine = "";
  let errBuf = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    errBuf += d;
    const parts = errBuf.split("\n");
    errBuf = parts.pop() ?? "";
    for (const l of parts) {
      if (l.startsWith("TIME ")) timeLine = l;
      const m = /^\[(mem|fold)-trace\] (\d+\.\d+) (.*)$/.exec(l);
      if (m) lines.push({ t: Number(m[2]) * 1000, text: m[3] });
      else if (l.trim() !== "") lines.push({ t: Date.now(), text: `stderr: ${l}` });
    }
  });
  const samples: { t: number; rss: number }[] = [];
  const loads: number[] = [load0];
  const timer = setInterval(() => {
    const pids = descendants(child.pid!);
    // The command: the last node in the chain (a re-executed child, else the bin's own process).
    const rss = pids.length > 0 ? pids.map(rssMb).reduce((a, b) => a + b, 0) : 0;
    samples.push({ t: Date.now(), rss });
    if (samples.length % 20 === 0) loads.push(loadavg()[0]);
  }, every);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  clearInterval(timer);
  loads.push(loadavg()[0]);
  rmSync(modelFile, { force: true });

  const rel = (t: number) => ((t - start) / 1000).toFixed(1).padStart(6);
  if (!flag("summary")) {
    const events = [
      ...samples.map((s) => ({ t: s.t, text: `rss ${s.rss}`, sample: s.rss })),
      ...lines.map((l) => ({ ...l, sample: undefined })),
    ].sort((a, b) => a.t - b.t);
    let last = -1e9;
    for (const e of events) {
      if (e.sample !== undefined) {
        if (flag("quiet") && Math.abs(e.sample - last) < 10) continue;
        last = e.sample;
      }
      console.log(`${rel(e.t)}  ${e.text}`);
    }
  }
  const [, wall, user, sys, maxKb] = timeLine.split(" ");
  const peakSampled = Math.max(0, ...samples.map((s) => s.rss));
  let auc = "";
  try {
    auc = String(JSON.parse(stdout).leaderboard[0].cv_mean);
  } catch {
    auc = `(no JSON; exit ${code})`;
  }
  console.log(
    `\n${rows} rows, ${threads} threads${withOut ? ", --out" : ""}: peak ${Math.round(Number(maxKb) / 1000)} MB ` +
      `(sampled ${peakSampled}), wall ${wall} s, CPU ${user} + ${sys} s, cv ${auc}; ` +
      `load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; ` +
      `env ${Object.entries(process.env)
        .filter(([k]) => k.startsWith("MALLOC_") || k.startsWith("AUTOML_"))
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`,
  );
  process.exitCode = code;
}

await main();
