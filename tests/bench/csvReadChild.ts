/**
 * Child process for the CSV timings: one contender reads the file `rounds` times in a fresh
 * process, so its first round is cold (JIT tiers, an empty heap and a young generation at its
 * smallest, an allocator that has handed out no big block yet) for ours and the peer alike, and
 * the later rounds are warm. Usage: `csvReadChild.ts <frame|tokenizer|udsv> <file> <rounds>`.
 * Prints one JSON line: {rows, rounds: [{wall, user, sys}]} (seconds; CPU of every thread).
 */
import { createReadStream, statSync } from "node:fs";
import { inferSchema, initParser, type Parser } from "udsv";
import { readCsv } from "../../src/core/data/readCsv.ts";
import { Tokenizer } from "../../src/core/data/tokenizer.ts";

const CHUNK = 1 << 20;

/** Our byte tokenizer alone with a no-op sink (it still finds every field and scans numbers). */
async function tokenizeOnly(path: string): Promise<number> {
  let records = 0;
  const tokenizer = new Tokenizer(",", {
    records(_buf, batch) {
      records += batch.records;
    },
  });
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) tokenizer.push(chunk);
  tokenizer.end();
  return records;
}

/** The whole path: bytes to a typed Frame through readCsv. */
async function readFrame(path: string): Promise<number> {
  const { frame } = await readCsv(createReadStream(path, { highWaterMark: CHUNK }), {
    totalBytes: statSync(path).size,
  });
  return frame.rows;
}

/**
 * uDSV's streaming tokenizer (issue 16's peer): each chunk decoded (uDSV reads strings), rows as
 * string arrays handed to a no-op handler, nothing kept.
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

const CONTENDERS: Record<string, (path: string) => Promise<number>> = {
  frame: readFrame,
  tokenizer: tokenizeOnly,
  udsv: udsvFields,
};

const [which, file, roundsArg] = process.argv.slice(2);
const run = CONTENDERS[which];
if (!run || !file)
  throw new Error(`usage: csvReadChild.ts <${Object.keys(CONTENDERS).join("|")}> <file> <rounds>`);
const rounds: { wall: number; user: number; sys: number }[] = [];
let rows = 0;
for (let r = 0; r < Number(roundsArg ?? 1); r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  rows = await run(file);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  rounds.push({ wall, user: c.user / 1e6, sys: c.system / 1e6 });
}
console.log(JSON.stringify({ rows, rounds }));
