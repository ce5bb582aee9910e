/**
 * Cancel latency of the fold pool (the core lane pool with the command line's worker threads as
 * lanes): a long gradient boosting fold is aborted while it trains; reports how long the abort
 * takes to reject the job (the lane is terminated, not waited for) and how long the next job waits
 * for a fresh thread. These were once wall-clock assertions in unit and browser tests; a busy
 * machine could fail them, so they are measured here instead. Run alone with
 * `npx tsx tests/bench/pool.ts`.
 */
import { pathToFileURL } from "node:url";
import { makeFoldPool } from "../../src/cli/foldPool.ts";
import { foldJobs } from "../../src/core/automl/ladder/foldJob.ts";
import { planLadder } from "../../src/core/automl/ladder/ladderPlan.ts";
import { ladderTable } from "./ladder.ts";

export async function benchPool(): Promise<Record<string, number>> {
  const frame = ladderTable(10_000);
  const plan = planLadder(frame, { target: "label", folds: 5, seed: 0 });
  const [longJob] = foldJobs(plan, "gbdt", { max_iter: 5000, early_stopping: false });
  const [quickJob] = foldJobs(plan, "baseline");
  const pool = makeFoldPool(frame, 1);
  try {
    // Warm the thread (module loading), so the measures below are of the pool, not of start-up.
    await pool.runFold(quickJob);
    const ctl = new AbortController();
    const long = pool.runFold(longJob, ctl.signal).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 1000));
    const t0 = performance.now();
    ctl.abort();
    const err = await long;
    const abortMs = performance.now() - t0;
    if ((err as Error).name !== "AbortError") throw new Error(`expected an AbortError, got ${String(err)}`);
    const t1 = performance.now();
    await pool.runFold(quickJob);
    const nextMs = performance.now() - t1;
    return { abort_to_reject_ms: abortMs, next_job_on_a_fresh_thread_ms: nextMs };
  } finally {
    await pool.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(await benchPool());
