/**
 * Where a `train` command's memory goes, phase by phase (issue 16, goal 2): runs the scale bench's
 * gbdt command (`train FILE --models gbdt --folds 3 --test-size 0 --tune off`, 2 threads, optionally
 * `--out`) under /usr/bin/time, samples the command's memory every 0.1 s, summed over the process
 * the bin starts and the child it re-executes itself in (scaleMemory.ts: "held", shared pages
 * once, every sample; PSS and private every 5th), and merges that with the main thread's phases
 * (AUTOML_MEM_TRACE=1, train.ts) and the fold threads' stages (AUTOML_FOLD_TRACE=1, foldThread.ts),
 * each line with the process's RSS and that thread's V8 heap and ArrayBuffers. Prints the timeline,
 * then time's max RSS (the largest process: the child), the peaks of the summed figures with each
 * process's part at the peak of "held" and at the largest PSS, wall and CPU seconds and the CV score, with the
 * load average. MB = 10^6 bytes everywhere (time's %M is KiB; before session 9 this script divided
 * it by 1000, 2.4% low).
 *
 * npx tsx tests/bench/memoryTrace.ts [--rows=1000000] [--out] [--threads=2] [--every=0.1]
 *   [--rollup-every=5] [--quiet] (only "held" changes of 10 MB or more and phase lines) [--summary] (no timeline)
 * The environment passes through, so AUTOML_MALLOC=..., MALLOC_*_ and AUTOML_CLI_BUNDLE=off apply.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scaleCsv } from "./scaleData.ts";
import { peaksText, sampleTree, type TreeMemory } from "./scaleMemory.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const opt = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main() {
  const rows = Number(opt("rows", "1000000"));
  const threads = opt("threads", "2");
  const every = Number(opt("every", "0.1")) * 1000;
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
  const samples: { t: number; m: TreeMemory }[] = [];
  const loads: number[] = [load0];
  // /usr/bin/time's descendants: the bin's process and the child it re-runs itself in.
  const sampler = sampleTree(child.pid!, every, Number(opt("rollup-every", "5")), (m, t) => {
    samples.push({ t, m });
    if (samples.length % 50 === 0) loads.push(loadavg()[0]);
  });
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const peaks = sampler.stop();
  loads.push(loadavg()[0]);
  rmSync(modelFile, { force: true });

  const rel = (t: number) => ((t - start) / 1000).toFixed(1).padStart(6);
  const mb = (b: number) => Math.round(b / 1e6);
  if (!flag("summary")) {
    const events = [
      ...samples.map((s) => ({
        t: s.t,
        text:
          `held ${mb(s.m.held)} rss ${mb(s.m.rss)}` +
          (s.m.pss !== undefined ? ` pss ${mb(s.m.pss)} private ${mb(s.m.private ?? 0)}` : "") +
          ` (${s.m.procs.length} proc)`,
        sample: mb(s.m.held),
      })),
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
  // Each process's part at the peak of "held" and at the largest PSS reading.
  const largest = (key: "held" | "pss") =>
    samples.reduce<TreeMemory | undefined>((best, s) => {
      const v = s.m[key];
      return v !== undefined && (!best || v > (best[key] ?? 0)) ? s.m : best;
    }, undefined);
  const partsOf = (m: TreeMemory | undefined) =>
    (m?.procs ?? [])
      .map(
        (p) =>
          `${p.name} ${p.pid}: anon ${mb(p.anon)}, file ${mb(p.file)}` +
          (p.pss !== undefined ? `, PSS ${mb(p.pss)}, private ${mb(p.private ?? 0)}` : ""),
      )
      .join("; ");
  let auc = "";
  try {
    auc = String(JSON.parse(stdout).leaderboard[0].cv_mean);
  } catch {
    auc = `(no JSON; exit ${code})`;
  }
  console.log(
    `\n${rows} rows, ${threads} threads${withOut ? ", --out" : ""}: time's max RSS ${mb(Number(maxKb) * 1024)} MB ` +
      `(largest process); ${peaksText(peaks)}, summed RSS ${mb(peaks.rss)}; ` +
      `at the peak of held: ${partsOf(largest("held"))}; at the PSS peak: ${partsOf(largest("pss"))}; ` +
      `wall ${wall} s, CPU ${user} + ${sys} s, cv ${auc}; ` +
      `load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; ` +
      `env ${Object.entries(process.env)
        .filter(([k]) => k.startsWith("MALLOC_") || k.startsWith("AUTOML_"))
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`,
  );
  process.exitCode = code;
}

await main();
