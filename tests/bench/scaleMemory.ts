/**
 * Memory of a measured command summed over its processes (Linux /proc), for the scale bench and
 * memoryTrace. `/usr/bin/time`'s %M is the largest single process's peak RSS: the command line
 * re-runs itself in a child node (bin/mallocRelaunch.mjs), so it misses the waiting parent, and
 * adding the two processes' RSS counts the node binary's pages twice. Two readings:
 * - "held", every sample (from /proc/PID/status, ~0.03 ms a process): every process's anonymous
 *   and shmem pages (a process's own: the heaps, buffers, WebAssembly memories) plus the largest
 *   process's file pages (the binary and libraries, which parent and child map alike), so
 *   shared pages count once: what the command holds on an otherwise empty machine;
 * - PSS and private, from /proc/PID/smaps_rollup, every `rollupEvery`-th sample only (a read
 *   walks the process's page tables: ~10-35 ms for a 500 MB node process here, and it takes the
 *   process's mmap lock): PSS divides each page by the processes that map it, so pages shared
 *   with unrelated processes (the bench's own node, other node or python processes on the machine)
 *   make it read lower under load; private is what only one of the command's processes maps.
 * Peaks are of the sums at one moment, sampled: a peak between samples is missed, so time's max
 * RSS stays the exact figure for the largest process.
 */
import { readdirSync, readFileSync } from "node:fs";

/** One process's reading (bytes); pss and private only on the samples that read smaps_rollup. */
export interface ProcMemory {
  pid: number;
  name: string;
  rss: number;
  anon: number;
  file: number;
  pss?: number;
  private?: number;
}

/** One reading of a process tree: sums in bytes (pss and private when read), and the processes. */
export interface TreeMemory {
  held: number;
  rss: number;
  pss?: number;
  private?: number;
  procs: ProcMemory[];
}

/** Peaks of the sampled sums (bytes), each the largest over its samples, not at one moment together. */
export interface MemoryPeaks {
  held: number;
  rss: number;
  pss: number;
  private: number;
  samples: number;
  rollups: number;
  everyMs: number;
}

/** Child pids of `pid`, over all its threads (a thread that forks is the child's parent). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim();
      if (text !== "") for (const c of text.split(/\s+/)) out.push(Number(c));
    } catch {
      // The thread ended while being read.
    }
  }
  return out;
}

/** Every descendant of `pid` (not `pid` itself), depth first. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of childrenOf(p)) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

const kB = (text: string, name: string) =>
  Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0) * 1024;

/** One process now, or undefined once it is gone. */
function procMemory(pid: number, withRollup: boolean): ProcMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const out: ProcMemory = {
      pid,
      name: /^Name:\s+(\S+)/m.exec(status)?.[1] ?? "?",
      rss: kB(status, "VmRSS"),
      anon: kB(status, "RssAnon") + kB(status, "RssShmem"),
      file: kB(status, "RssFile"),
    };
    if (withRollup) {
      const r = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      out.pss = kB(r, "Pss");
      out.private = kB(r, "Private_Clean") + kB(r, "Private_Dirty");
    }
    return out;
  } catch {
    return undefined;
  }
}

/** The summed memory of `pids` now; PSS and private too when `withRollup`. */
export function treeMemory(pids: number[], withRollup = true): TreeMemory {
  const procs = pids.map((p) => procMemory(p, withRollup)).filter((p): p is ProcMemory => p !== undefined);
  const sum = (f: (p: ProcMemory) => number) => procs.reduce((s, p) => s + f(p), 0);
  const out: TreeMemory = {
    held: sum((p) => p.anon) + Math.max(0, ...procs.map((p) => p.file)),
    rss: sum((p) => p.rss),
    procs,
  };
  if (withRollup) {
    out.pss = sum((p) => p.pss ?? 0);
    out.private = sum((p) => p.private ?? 0);
  }
  return out;
}

/**
 * Samples the descendants of `rootPid` (e.g. `/usr/bin/time`'s pid: the command and anything it
 * re-runs, not time itself) every `everyMs`, reading smaps_rollup every `rollupEvery`-th time;
 * `onSample` sees each reading. `stop()` ends it and returns the peaks.
 */
export function sampleTree(
  rootPid: number,
  everyMs = 100,
  rollupEvery = 5,
  onSample?: (m: TreeMemory, at: number) => void,
): { stop(): MemoryPeaks } {
  const peaks: MemoryPeaks = { held: 0, rss: 0, pss: 0, private: 0, samples: 0, rollups: 0, everyMs };
  let tick = 0;
  const take = () => {
    const withRollup = tick++ % rollupEvery === 0;
    const m = treeMemory(descendants(rootPid), withRollup);
    if (m.procs.length === 0) return;
    peaks.samples++;
    peaks.held = Math.max(peaks.held, m.held);
    peaks.rss = Math.max(peaks.rss, m.rss);
    if (m.pss !== undefined && m.private !== undefined) {
      peaks.rollups++;
      peaks.pss = Math.max(peaks.pss, m.pss);
      peaks.private = Math.max(peaks.private, m.private);
    }
    onSample?.(m, Date.now());
  };
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}

/** The peaks in words, for notes and summaries. */
export function peaksText(p: MemoryPeaks): string {
  const mb = (b: number) => Math.round(b / 1e6).toLocaleString("en");
  return (
    `held ${mb(p.held)} MB (${p.samples} samples every ${p.everyMs / 1000} s), ` +
    `summed PSS ${mb(p.pss)} / private ${mb(p.private)} MB (${p.rollups} samples)`
  );
}
