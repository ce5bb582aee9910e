/**
 * On Linux (glibc), the command runs in a child node whose C allocator is set up for a big run's
 * many short-lived buffers (AUTOML_MALLOC picks how):
 * - "arenas": one malloc arena (MALLOC_ARENA_MAX=1) (the default in session 9). glibc gives each
 *   thread that allocates at once an arena of its own (up to 8 per core), and memory freed in one
 *   arena is reused only there: each fold thread kept the garbage of its own recipe blocks, binning
 *   buffers and gradient arrays resident while the other thread and the main one asked the system
 *   for more. With one arena every thread reuses what any thread freed. Session 9, quiet (load
 *   0.3-2.5), 1M x 20 gbdt CV with 2 threads, five runs each, alternating: peak of the memory held
 *   by the command 572-644 MB (median 586) with two arenas, 544-581 (median 551) with one; CPU
 *   81.7-102.9 s (median 89.8) against 83.9-90.8 (89.2), the same AUC. Session 8's move from
 *   glibc's default to two arenas: 743 -> 706 MB with --out (load 12-29). Larger fixed mmap
 *   thresholds cost CPU: 1 MB 556 MB but +13%, 4 MB 595 MB but +15% (one 300k run each, same
 *   window); 8 MB with a 64 MB trim threshold did no better than one arena (591/597 MB, two runs).
 * - "fixed": also a fixed mmap threshold (MALLOC_MMAP_THRESHOLD_=131072, glibc's starting
 *   value): every buffer from 128 KiB up is its own mapping, handed back to the system when
 *   freed. By default glibc raises that threshold to the size of the first large block freed (up
 *   to 32 MiB), and from then on ArrayBuffers below it come from the arenas, where freed ones stay
 *   resident. It lowers the level between peaks most, but every big buffer is then a fresh mapping
 *   to fault in: at 300k x 20 (gbdt, 2 threads, CV, load 6-10) 15-20% more CPU (user 32.7-33.4 ->
 *   36.3-40.1 s, system 2.8 -> 4.8-5.0 s) for a peak 0-28 MB lower.
 * - unset or "lean" (the default from session 10): one arena and a fixed mmap threshold of 4 MiB: a buffer from 4 MiB up (at a million
 *   rows a fold's gathered columns, its targets and gradients, the reader's blocks) is a mapping
 *   of its own, handed back when freed, and with the threshold fixed glibc also trims the top of
 *   its heap from 128 KiB of free space. After the reader's buffers had raised the dynamic
 *   threshold, such buffers came from the arena, and the holes they left stayed resident: at the
 *   peak of a 1M run (a fit in each thread) the arena held 233 MB for 172 MB in use, and
 *   malloc_trim(0) from gdb took the process from 457 to 403 MB. Session 10, 1M x 20 gbdt CV with
 *   2 threads, commit 6411366, three pairs alternating: time's max RSS / held 454/459, 471/479
 *   and 476/475 MB (one arena) against 420/425, 408/415 and 432/440 (lean), CPU 86.1, 86.6 and
 *   80.5 s against 97.0, 98.2 and 98.8 s (+12-23%; system time 2.8-3.3 -> 6.6-7.4 s; load
 *   3.5-8.8), the same AUC. With a 16 MiB trim threshold too:
 *   432/440 MB twice at CPU 87.1 and 94.8 s, against one arena's 448/446 and 456/460 at 83.7 and
 *   87.3 s (load 3.4-6.7). Quiet (04:33-04:40 UTC, load 1.6-2.3, commit a03809a), alternating:
 *   one arena 457/463, 445/446, 443/448, 433/441 MB at CPU 87.1, 95.6, 79.2, 83.0 s; lean 398/406
 *   and 401/402 MB at 85.9 and 89.3 s (user time the same, system +3 s): the default since, as it
 *   keeps the 1M run under 3x its file with room, for a few percent of CPU. Below 4 MiB nothing
 *   changes, so small runs allocate as with one arena.
 * - "default" or "off": no child, glibc's own settings.
 * The variables are read once as a process starts, so they cannot be set from inside; the waiting
 * parent costs ~9 MB (its own heap; node's code pages are shared). Not when the environment already
 * sets the variable in question (a caller's own choice wins, and the child does not relaunch).
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";

/** The settings per AUTOML_MALLOC value (unset: "lean"). */
const SETTINGS = {
  arenas: { MALLOC_ARENA_MAX: "1" },
  fixed: { MALLOC_ARENA_MAX: "1", MALLOC_MMAP_THRESHOLD_: "131072" },
  lean: { MALLOC_ARENA_MAX: "1", MALLOC_MMAP_THRESHOLD_: "4194304" },
};

/**
 * The variables to start the child with, or null when this process should run the command itself
 * (not Linux, AUTOML_MALLOC=default/off or unknown, or every variable already set).
 */
export function mallocEnv(env = process.env, platform = process.platform) {
  if (platform !== "linux") return null;
  const mode = env.AUTOML_MALLOC ?? "lean";
  if (!Object.hasOwn(SETTINGS, mode)) return null;
  const settings = SETTINGS[mode];
  const missing = Object.entries(settings).filter(([k]) => env[k] === undefined);
  return missing.length > 0 ? Object.fromEntries(missing) : null;
}

/**
 * Runs this same command line in a child with `mallocEnv`'s settings and returns true (the caller
 * then does nothing else: the exit status and signals are passed through), or returns false when
 * this process should run the command itself.
 */
export function relaunchWithMalloc() {
  const extra = mallocEnv();
  if (!extra) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, ...extra },
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
