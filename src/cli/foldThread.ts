/**
 * Body of a fold-pool thread (see foldPool.ts): holds one copy of the table, posted once, and runs
 * the fold jobs it is sent, one at a time, answering each with its result or its error.
 */
import { parentPort, threadId, workerData } from "node:worker_threads";
import type { FoldJob } from "../core/automl/ladder/foldJob.ts";
import { runFoldJob } from "../core/automl/ladder/runFoldJob.ts";
import type { Frame } from "../core/data/frame.ts";
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
const collect = () => (globalThis as { gc?: () => void }).gc?.();

port.on("message", async (msg: ThreadRequest) => {
  if (msg.type === "frame") {
    frame = msg.frame;
    return;
  }
  if (msg.type === "help") {
    post({ type: "idle", built: helpHistograms(msg.offer, leave) });
    collect();
    return;
  }
  try {
    if (!frame) throw new Error("no table posted to this thread");
    // tfjs (and the registry that imports it) only for a model that uses it: a gbdt thread never loads it.
    if ((await loadModelSpec(msg.job.model)).usesTfjs) await (tfjsReady ??= prepareTfjs());
    const result = await runFoldJob(frame, msg.job);
    port.postMessage({ id: msg.id, result });
    collect();
  } catch (err) {
    const e = err as Error;
    port.postMessage({ id: msg.id, error: { name: e?.name ?? "Error", message: e?.message ?? String(err) } });
  }
});
