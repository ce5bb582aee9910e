/**
 * Section "browser-memory" (issue 16 goal 2, browser half): the tab's memory while the built app
 * loads the scale bench's N x 20 CSV and trains gradient boosting on it (3 folds, no test part,
 * tuning off, no ensemble: the CLI's `train ... --models gbdt --folds 3 --test-size 0 --tune off
 * --ensemble no`), in headless Chromium. Every 0.5 s it reads /proc for the browser's renderer
 * processes (the page and its dedicated workers, the data, train and fold workers, are threads of
 * the tab's renderer): resident memory (RSS, shared library pages included) and private memory
 * (what Chrome's task manager calls the footprint: pages no other process maps). Peaks are
 * reported per stage (loading the file, training), beside the file's size and the goal's 1.5 GB.
 *
 * Needs a built app: `AUTOML_DIST=dist-h5 npm run build`, then
 * `AUTOML_DIST=dist-h5 npm run bench -- browser-memory --rows=100000` (default 1,000,000; the
 * app's default is dist/). `--workers=N` runs the app with N fold workers: the app sizes its pool
 * from the cores the browser reports (workers/pool.ts: cores - 1), and headless Chromium on this
 * 2-core machine reports 2, so one; the bench tells every worker of the tab that there are N + 1
 * cores before the run starts (the coordinator makes its pool on the run's first job).
 * `--port=N` (default 4795). Linux only (/proc).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page, Worker } from "playwright-core";
import { launch, newProject, startServer } from "../e2e/harness.ts";
import { type ThreadPeak, threadHeaps } from "./browserMemoryHeaps.ts";
import { scaleCsv } from "./scaleData.ts";
import type { BenchRow } from "./table.ts";

const DEFAULT_PORT = 4795;
const MB = 2 ** 20;
/** The goal's limit for the tab. */
const GOAL_BYTES = 1.5 * 2 ** 30;

/** One process's memory: resident, and private (resident pages no other process maps). */
interface ProcessMemory {
  pid: number;
  type: string;
  rss: number;
  priv: number;
}

/** Parent pid of each process on the machine. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      out.set(Number(name), ppid);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return out;
}

/** Every descendant of `root` (this process's Chromium and its children), with its memory. */
function chromiumMemory(root: number): ProcessMemory[] {
  const ppid = parents();
  const mine = new Set([root]);
  // Parents come before children in pid order only mostly: repeat until nothing is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of ppid) {
      if (!mine.has(pid) && mine.has(parent)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  mine.delete(root);
  const out: ProcessMemory[] = [];
  for (const pid of mine) {
    try {
      // Chromium rewrites its children's command lines (arguments joined by spaces, not NULs).
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      if (!/chrom/i.test(cmdline.split(" ")[0])) continue;
      const type = /--type=(\S+)/.exec(cmdline)?.[1] ?? "browser";
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(rollup)?.[1] ?? 0) * 1024;
      out.push({ pid, type, rss: kb("Rss"), priv: kb("Private_Clean") + kb("Private_Dirty") });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return out;
}

/** Peaks of one stage: the largest renderer's RSS and private memory, and all renderers' together. */
interface Peaks {
  tabRss: number;
  tabPriv: number;
  renderersRss: number;
  allRss: number;
  samples: number;
}

const noPeaks = (): Peaks => ({ tabRss: 0, tabPriv: 0, renderersRss: 0, allRss: 0, samples: 0 });

/** Samples Chromium's processes every `ms` into the stage set by `stage(name)`; `stop` ends it. */
function sampler(ms = 500) {
  const peaks = new Map<string, Peaks>();
  let current = "start";
  const sample = () => {
    const procs = chromiumMemory(process.pid);
    const renderers = procs.filter((p) => p.type === "renderer");
    const tab = renderers.reduce<ProcessMemory | null>((a, p) => (a && a.rss >= p.rss ? a : p), null);
    const p = peaks.get(current) ?? noPeaks();
    p.tabRss = Math.max(p.tabRss, tab?.rss ?? 0);
    p.tabPriv = Math.max(p.tabPriv, tab?.priv ?? 0);
    p.renderersRss = Math.max(
      p.renderersRss,
      renderers.reduce((s, r) => s + r.rss, 0),
    );
    p.allRss = Math.max(
      p.allRss,
      procs.reduce((s, r) => s + r.rss, 0),
    );
    p.samples++;
    peaks.set(current, p);
  };
  const timer = setInterval(sample, ms);
  return {
    stage(name: string) {
      sample();
      current = name;
      sample();
    },
    stop(): Map<string, Peaks> {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/** Polls `check` every 500 ms until it holds; throws after `ms`. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(`browser-memory: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The element's text, or "" while it is not there (a million-row file shows its summary late). */
async function text(page: Page, id: string): Promise<string> {
  const el = page.getByTestId(id).first();
  if ((await el.count()) === 0) return "";
  return (await el.textContent({ timeout: 5000 }).catch(() => "")) ?? "";
}

/** Loads the file, frames it on `label`, and starts the run of `model`; resolves when the run is done. */
async function drive(
  page: Page,
  url: string,
  csv: string,
  rows: number,
  model: string,
  stage: (s: string) => void,
) {
  await page.goto(url);
  await newProject(page, "Memory");
  stage("load");
  await page.getByTestId("file-input").setInputFiles(csv);
  const rowsText = `${rows.toLocaleString("en-US")} rows`;
  await until(async () => (await text(page, "dataset-summary")).includes(rowsText), 900_000, "the file");
  stage("frame");
  await page.getByTestId("phase-frame").click();
  await page.getByTestId("target-select").selectOption("label");
  await until(async () => /classification/i.test(await text(page, "task")), 120_000, "the task");
  await page.getByTestId("metric-select").selectOption("roc_auc");
  await page.getByTestId("phase-prepare").click();
  await page.getByTestId("split-folds").fill("3");
  await page.getByTestId("split-folds").blur();
  await page.getByTestId("split-test").fill("0");
  await page.getByTestId("split-test").blur();
  await until(async () => (await text(page, "split-training")).includes("in 3 folds"), 120_000, "the split");
  await page.getByTestId("phase-train").click();
  await page.getByTestId("model-option").first().waitFor({ timeout: 120_000 });
  for (const option of await page.getByTestId("model-option").all()) {
    const id = (await option.getAttribute("data-model")) ?? "";
    await option.locator("input").setChecked(id === model);
  }
  await page.getByTestId("tune-budget").selectOption("off");
  await page.getByTestId("ensemble-option").setChecked(false);
  await until(() => page.getByTestId("start-run").isEnabled(), 120_000, "the start button");
  stage("train");
  const t0 = performance.now();
  await page.getByTestId("start-run").click();
  const state = () => page.getByTestId("run-state").getAttribute("data-status");
  await until(async () => ["done", "failed"].includes((await state()) ?? ""), 3_600_000, "the run");
  const seconds = (performance.now() - t0) / 1000;
  if ((await state()) !== "done") throw new Error(`browser-memory: the run ${await state()}`);
  const row = page.locator(`[data-testid="leaderboard-row"][data-model="${model}"]`);
  return { seconds, row: ((await row.textContent()) ?? "").replace(/\s+/g, " ").trim() };
}

/**
 * Makes every worker of the page (the coordinators, which size their fold-worker pools lazily)
 * report `cores` cores; counts the fold workers started. Bench only: the app has no such switch.
 */
function overrideCores(page: Page, cores: number | undefined): { foldWorkers: () => number } {
  let folds = 0;
  const seen = (worker: Worker) => {
    if (/fold\.worker/.test(worker.url())) folds++;
    if (cores === undefined) return;
    // A string, not a function: tsx's compiled functions call a helper the worker does not have.
    const define = `Object.defineProperty(Object.getPrototypeOf(navigator), "hardwareConcurrency", { get: () => ${cores} })`;
    worker.evaluate(define).catch(() => {
      // A worker that ended before the override reached it (the count above says what ran).
    });
  };
  page.on("worker", seen);
  return { foldWorkers: () => folds };
}

/**
 * `--rows=N` (default 1,000,000), `--workers=N` (fold workers; default the app's own choice),
 * `--port=N`, `--model=ID` (default gbdt; mlp checks the fold workers' tfjs path).
 */
export async function benchBrowserMemory(argv: string[] = []): Promise<BenchRow[]> {
  const arg = (name: string) => {
    const v = argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    return v === undefined ? undefined : Number(v);
  };
  const rows = arg("rows") ?? 1_000_000;
  const workers = arg("workers");
  const model = argv.find((a) => a.startsWith("--model="))?.slice("--model=".length) ?? "gbdt";
  const dist = process.env.AUTOML_DIST ?? "dist";
  if (!existsSync(join(dist, "index.html")))
    return [{ measure: "browser tab memory", value: "", unit: "", note: `skipped: build ${dist}/ first` }];
  const csv = await scaleCsv(rows);
  const fileBytes = statSync(csv).size;
  const { server, url } = await startServer(arg("port") ?? DEFAULT_PORT);
  const { browser, page } = await launch();
  const pool = overrideCores(page, workers === undefined ? undefined : workers + 1);
  const watch = sampler();
  const threads = await threadHeaps(page);
  // Each stage's sample with the most heap and buffers over all threads, thread by thread.
  const byThread = new Map<string, { total: number; threads: ThreadPeak[] }>();
  let current = "start";
  let sampling = true;
  const sampled = (async () => {
    while (sampling) {
      const at = current;
      const now = await threads.sample();
      const total = now.reduce((sum, t) => sum + t.heap + t.buffers, 0);
      if (total > (byThread.get(at)?.total ?? -1)) byThread.set(at, { total, threads: now });
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  let peaks: Map<string, Peaks>;
  let run: { seconds: number; row: string };
  let cores = 0;
  try {
    cores = await page.evaluate(() => navigator.hardwareConcurrency);
    run = await drive(page, url, csv, rows, model, (s) => {
      watch.stage(s);
      current = s;
    });
  } finally {
    peaks = watch.stop();
    sampling = false;
    await sampled;
    await threads.detach();
    await browser.close();
    await server.close();
  }
  const mb = (b: number) => (b / MB).toFixed(0);
  const out: BenchRow[] = [
    {
      measure: "file",
      value: mb(fileBytes),
      unit: "MB",
      note: `${rows.toLocaleString("en-US")} x 20, ${model}, ${cores} cores seen by the page (fold workers: cores - 1, 1 to 4)${workers === undefined ? "" : `, told ${workers + 1} in its workers`}; fold workers started: ${pool.foldWorkers()}`,
    },
  ];
  const all = noPeaks();
  for (const [stage, p] of peaks) {
    if (stage === "start") continue;
    for (const k of ["tabRss", "tabPriv", "renderersRss", "allRss"] as const) all[k] = Math.max(all[k], p[k]);
    out.push({
      measure: `tab peak RSS, ${stage}`,
      value: mb(p.tabRss),
      unit: "MB",
      note: `private ${mb(p.tabPriv)} MB; all renderers ${mb(p.renderersRss)} MB; all Chromium ${mb(p.allRss)} MB; ${p.samples} samples`,
    });
  }
  for (const [stage, p] of byThread) {
    if (stage === "start") continue;
    out.push({
      measure: `threads' heap + buffers, ${stage}`,
      value: mb(p.total),
      unit: "MB",
      note: p.threads.map((t) => `${t.name} ${mb(t.heap)} + ${mb(t.buffers)}`).join(", "),
    });
  }
  out.push(
    {
      measure: "tab peak RSS, whole run",
      value: mb(all.tabRss),
      unit: "MB",
      note: `${(all.tabRss / fileBytes).toFixed(2)}x the file; goal <= ${mb(GOAL_BYTES)} MB: ${all.tabRss <= GOAL_BYTES ? "met" : "not met"}`,
    },
    {
      measure: "tab peak private memory, whole run",
      value: mb(all.tabPriv),
      unit: "MB",
      note: "resident pages of the tab's renderer that no other process shares (Chrome's footprint)",
    },
    {
      measure: "training (3 folds + refit)",
      value: run.seconds.toFixed(1),
      unit: "s",
      note: `leaderboard row: ${run.row.slice(0, 120)}`,
    },
  );
  return out;
}
