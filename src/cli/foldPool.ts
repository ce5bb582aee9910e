/**
 * The command line's fold pool: worker threads that each hold a copy of the table and run fold
 * jobs (fit the recipe and model on a fold's rows, predict the rest), so the folds of a model train
 * side by side on a machine's cores. Jobs are plain data and seeded on their own, so the results
 * are the same as in one thread, whatever the number of threads.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FoldJob, FoldResult } from "../core/automl/ladder/foldJob.ts";
import type { FoldRunner } from "../core/automl/ladder/runLadder.ts";
import type { Frame } from "../core/data/frame.ts";

/** Threads by default: the machine's cores, at most 8 (each thread holds a copy of the table). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

interface Pending {
  resolve: (r: FoldResult) => void;
  reject: (e: Error) => void;
}

/** A pool of `size` threads over `frame`; `close` ends them (the process cannot exit before). */
export function makeFoldPool(
  frame: Frame,
  size: number,
): { runFold: FoldRunner; close: () => Promise<void> } {
  const threads = Array.from({ length: size }, () => {
    const worker = new Worker(new URL("./foldThread.mjs", import.meta.url));
    worker.postMessage({ type: "frame", frame });
    return worker;
  });
  const idle = [...threads];
  const queue: { job: FoldJob; pending: Pending }[] = [];
  const inFlight = new Map<number, { worker: Worker; pending: Pending }>();
  let nextId = 0;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.shift()!;
      const { job, pending } = queue.shift()!;
      const id = nextId++;
      inFlight.set(id, { worker, pending });
      worker.postMessage({ type: "job", id, job });
    }
  };

  for (const worker of threads) {
    worker.on(
      "message",
      (msg: { id: number; result?: FoldResult; error?: { name: string; message: string } }) => {
        const entry = inFlight.get(msg.id);
        if (!entry) return;
        inFlight.delete(msg.id);
        idle.push(worker);
        if (msg.error) {
          const err = new Error(msg.error.message);
          err.name = msg.error.name;
          entry.pending.reject(err);
        } else entry.pending.resolve(msg.result!);
        dispatch();
      },
    );
    worker.on("error", (err) => {
      // A thread that dies fails its job and every job still waiting: nothing would run them.
      for (const [id, entry] of inFlight) {
        if (entry.worker !== worker) continue;
        inFlight.delete(id);
        entry.pending.reject(err);
      }
      for (const { pending } of queue.splice(0)) pending.reject(err);
    });
  }

  return {
    runFold: (job) =>
      new Promise<FoldResult>((resolve, reject) => {
        queue.push({ job, pending: { resolve, reject } });
        dispatch();
      }),
    close: async () => {
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}
