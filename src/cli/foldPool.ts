/**
 * The command line's fold pool: worker threads that each hold a copy of the table and run fold
 * jobs (fit the recipe and model on a fold's rows, predict the rest), so the folds of a model train
 * side by side on a machine's cores. Jobs are plain data and seeded on their own, so the results
 * are the same as in one thread, whatever the number of threads. Queueing and cancel are the core
 * lane pool's (the app's worker pool uses the same); this file only makes threads.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FoldJob, FoldResult } from "../core/automl/ladder/foldJob.ts";
import type { FoldRunner } from "../core/automl/ladder/runLadder.ts";
import { type Lane, makeLanePool } from "../core/automl/run/lanePool.ts";
import type { Frame } from "../core/data/frame.ts";

/** Threads by default: the machine's cores, at most 8 (each thread holds a copy of the table). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** What one thread answers: a job's result, or its error as name and message. */
interface ThreadReply {
  id: number;
  result?: FoldResult;
  error?: { name: string; message: string };
}

/** A thread holding `frame`, running one job at a time (see foldThread.ts). */
function spawnThread(frame: Frame, died: (err: Error) => void): Lane<(job: FoldJob) => Promise<FoldResult>> {
  const worker = new Worker(new URL("./foldThread.mjs", import.meta.url));
  worker.postMessage({ type: "frame", frame });
  const pending = new Map<number, { resolve: (r: FoldResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  worker.on("message", (msg: ThreadReply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    else p.resolve(msg.result!);
  });
  worker.on("error", died);
  return {
    api: (job) =>
      new Promise<FoldResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "job", id, job });
      }),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** A pool of `size` threads over `frame`; `close` ends them (the process cannot exit before). */
export function makeFoldPool(
  frame: Frame,
  size: number,
): { runFold: FoldRunner; close: () => Promise<void> } {
  const pool = makeLanePool((died) => spawnThread(frame, died), size);
  return {
    runFold: (job, signal) => pool.run((runJob) => runJob(job), signal),
    close: () => pool.dispose(),
  };
}
