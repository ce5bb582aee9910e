/**
 * On Linux (glibc), the command runs in a child node whose C allocator keeps a fixed mmap
 * threshold (MALLOC_MMAP_THRESHOLD_=131072, glibc's starting value): every buffer from 128 KiB up
 * is its own mapping, handed back to the system when freed.
 *
 * Why: by default glibc raises that threshold to the size of the first large block freed (up to
 * 32 MiB), and from then on ArrayBuffers below it come from the allocator's arenas, one per
 * thread, where freed ones stay resident. A run's many short-lived blocks (recipe blocks, binning
 * buffers, gradient arrays; each fold thread in its own arena) so kept the process hundreds of MB
 * above what was alive. The variable is read once as a process starts, so it cannot be set from
 * inside; the waiting parent costs ~9 MB (its own heap; node's code pages are shared).
 *
 * Opt-in (AUTOML_MALLOC=fixed), Linux only, not when the variable is already set: measured at
 * 300k x 20 (gbdt, 2 threads, CV, load 6-10, two alternating pairs) it cost 15-20% more CPU (every
 * big buffer a fresh mapping to fault in: 32.7-33.4 -> 36.3-40.1 s user, 2.8 -> 4.8-5.0 s system)
 * for a peak 0-28 MB lower (621-622 -> 593-614 MB); it lowered the level between peaks most
 * (during the folds 544-569 -> 383-397 MB, the refit 441-467 -> 212-242, with --out, load 16).
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";

/** The threshold: glibc's default starting value, kept fixed. */
const THRESHOLD = "131072";

/**
 * Runs this same command line in a child with the fixed threshold and returns true (the caller
 * then does nothing else: the exit status and signals are passed through), or returns false when
 * this process should run the command itself.
 */
export function relaunchWithMalloc() {
  if (process.platform !== "linux" || process.env.MALLOC_MMAP_THRESHOLD_ !== undefined) return false;
  if (process.env.AUTOML_MALLOC !== "fixed") return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, MALLOC_MMAP_THRESHOLD_: THRESHOLD },
  });
  const forward = (signal) => child.kill(signal);
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, forward);
  child.on("error", (err) => {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  });
  child.on("exit", (code, signal) => {
    for (const s of signals) process.off(s, forward);
    // A child ended by a signal: the status a shell gives such a process (128 + its number).
    process.exitCode = signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1);
  });
  return true;
}
