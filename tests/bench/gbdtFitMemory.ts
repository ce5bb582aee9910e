/**
 * The memory of one gbdt fit as a fold thread runs it (issue 16 goal 2): `fitRows` on a RowSource
 * of N rows x 54 features shaped like the scale bench's recipe output (16 numbers, 2 missing
 * indicators, one-hots of a 5- and a 30-level category, a boolean), made a block at a time so that
 * the process holds nothing but the fit. With `--share` (default) the thread has histogram help
 * set, as a fold thread of a 2-thread run does (shared WebAssembly memory, shared step arrays), but
 * no helper joins. Prints the peak RSS over the process's base, snapshots at each progress event,
 * and a hash of the fitted state (the trees and both loss curves: the same model to the bit).
 *
 * `--worker[=MB]` runs the fit in a worker thread as a fold thread does (with MB: that young
 * generation limit, as foldPool.ts sets) and prints the process's RSS sampled by the main thread.
 *
 *   npx tsx tests/bench/gbdtFitMemory.ts [rows=666667] [--no-share] [--worker[=MB]]
 */
import { createHash } from "node:crypto";
import { isMainThread, Worker, workerData } from "node:worker_threads";
import { Gbdt } from "../../src/core/models/gbdt/gbdt.ts";
import { setHistogramHelp } from "../../src/core/models/trees/histHelp.ts";
import type { RowSource } from "../../src/core/models/trees/rowSource.ts";

const args: string[] = isMainThread ? process.argv.slice(2) : (workerData as { args: string[] }).args;
const worker = args.find((a) => a.startsWith("--worker"));
if (isMainThread && worker) {
  const young = Number(worker.split("=")[1] ?? 0);
  const inner = args.filter((a) => a !== worker);
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const w = new Worker(code, {
    eval: true,
    workerData: { args: inner },
    resourceLimits: young > 0 ? { maxYoungGenerationSizeMb: young } : undefined,
  });
  const seen: number[] = [];
  const timer = setInterval(() => seen.push(process.memoryUsage().rss / 1e6), 100);
  w.on("exit", () => {
    clearInterval(timer);
    seen.sort((a, b) => a - b);
    const young = worker.includes("=")
      ? `young generation ${worker.split("=")[1]} MB`
      : "default young generation";
    console.log(
      `worker (${young}): process rss median ${seen[seen.length >> 1].toFixed(1)} MB, max ${seen[seen.length - 1].toFixed(1)} MB`,
    );
  });
} else runFit();

function runFit(): void {
  const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 666_667);
  const share = !args.includes("--no-share");
  const COLS = 54;
  const BLOCK = 65_536;

  /** A uniform in [0, 1) from (row, column): the same value whichever block asks. */
  function unit(r: number, c: number): number {
    let h = Math.imul(r ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(c + 1, 0xc2b2ae35);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  }

  /** Row r's 54 values into out[at..]: numbers with six decimals (as a CSV's), then 0/1 columns. */
  function fillRow(r: number, out: Float64Array, at: number): void {
    for (let c = 0; c < 16; c++) {
      const v = (unit(r, c) + unit(r, c + 100) + unit(r, c + 200) - 1.5) * (c + 1);
      out[at + c] = Math.round(v * 1e6) / 1e6;
    }
    // Two missing indicators (imputed columns 3 and 7 missing 5% of the time).
    out[at + 16] = unit(r, 300) < 0.05 ? 1 : 0;
    out[at + 17] = unit(r, 301) < 0.05 ? 1 : 0;
    for (let c = 18; c < 53; c++) out[at + c] = 0;
    out[at + 18 + Math.floor(unit(r, 302) * 5)] = 1;
    out[at + 23 + Math.floor(unit(r, 303) * 30)] = 1;
    out[at + 53] = unit(r, 304) < 0.4 ? 1 : 0;
  }

  const names = Array.from({ length: COLS }, (_, c) => `x${c}`);
  const source: RowSource = {
    rows,
    cols: COLS,
    names,
    forEachBlock(list, visit) {
      const data = new Float64Array(Math.min(BLOCK, list.length) * COLS);
      for (let k0 = 0; k0 < list.length; k0 += BLOCK) {
        const n = Math.min(BLOCK, list.length - k0);
        for (let i = 0; i < n; i++) fillRow(list[k0 + i], data, i * COLS);
        visit({ data: data.subarray(0, n * COLS), rows: n, cols: COLS, names }, k0);
      }
    },
  };

  const y = new Float64Array(rows);
  const row = new Float64Array(COLS);
  for (let r = 0; r < rows; r++) {
    fillRow(r, row, 0);
    const logit = row[0] - 0.5 * row[1] + 0.3 * row[2] * row[3] + row[18] - row[40] + 0.8 * row[53];
    y[r] = unit(r, 999) < 1 / (1 + Math.exp(-logit / 3)) ? 1 : 0;
  }

  // As a fold thread with help: the fit offers its work; nobody takes it.
  if (share) setHistogramHelp({ helpers: 1, offer: () => () => {} });

  const mb = (b: number) => (b / 1e6).toFixed(1);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const snaps: string[] = [];
  let peakSeen = 0;
  const t0 = process.cpuUsage();
  const model = new Gbdt({}).fitRows(
    source,
    { values: y, classes: ["0", "1"] },
    {
      seed: 0,
      onProgress: (p) => {
        const m = process.memoryUsage();
        peakSeen = Math.max(peakSeen, m.rss);
        if (p.done % 10 === 1 || p.done === p.total)
          snaps.push(
            `  iter ${p.done}: rss +${mb(m.rss - base.rss)} heap ${mb(m.heapUsed)} arrayBuffers ${mb(m.arrayBuffers)} external ${mb(m.external)}`,
          );
      },
    },
  );
  const cpu = process.cpuUsage(t0);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const state = JSON.stringify(model.toJSON());
  console.log(`gbdt fitRows ${rows} x ${COLS}, share ${share}, ${model.toJSON().state?.n_iter} iterations`);
  console.log(
    `base rss ${mb(base.rss)} MB (heap ${mb(base.heapUsed)}, arrayBuffers ${mb(base.arrayBuffers)})`,
  );
  console.log(snaps.join("\n"));
  console.log(`peak rss ${mb(maxRss)} MB: +${mb(maxRss - base.rss)} MB over the base`);
  console.log(`fit cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  console.log(`state sha256 ${createHash("sha256").update(state).digest("hex").slice(0, 16)}`);
}
