/**
 * One measured process of the scale bench: run under `/usr/bin/time` (wall, CPU, peak RSS of the
 * largest process), with its processes' summed PSS and private memory sampled (scaleMemory.ts),
 * optionally echoing its stderr lines as they come and optionally cut at a cap, in which case the
 * figures so far are read from /proc before the process group is killed.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { type MemoryPeaks, sampleTree } from "./scaleMemory.ts";

/** What a capped process had done when it was stopped: lower bounds of its figures, and its stderr lines. */
export interface Capped {
  wall: number;
  cpu: number;
  peakBytes: number;
  lines: string[];
}

/** A process's stdout and `/usr/bin/time` line, or, when it ran past its cap, what it had done. */
export interface TimedResult {
  out: string;
  time: string;
  capped?: Capped;
  /** Peaks of the memory summed over the command's processes (time's child and its descendants). */
  memory?: MemoryPeaks;
}

export interface TimedOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Echo each stderr line with this label (a long peer prints a line per model). */
  progress?: string;
  /** Stop the process after this many seconds of wall time. */
  capSeconds?: number;
  /** Sample the summed memory this often (ms; default 100; PSS and private every 5th time). */
  sampleMs?: number;
}

const clock = () => new Date().toISOString().slice(11, 16);

/** CPU seconds (its own and its reaped children's) and peak RSS of one process, from /proc (Linux). */
function procFigures(pid: number): { cpu: number; peakBytes: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name: state is [0], utime [11], stime [12], cutime [13], cstime [14].
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return { cpu: ticks / 100, peakBytes: hwm ? Number(hwm[1]) * 1024 : Number.NaN };
  } catch {
    return { cpu: Number.NaN, peakBytes: Number.NaN };
  }
}

/** The measured command's figures: `/usr/bin/time`'s child (the command), read before the kill. */
function childFigures(timePid: number): { cpu: number; peakBytes: number } {
  try {
    const kids = readFileSync(`/proc/${timePid}/task/${timePid}/children`, "utf8").trim().split(/\s+/);
    return procFigures(Number(kids[0]));
  } catch {
    return { cpu: Number.NaN, peakBytes: Number.NaN };
  }
}

/** Runs `cmd args` under `/usr/bin/time`; rejects when it fails (not when it is capped). */
export function timed(cmd: string, args: string[], opts: TimedOptions): Promise<TimedResult> {
  const started = Date.now();
  const lines: string[] = [];
  let partial = "";
  let capped: Capped | undefined;
  let sampler: { stop(): MemoryPeaks } | undefined;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const child = execFile(
      "/usr/bin/time",
      ["-f", "TIME %e %U %S %M", cmd, ...args],
      {
        cwd: opts.cwd,
        env: { ...process.env, ...opts.env },
        encoding: "utf8",
        maxBuffer: 1 << 26,
        // Its own process group, so that a cap stops the command, not only /usr/bin/time
        // (execFile passes the option on to spawn; its type leaves it out).
        ...({ detached: opts.capSeconds !== undefined } as object),
      },
      (err, stdout, stderr) => {
        clearTimeout(timer);
        const memory = sampler?.stop();
        if (capped) return resolve({ out: stdout, time: "", capped, memory });
        const time = stderr.split("\n").find((l) => l.startsWith("TIME ")) ?? "";
        if (err) reject(new Error(`${cmd} ${args.join(" ")} failed: ${stderr.slice(-2000) || err.message}`));
        else resolve({ out: stdout, time, memory });
      },
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        if (!line.trim() || line.startsWith("TIME ")) continue;
        lines.push(line);
        if (opts.progress !== undefined) console.error(`  ${opts.progress}: ${line} (${clock()} UTC)`);
      }
    });
    const pid = child.pid;
    if (pid !== undefined) sampler = sampleTree(pid, opts.sampleMs ?? 100);
    if (opts.capSeconds !== undefined && pid !== undefined)
      timer = setTimeout(() => {
        capped = { wall: (Date.now() - started) / 1000, ...childFigures(pid), lines };
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // Already gone: the callback resolves with what it had.
        }
      }, opts.capSeconds * 1000);
  });
}

/** `/usr/bin/time -f "TIME %e %U %S %M"`'s line as wall seconds, CPU seconds and peak bytes. */
export function parseTime(line: string): { wall: number; cpu: number; peakBytes: number } {
  const [, wall, user, sys, kb] = line.split(" ");
  return { wall: Number(wall), cpu: Number(user) + Number(sys), peakBytes: Number(kb) * 1024 };
}
