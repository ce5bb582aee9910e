/**
 * Reads a CSV byte stream into a typed, columnar Frame.
 *
 * Bytes flow chunk by chunk: the first ~64 KiB are examined (encoding, binary check, delimiter,
 * decimal separator), then every chunk goes through the byte tokenizer into per-column builders.
 * No whole-file string and no row objects are ever made.
 */
import { ParseError } from "../errors.ts";
import type { Progress } from "../progress.ts";
import { iterateBytes, textChunks } from "./byteSource.ts";
import type { ByteSource, CsvResult, Encoding, ReadCsvOptions } from "./csvTypes.ts";
import { detectBom, detectBomlessUtf16, looksLikeWindows1252, makeUtf16Transcoder } from "./decode.ts";
import { ProblemLog } from "./problems.ts";
import { RecordAssembler } from "./recordAssembler.ts";
import { checkText, isBlank, sniffDecimal, sniffDelimiter } from "./sniff.ts";
import { Tokenizer } from "./tokenizer.ts";

/** Bytes examined before the delimiter and encoding are decided. */
const SNIFF_BYTES = 1 << 16;

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Drops the first `n` bytes from a list of chunks (a BOM that may be split over tiny chunks). */
function skipBytes(parts: Uint8Array[], n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const p of parts) {
    if (n >= p.length) {
      n -= p.length;
      continue;
    }
    out.push(n > 0 ? p.subarray(n) : p);
    n = 0;
  }
  return out;
}

/** Progress at most every 100 ms, whether or not the total size is known. */
function makeReporter(onProgress: ((p: Progress) => void) | undefined, total: number) {
  let last = Number.NEGATIVE_INFINITY;
  return (done: number, rows: number, final: boolean) => {
    if (!onProgress) return;
    const now = Date.now();
    if (!final && now - last < 100) return;
    last = now;
    onProgress({ phase: "read", done, total, metrics: { rows } });
  };
}

/**
 * Reads a CSV from a stream of bytes (`File.stream()`, `fs.createReadStream`).
 * Throws ParseError when the bytes are not a table (empty, blank, binary, header only), and the
 * signal's reason when aborted. Row-level oddities are listed in `report.problems`.
 */
export async function readCsv(source: ByteSource, opts: ReadCsvOptions = {}): Promise<CsvResult> {
  const signal = opts.signal;
  signal?.throwIfAborted();
  const report = makeReporter(opts.onProgress, opts.totalBytes ?? 0);
  const chunks = iterateBytes(source);
  try {
    // Collect the head, keeping the chunks as they came so tiny chunks still reach the tokenizer
    // one by one.
    const parts: Uint8Array[] = [];
    let headLength = 0;
    let ended = false;
    while (headLength < SNIFF_BYTES) {
      const r = await chunks.next();
      if (r.done) {
        ended = true;
        break;
      }
      signal?.throwIfAborted();
      if (r.value.length === 0) continue;
      parts.push(r.value);
      headLength += r.value.length;
    }
    let bytes = headLength;
    if (bytes === 0) throw new ParseError("The file is empty.");
    const head = concat(parts, headLength);

    let encoding: Encoding = "utf-8";
    let bodyParts = parts;
    let transcode: ((chunk: Uint8Array, last: boolean) => Uint8Array) | null = null;
    let sample = head;
    const bom = detectBom(head);
    const utf16 = bom ? (bom.encoding === "utf-8" ? null : bom.encoding) : detectBomlessUtf16(head);
    if (bom) {
      bodyParts = skipBytes(parts, bom.length);
      sample = head.subarray(bom.length);
    }
    if (utf16 === "utf-16le" || utf16 === "utf-16be") {
      encoding = utf16;
      transcode = makeUtf16Transcoder(utf16);
      sample = makeUtf16Transcoder(utf16)(sample, ended);
    }
    checkText(sample);
    if (ended && isBlank(sample)) {
      throw new ParseError(sample.length === 0 ? "The file is empty." : "The file contains only whitespace.");
    }
    if (!transcode && looksLikeWindows1252(sample)) encoding = "windows-1252";
    const delimiter = opts.delimiter ?? sniffDelimiter(sample, ended);
    const decimal = opts.decimal ?? sniffDecimal(sample, delimiter);

    const problems = new ProblemLog(opts.maxProblems ?? 100);
    const assembler = new RecordAssembler({
      raggedRows: opts.raggedRows ?? "keep",
      decimalComma: decimal === ",",
      encoding: encoding === "windows-1252" ? "windows-1252" : "utf-8",
      problems,
      shared: opts.shared,
    });
    const tokenizer = new Tokenizer(delimiter, assembler, { decimal });
    const feed = (chunk: Uint8Array, last: boolean) => {
      const utf8 = transcode ? transcode(chunk, last) : chunk;
      if (utf8.length > 0) tokenizer.push(utf8);
    };

    // With the file's size known, its rows are guessed from the bytes per row so far (the columns
    // size their storage by it, and look at it only when their first block of 64 Ki values is full).
    const total = opts.totalBytes ?? 0;
    const estimate = () => {
      if (total > bytes && assembler.rows > 0)
        assembler.expectRows(Math.ceil((assembler.rows * total) / bytes));
    };
    for (let i = 0; i < bodyParts.length; i++) feed(bodyParts[i], ended && i === bodyParts.length - 1);
    report(bytes, assembler.rows, false);
    while (!ended) {
      signal?.throwIfAborted();
      estimate();
      const r = await chunks.next();
      if (r.done) break;
      bytes += r.value.length;
      feed(r.value, false);
      report(bytes, assembler.rows, false);
    }
    if (transcode && !ended) feed(new Uint8Array(0), true);
    tokenizer.end();
    signal?.throwIfAborted();

    if (!assembler.hasHeader) throw new ParseError("The file contains only whitespace.");
    const frame = assembler.finish(opts.kinds);
    if (frame.rows === 0) {
      throw new ParseError(
        assembler.dropped > 0
          ? "Every data row has the wrong number of fields, so none were kept."
          : "The file has a header row but no data rows.",
      );
    }
    report(bytes, frame.rows, true);
    return {
      frame,
      report: {
        rows: frame.rows,
        bytes,
        delimiter,
        decimal,
        encoding,
        problems: problems.list(),
        problemCounts: { ...problems.counts },
        droppedRows: assembler.dropped,
      },
    };
  } finally {
    await chunks.return(undefined);
  }
}

/** `readCsv` for text already in memory (pasted text, tests). */
export function readCsvText(text: string, opts?: ReadCsvOptions): Promise<CsvResult> {
  return readCsv(textChunks(text), opts);
}
