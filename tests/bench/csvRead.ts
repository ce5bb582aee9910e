/**
 * Section "CSV reading": on the seeded ~150 MB file, (a) the byte tokenizer alone with a no-op
 * sink, (b) the full path bytes -> typed Frame through readCsv, (c) peak memory of (b) in a child
 * process, (d) PapaParse streaming the same file (fields only) as a peer.
 */
import { execFile } from "node:child_process";
import { createReadStream, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
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

  let records = 0;
  const raw = await best(3, async () => {
    records = await tokenizeOnly(path);
  });
  let frameRows = 0;
  const full = await best(3, async () => {
    frameRows = await readFrame(path);
  });
  const memory = await memoryInChild(path);
  let papaRows = 0;
  const papa = await best(2, async () => {
    papaRows = await papaFields(path);
  });
  if (records !== rows + 1 || frameRows !== rows || papaRows !== rows + 1) {
    throw new Error(`row counts disagree: tokenizer ${records}, frame ${frameRows}, papaparse ${papaRows}`);
  }
  const grown = memory.peakBytes - memory.baselineBytes;
  return [
    { measure: "file", value: fixed(size / MB), unit: "MB", note: `${rows} rows x 20 columns, ${path}` },
    {
      measure: "(a) tokenizer alone",
      value: mbps(raw),
      unit: "MB/s",
      note: `${fixed(raw, 2)} s; no-op sink, includes the number scan`,
    },
    { measure: "(b) readCsv -> Frame", value: mbps(full), unit: "MB/s", note: `${fixed(full, 2)} s` },
    { measure: "(b)/(a) ratio", value: fixed(raw / full, 2), unit: "x", note: "goal >= 0.70" },
    {
      measure: "(c) peak RSS growth",
      value: fixed(grown / MB),
      unit: "MB",
      note: `over ${fixed(memory.baselineBytes / MB)} MB baseline`,
    },
    { measure: "(c) as file multiple", value: fixed(grown / size, 2), unit: "x", note: "goal <= 3" },
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
