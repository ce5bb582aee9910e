/**
 * Child process for the memory figure: reads one CSV into a Frame while a worker thread samples
 * the process's RSS every 20 ms (the main thread is busy parsing, so it cannot sample itself).
 * Prints one JSON line: {baselineBytes, peakBytes, maxRssBytes, rows, seconds}.
 */
import { createReadStream, statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { readCsv } from "../../src/core/data/readCsv.ts";

const file = process.argv[2];
const shared = new Float64Array(new SharedArrayBuffer(16));
const sampler = new Worker(
  `const { workerData } = require("node:worker_threads");
   const peak = new Float64Array(workerData);
   const tick = () => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; };
   tick();
   setInterval(tick, 20);`,
  { eval: true, workerData: shared.buffer },
);
await new Promise((resolve) => setTimeout(resolve, 200));
(globalThis as { gc?: () => void }).gc?.();
const baseline = process.memoryUsage.rss();
shared[0] = baseline;
const t0 = performance.now();
// With the size, as the app (File.size) and the CLI read: the columns size their storage by it.
const { frame } = await readCsv(createReadStream(file, { highWaterMark: 1 << 20 }), {
  totalBytes: statSync(file).size,
});
const seconds = (performance.now() - t0) / 1000;
await new Promise((resolve) => setTimeout(resolve, 60));
const peak = Math.max(shared[0], process.memoryUsage.rss());
await sampler.terminate();
console.log(
  JSON.stringify({
    baselineBytes: baseline,
    peakBytes: peak,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rows: frame.rows,
    seconds,
  }),
);
