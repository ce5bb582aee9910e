/**
 * The command line's fold pool: worker threads that share one copy of the table (its columns in
 * SharedArrayBuffers, see shareFrame) and run fold jobs (fit the recipe and model on a fold's rows, predict the rest), so the folds of a model train
 * side by side on a machine's cores. Jobs are plain data and seeded on their own, so the results
 * are the same as in one thread, whatever the number of threads. Queueing and cancel are the core
 * lane pool's (the app's worker pool uses the same); this file only makes threads.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FoldJob, FoldResult } from "../core/automl/ladder/foldJob.ts";
import { runFoldJob } from "../core/automl/ladder/runFoldJob.ts";
import type { FoldRunner } from "../core/automl/ladder/runLadder.ts";
import { type Lane, makeLanePool } from "../core/automl/run/lanePool.ts";
import type { Frame } from "../core/data/frame.ts";
import { shareFrame } from "../core/data/shareFrame.ts";
import { HelpDesk, type HelpMessage } from "./foldHelp.ts";

/** Threads by default: the machine's cores, at most 8 (each thread costs its own engine and module graph). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Table cells (rows x columns) per thread: a smaller table gets fewer threads. A thread costs
 * ~0.5-1 s to start and ~100-150 MB (its own engine, tfjs and module loader), more than the whole
 * ladder takes on iris or wine; from a few thousand rows on, the forests and the neural net repay it.
 */
export const CELLS_PER_THREAD = 20_000;

/** Threads worth starting for `frame`: at most `size`, one per CELLS_PER_THREAD cells, at least 1. */
export function threadsFor(frame: Frame, size: number): number {
  const cells = frame.rows * frame.columns.length;
  return Math.max(1, Math.min(size, Math.floor(cells / CELLS_PER_THREAD)));
}

/**
 * A thread's V8 young generation, MB. By default it grows to large semi-spaces that a gbdt fit's
 * steady trickle of small garbage (split search, trees) keeps resident for the whole fit: one
 * 667k x 54 fit in a worker held a V8 heap of 25-42 MB and a plateau of +137-177 MB, against
 * 12.6 MB and +115-122 MB with this limit, at the same CPU time. Only garbage that dies young
 * lives there, so a smaller one means more, shorter scavenges, never different results.
 */
const THREAD_YOUNG_MB = 6;

/**
 * Models whose fold fits in milliseconds (closed-form or one pass): they run in this thread, so
 * that a run of only these (a baseline check) starts no thread at all, and a ladder's first rungs
 * do not wait for threads to start. Same job, same function, so the same results.
 */
const IN_PROCESS_MODELS = new Set(["baseline", "linear", "logistic", "naive_bayes"]);

/** What one thread answers: a job's result, or its error as name and message. */
interface ThreadReply {
  id: number;
  result?: FoldResult;
  error?: { name: string; message: string };
}

/**
 * A thread holding `frame`, running one job at a time (see foldThread.ts). With a help desk, its
 * gbdt fits offer their histogram work to the pool's other threads, and it helps theirs while it
 * has no job.
 */
function spawnThread(
  frame: Frame,
  desk: HelpDesk | null,
  helpers: number,
  died: (err: Error) => void,
): Lane<(job: FoldJob) => Promise<FoldResult>> {
  const leave = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./foldThread.mjs", import.meta.url), {
    workerData: desk ? { helpers, leave } : {},
    resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_MB },
  });
  worker.postMessage({ type: "frame", frame });
  const pending = new Map<number, { resolve: (r: FoldResult) => void; reject: (e: Error) => void }>();
  const help = desk?.add(worker, leave, () => pending.size > 0) ?? null;
  let nextId = 0;
  worker.on("message", (msg: ThreadReply | HelpMessage) => {
    if ("type" in msg) {
      if (help) desk!.message(help, msg);
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    else p.resolve(msg.result!);
    desk?.jobDone();
  });
  worker.on("error", died);
  return {
    api: (job) =>
      new Promise<FoldResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        if (help) desk!.jobFor(help);
        worker.postMessage({ type: "job", id, job });
      }),
    terminate: async () => {
      // A thread helping another fit leaves it first: its owner would wait for a claimed chunk.
      if (help) await desk!.release(help);
      await worker.terminate();
    },
  };
}

/** How the pool runs. */
export interface FoldPoolOptions {
  /**
   * Whether a thread with no job helps another thread's gbdt fit (foldHelp.ts): same results,
   * shorter last folds. Default: on, unless the environment says AUTOML_FOLD_HELP=off (to measure).
   */
  help?: boolean;
}

/**
 * A pool of up to `size` threads over `frame` (fewer for a small table: `threadsFor`), started on
 * first need; the quick models' jobs run here instead. `close` ends the threads (the process
 * cannot exit before).
 */
export function makeFoldPool(
  frame: Frame,
  size: number,
  opts: FoldPoolOptions = {},
): { runFold: FoldRunner; close: () => Promise<void> } {
  // Shared memory: every thread reads the one copy of the columns instead of its own clone.
  shareFrame(frame);
  const threads = threadsFor(frame, size);
  const help = (opts.help ?? process.env.AUTOML_FOLD_HELP !== "off") && threads > 1;
  const desk = help ? new HelpDesk(threads - 1) : null;
  const pool = makeLanePool((died) => spawnThread(frame, desk, threads - 1, died), threads);
  // In-process jobs one at a time. Started together (a search's rung: every candidate and inner
  // split), they interleaved at their awaits, so each job's seconds spanned the others' work too
  // (iris' quick logistic search "took" 348 s of a run that used 3 s of CPU) and every job's
  // matrices were alive at once. Same jobs, same results; only their order is fixed.
  let here: Promise<unknown> = Promise.resolve();
  const runHere: FoldRunner = (job, signal) => {
    const run = here.then(() => runFoldJob(frame, job, { signal }));
    here = run.catch(() => undefined);
    return run;
  };
  return {
    runFold: (job, signal) =>
      IN_PROCESS_MODELS.has(job.model) ? runHere(job, signal) : pool.run((runJob) => runJob(job), signal),
    close: () => pool.dispose(),
  };
}
