/**
 * Body of a fold-pool thread (see foldPool.ts): holds one copy of the table, posted once, and runs
 * the fold jobs it is sent, one at a time, answering each with its result or its error.
 */
import { readFileSync } from "node:fs";
import { parentPort, threadId, workerData } from "node:worker_threads";
import type { FoldJob } from "../core/automl/ladder/foldJob.ts";
import { runFoldJob } from "../core/automl/ladder/runFoldJob.ts";
import type { Frame } from "../core/data/frame.ts";
import { receiveFrame } from "../core/data/shareFrame.ts";
import { loadModelSpec } from "../core/models/loadModelSpec.ts";
import { helpHistograms, setHistogramHelp } from "../core/models/trees/histHelp.ts";
import type { HelpMessage, HelpRequest } from "./foldHelp.ts";
import { prepareTfjs } from "./tfjsBackend.ts";

/** What the pool posts to a thread. */
export type ThreadRequest =
  | { type: "frame"; frame: Frame }
  | { type: "job"; id: number; job: FoldJob }
  | HelpRequest;

let frame: Frame | null = null;
let tfjsReady: Promise<string> | null = null;
const port = parentPort!;
const post = (m: HelpMessage) => port.postMessage(m);

// With the pool's help desk (foldHelp.ts): this thread's gbdt fits offer their histogram work to
// the other threads, and it helps theirs when the desk asks, until the fit ends or a job comes
// (the pool sets `leave`).
const { helpers, leave } = (workerData ?? {}) as { helpers?: number; leave?: Int32Array };
if (helpers && leave) {
  let offers = 0;
  setHistogramHelp({
    helpers,
    offer(offer) {
      const id = `${threadId}.${offers++}`;
      post({ type: "offer", id, offer });
      return () => post({ type: "withdraw", id });
    },
  });
}

/**
 * A full collection where the process exposes `gc` (train sets --expose-gc): an idle thread
 * allocates nothing, so V8 would keep the finished job's garbage (its grower's WebAssembly
 * memory, codes and fold columns, ~100-250 MB at a million rows) until the next job.
 */
/** AUTOML_FOLD_TRACE=1: each job's stages with a wall-clock stamp on stderr (where a run's time goes). */
const TRACE = process.env.AUTOML_FOLD_TRACE === "1";
const trace = (what: string) =>
  process.stderr.write(
    `[fold-trace] ${(Date.now() / 1000).toFixed(3)} thread ${threadId} cpu ${threadCpu()} ${memory()} ${what}\n`,
  );
/** The process's RSS, and this thread's V8 heap and ArrayBuffers (MB): where a run's memory goes. */
function memory(): string {
  const m = process.memoryUsage();
  const mb = (b: number) => Math.round(b / 1e6);
  return `rss ${mb(m.rss)} heap ${mb(m.heapUsed)} ab ${mb(m.arrayBuffers)}`;
}
/** This thread's user and system CPU seconds so far ("u+s"), from Linux's /proc; "?" elsewhere. */
function threadCpu(): string {
  try {
    const fields = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return `${(Number(fields[11]) / 100).toFixed(2)}+${(Number(fields[12]) / 100).toFixed(2)}`;
  } catch {
    return "?";
  }
}

const collect = () => (globalThis as { gc?: () => void }).gc?.();
// In a later task: during the handler its message is still referenced, and a help offer's holds
// the helped fit's whole shared WebAssembly memory (collected there, it stayed until the next job).
const collectSoon = () => setTimeout(collect, 0);

port.on("message", async (msg: ThreadRequest) => {
  if (msg.type === "frame") {
    frame = receiveFrame(msg.frame);
    return;
  }
  if (msg.type === "help") {
    if (TRACE) trace("help start");
    const built = helpHistograms(msg.offer, leave);
    if (TRACE) trace(`help end (${built} chunks)`);
    post({ type: "idle", built });
    collectSoon();
    return;
  }
  try {
    if (!frame) throw new Error("no table posted to this thread");
    // tfjs (and the registry that imports it) only for a model that uses it: a gbdt thread never loads it.
    if ((await loadModelSpec(msg.job.model)).usesTfjs) await (tfjsReady ??= prepareTfjs());
    const job = msg.job;
    // A full collection as the fit starts (the recipe stage's garbage: the fold's gathered columns
    // and blocks, ~60-110 MB at a million rows) and after the fit's first iteration (its binning's
    // blocks): a fit allocates so little afterwards that V8 kept that garbage, and the peak it
    // adds, for the whole fit.
    const onStage = (stage: string) => {
      if (stage === "fit") collect();
      if (TRACE) trace(`${job.model} fold ${job.fold} (${job.train.length} rows) ${stage}`);
    };
    // With the trace, every tenth iteration of a fit too (its memory as it goes).
    const onProgress = (p: { done: number; total: number }) => {
      if (p.done === 1) collect();
      if (TRACE && p.done % 10 === 0) trace(`${job.model} fold ${job.fold} fit ${p.done}/${p.total}`);
    };
    const result = await runFoldJob(frame, job, { onStage, onProgress });
    port.postMessage({ id: msg.id, result });
    collectSoon();
  } catch (err) {
    const e = err as Error;
    port.postMessage({ id: msg.id, error: { name: e?.name ?? "Error", message: e?.message ?? String(err) } });
  }
});
