/**
 * Section "CSV reading": on the seeded ~150 MB file, (a) the byte tokenizer alone with a no-op
 * sink, (b) the full path bytes -> typed Frame through readCsv, (e) the uDSV tokenizer alone
 * (streamed, decoded, string arrays to a no-op row handler: issue 16's peer), taking turns with
 * (a) and (b) round by round, (c) peak memory of (b) in a child process, (d) PapaParse streaming
 * the same file (fields only). Each contender's best wall time and best CPU time (process CPU,
 * GC threads included) are shown: on a loaded machine the CPU time is the steadier figure.
 */
import { execFile } from "node:child_process";
import { createReadStream, statSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { inferSchema, initParser, type Parser } from "udsv";
import { readCsv } from "../../src/core/data/readCsv.ts";
import { Tokenizer } from "../../src/core/data/tokenizer.ts";
import { BENCH_ROWS, benchCsv } from "./generateCsv.ts";
import { type BenchRow, fixed } from "./table.ts";

const CHUNK = 1 << 20;
const MB = 1e6;

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

/** Best wall and best CPU seconds of one contender over the rounds, and its first round's CPU. */
interface Timing {
  wall: number;
  cpu: number;
  firstCpu: number;
}

/**
 * Runs the contenders in turn, `rounds` times. The first round warms the JIT up, and the later
 * ones also find the allocator holding memory freed before (fewer page faults), so the best of
 * several rounds is the steady figure; the first round's is shown beside it.
 */
async function takingTurns(rounds: number, fs: (() => Promise<void>)[]): Promise<Timing[]> {
  const out = fs.map(() => ({ wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY, firstCpu: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < fs.length; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fs[k]();
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1e6;
      if (r === 0) out[k].firstCpu = cpu;
      out[k].wall = Math.min(out[k].wall, wall);
      out[k].cpu = Math.min(out[k].cpu, cpu);
    }
  }
  return out;
}

async function tokenizeOnly(path: string): Promise<number> {
  let records = 0;
  // A no-op sink: the tokenizer still finds and stores every field of every record.
  const tokenizer = new Tokenizer(",", {
    records(_buf, batch) {
      records += batch.records;
    },
  });
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) tokenizer.push(chunk);
  tokenizer.end();
  return records;
}

async function readFrame(path: string): Promise<number> {
  const { frame } = await readCsv(createReadStream(path, { highWaterMark: CHUNK }), {
    totalBytes: statSync(path).size,
  });
  return frame.rows;
}

/**
 * uDSV's streaming tokenizer: each chunk decoded (uDSV reads strings), rows as string arrays
 * handed to a no-op handler, nothing kept.
 */
async function udsvFields(path: string): Promise<number> {
  const decoder = new TextDecoder();
  let parser: Parser | null = null;
  let rows = 0;
  const onRow = () => {
    rows++;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const text = decoder.decode(chunk, { stream: true });
    parser ??= initParser(inferSchema(text));
    parser.chunk<string[]>(text, parser.stringArrs, onRow);
  }
  parser?.end();
  return rows;
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
  let records = 0;
  let frameRows = 0;
  let udsvRows = 0;
  const [raw, full, udsv] = await takingTurns(5, [
    async () => {
      records = await tokenizeOnly(path);
    },
    async () => {
      frameRows = await readFrame(path);
    },
    async () => {
      udsvRows = await udsvFields(path);
    },
  ]);
  const memory = await memoryInChild(path);
  let papaRows = 0;
  const papa = await best(2, async () => {
    papaRows = await papaFields(path);
  });
  const load = `load average ${fixed(loadBefore)} before, ${fixed(loadavg()[0])} after`;
  if (records !== rows + 1 || frameRows !== rows || udsvRows !== rows || papaRows !== rows + 1) {
    throw new Error(
      `row counts disagree: tokenizer ${records}, frame ${frameRows}, udsv ${udsvRows}, papaparse ${papaRows}`,
    );
  }
  const grown = memory.peakBytes - memory.baselineBytes;
  return [
    { measure: "file", value: fixed(size / MB), unit: "MB", note: `${rows} rows x 20 columns, ${path}` },
    {
      measure: "(a) tokenizer alone",
      value: mbps(raw.wall),
      unit: "MB/s",
      note: `${fixed(raw.wall, 2)} s, ${fixed(raw.cpu, 2)} CPU s; no-op sink, includes the number scan`,
    },
    {
      measure: "(b) readCsv -> Frame",
      value: mbps(full.wall),
      unit: "MB/s",
      note: `${fixed(full.wall, 2)} s, ${fixed(full.cpu, 2)} CPU s (${mbps(full.cpu)} MB per CPU s); first round ${fixed(full.firstCpu, 2)} CPU s`,
    },
    {
      measure: "(e) uDSV tokenizer alone",
      value: mbps(udsv.wall),
      unit: "MB/s",
      note: `${fixed(udsv.wall, 2)} s, ${fixed(udsv.cpu, 2)} CPU s (${mbps(udsv.cpu)} MB per CPU s); first round ${fixed(udsv.firstCpu, 2)} CPU s; streamed, string arrays`,
    },
    {
      measure: "(b)/(e) speed vs uDSV",
      value: fixed(udsv.wall / full.wall, 2),
      unit: "x",
      note: `best wall; best CPU ${fixed(udsv.cpu / full.cpu, 2)}x, first round's CPU ${fixed(udsv.firstCpu / full.firstCpu, 2)}x; goal >= 0.80; ${load}`,
    },
    { measure: "(b)/(a) ratio", value: fixed(raw.wall / full.wall, 2), unit: "x", note: "wall" },
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
