/**
 * Section "CSV reading": on the seeded ~150 MB file, (a) the byte tokenizer alone with a no-op
 * sink, (b) the full path bytes -> typed Frame through readCsv, (e) the uDSV tokenizer alone
 * (streamed, decoded, string arrays to a no-op row handler: issue 16's peer), (c) peak memory of
 * (b) in a child process, (d) PapaParse streaming the same file (fields only).
 *
 * (a), (b) and (e) each run in fresh child processes (csvReadChild.ts), taking turns: a process's
 * first read is the cold one (what a user's one import costs: JIT tiers, a small young generation,
 * an allocator that has given out no big block yet), its later reads are warm. Both sides start
 * cold alike; in one process the contender that ran second found the heap and the allocator
 * warmed by the first (the 0.61x "first round" of an earlier bench was partly that). CPU time
 * (every thread of the child, GC helpers included) is the steadier figure on a loaded machine.
 */
import { execFile } from "node:child_process";
import { createReadStream, statSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { BENCH_ROWS, benchCsv } from "./generateCsv.ts";
import { type BenchRow, fixed } from "./table.ts";

const CHUNK = 1 << 20;
const MB = 1e6;
/** Fresh processes per contender, and reads per process (the first cold, the rest warm). */
const PROCESSES = 2;
const ROUNDS = 3;

/** Best wall time of `runs` runs (the first also warms the JIT up). */
async function best(runs: number, f: () => Promise<void>): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, (performance.now() - t0) / 1000);
  }
  return min;
}

type Contender = "frame" | "tokenizer" | "udsv";

/** One read in a child: wall and CPU seconds. */
interface Read {
  wall: number;
  user: number;
  sys: number;
}

/** A contender's best cold read (first of a process) and best warm read (any later one), by CPU. */
interface Timing {
  cold: Read;
  warm: Read;
  rows: number;
}

const cpu = (r: Read) => r.user + r.sys;

function readInChild(
  which: Contender,
  path: string,
  rounds: number,
): Promise<{ rows: number; rounds: Read[] }> {
  const child = fileURLToPath(new URL("./csvReadChild.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", child, which, path, String(rounds)],
      { maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${which} child failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
      },
    );
  });
}

/** Fresh processes for each contender, taking turns; the best cold and best warm read of each. */
async function coldAndWarm(path: string, contenders: Contender[]): Promise<Map<Contender, Timing>> {
  const out = new Map<Contender, Timing>();
  const byCpu = (a: Read, b: Read) => (cpu(b) < cpu(a) ? b : a);
  for (let p = 0; p < PROCESSES; p++) {
    for (const which of contenders) {
      const { rows, rounds } = await readInChild(which, path, ROUNDS);
      const [cold, ...warm] = rounds;
      const was = out.get(which);
      const bestWarm = warm.reduce(byCpu);
      out.set(which, {
        rows,
        cold: was ? byCpu(was.cold, cold) : cold,
        warm: was ? byCpu(was.warm, bestWarm) : bestWarm,
      });
    }
  }
  return out;
}

function papaFields(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(path, { highWaterMark: CHUNK }) as unknown as File, {
      delimiter: ",",
      chunk: (results: Papa.ParseResult<string[]>) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: (err: Error) => reject(err),
    });
  });
}

interface MemoryResult {
  baselineBytes: number;
  peakBytes: number;
  maxRssBytes: number;
  rows: number;
  seconds: number;
}

function memoryInChild(path: string): Promise<MemoryResult> {
  const child = fileURLToPath(new URL("./csvMemoryChild.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", "--import", "tsx", child, path],
      { maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`memory child failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
      },
    );
  });
}

/** Runs the section; `rows` shrinks the file for a quick look. */
export async function benchCsvRead(rows = BENCH_ROWS): Promise<BenchRow[]> {
  const path = await benchCsv(rows);
  const size = statSync(path).size;
  const mbps = (seconds: number) => fixed(size / MB / seconds);

  const loadBefore = loadavg()[0];
  const timings = await coldAndWarm(path, ["frame", "udsv", "tokenizer"]);
  const full = timings.get("frame")!;
  const udsv = timings.get("udsv")!;
  const raw = timings.get("tokenizer")!;
  const memory = await memoryInChild(path);
  let papaRows = 0;
  const papa = await best(2, async () => {
    papaRows = await papaFields(path);
  });
  const load = `load average ${fixed(loadBefore)} before, ${fixed(loadavg()[0])} after`;
  if (raw.rows !== rows + 1 || full.rows !== rows || udsv.rows !== rows || papaRows !== rows + 1) {
    throw new Error(
      `row counts disagree: tokenizer ${raw.rows}, frame ${full.rows}, udsv ${udsv.rows}, papaparse ${papaRows}`,
    );
  }
  const grown = memory.peakBytes - memory.baselineBytes;
  return [
    { measure: "file", value: fixed(size / MB), unit: "MB", note: `${rows} rows x 20 columns, ${path}` },
    ...readRows("(a) tokenizer alone", raw, "no-op sink, includes the number scan", size),
    ...readRows("(b) readCsv -> Frame", full, "typed columns, levels, inference", size),
    ...readRows("(e) uDSV tokenizer alone", udsv, "streamed, decoded, string arrays", size),
    {
      measure: "(b)/(e) cold, vs uDSV cold",
      value: fixed(cpu(udsv.cold) / cpu(full.cold), 2),
      unit: "x",
      note: `CPU; wall ${fixed(udsv.cold.wall / full.cold.wall, 2)}x; goal >= 0.80; ${load}`,
    },
    {
      measure: "(b)/(e) warm, vs uDSV warm",
      value: fixed(cpu(udsv.warm) / cpu(full.warm), 2),
      unit: "x",
      note: `CPU; wall ${fixed(udsv.warm.wall / full.warm.wall, 2)}x; goal >= 0.80`,
    },
    {
      measure: "(c) peak RSS growth",
      value: fixed(grown / MB),
      unit: "MB",
      note: `over ${fixed(memory.baselineBytes / MB)} MB baseline`,
    },
    { measure: "(c) as file multiple", value: fixed(grown / size, 2), unit: "x", note: "goal <= 2" },
    {
      measure: "(c) process max RSS",
      value: fixed(memory.maxRssBytes / MB),
      unit: "MB",
      note: "whole child, from the OS",
    },
    {
      measure: "(d) PapaParse fields",
      value: mbps(papa),
      unit: "MB/s",
      note: `${fixed(papa, 2)} s; streaming, no typing`,
    },
  ];
}

/** A contender's cold and warm rows: MB per CPU second (the steady figure), wall beside it. */
function readRows(measure: string, t: Timing, what: string, size: number): BenchRow[] {
  const row = (kind: string, r: Read): BenchRow => ({
    measure: `${measure}, ${kind}`,
    value: fixed(size / MB / cpu(r)),
    unit: "MB/CPU s",
    note: `${fixed(cpu(r), 2)} CPU s (${fixed(r.user, 2)} user, ${fixed(r.sys, 2)} sys), ${fixed(r.wall, 2)} s wall (${fixed(size / MB / r.wall)} MB/s)${kind === "cold" ? `; ${what}` : ""}`,
  });
  return [row("cold", t.cold), row("warm", t.warm)];
}
