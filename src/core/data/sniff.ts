/**
 * Guesses made from the first bytes of a file: delimiter, decimal separator, and whether the bytes
 * are text at all. Each works on a byte sample so no whole-file string is ever made.
 */
import { ParseError } from "../errors.ts";
import type { Delimiter } from "./csvTypes.ts";
import { CR, LF, QUOTE } from "./tokenizer.ts";

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t", "|"];
const SNIFF_RECORDS = 50;

/**
 * Field counts of the first records (quote-aware, blank lines skipped). The last record is left
 * out unless the sample is the whole file, since a chunk may cut it short.
 */
export function fieldCounts(sample: Uint8Array, delimiter: string, isWholeFile: boolean): number[] {
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  let inQuote = false;
  let fields = 1;
  let empty = true;
  for (let i = 0; i < sample.length && counts.length < SNIFF_RECORDS; i++) {
    const c = sample[i];
    if (c === QUOTE) {
      inQuote = !inQuote;
      empty = false;
    } else if (inQuote) {
    } else if (c === d) {
      fields++;
      empty = false;
    } else if (c === LF || c === CR) {
      if (!empty) counts.push(fields);
      fields = 1;
      empty = true;
    } else if (c !== 0x20) {
      empty = false;
    }
  }
  if (isWholeFile && !empty && counts.length < SNIFF_RECORDS) counts.push(fields);
  return counts;
}

/**
 * Picks the delimiter whose field count is most consistent (and > 1) over the first ~50 records;
 * ties go to the one giving more fields, then to the order comma, semicolon, tab, pipe.
 * A file where none splits the header is a valid single-column file (comma).
 */
export function sniffDelimiter(sample: Uint8Array, isWholeFile: boolean): Delimiter {
  let best: Delimiter = ",";
  let bestScore = 0;
  let bestFields = 1;
  for (const d of CANDIDATES) {
    let counts = fieldCounts(sample, d, isWholeFile);
    if (counts.length === 0) counts = fieldCounts(sample, d, true);
    if (counts.length === 0) continue;
    const header = counts[0];
    if (header <= 1) continue;
    // Share of records agreeing with the header, which is what the reader will expect.
    let agree = 0;
    for (const c of counts) if (c === header) agree++;
    const score = agree / counts.length;
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && header > bestFields)) {
      best = d;
      bestScore = score;
      bestFields = header;
    }
  }
  return best;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Decimal separator for a file: "," when numbers in the sample are written like "3,14" or
 * "1.234,5" and never like "3.14". Only possible when the delimiter is not a comma; a semicolon
 * file with no evidence either way gets "," (the usual European export).
 */
export function sniffDecimal(sample: Uint8Array, delimiter: Delimiter): "." | "," {
  if (delimiter === ",") return ".";
  const d = delimiter.charCodeAt(0);
  let commaVotes = 0;
  let dotVotes = 0;
  let start = 0;
  const n = sample.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? sample[i] : LF;
    if (c !== d && c !== LF && c !== CR) continue;
    const vote = numberStyle(sample, start, i);
    if (vote === 1) commaVotes++;
    else if (vote === 2) dotVotes++;
    start = i + 1;
  }
  if (delimiter === ";") return dotVotes > commaVotes ? "." : ",";
  return commaVotes > dotVotes ? "," : ".";
}

/**
 * 1 if the bytes look like a decimal-comma number ("3,14", "1.234,5"), 2 if like a decimal-point
 * number ("3.14", not "1.234" which reads either way), 0 otherwise.
 */
function numberStyle(s: Uint8Array, start: number, end: number): number {
  if (start < end && s[start] === QUOTE && s[end - 1] === QUOTE) {
    start++;
    end--;
  }
  if (start < end && (s[start] === 0x2d || s[start] === 0x2b)) start++;
  let digits = 0;
  let commas = 0;
  let dots = 0;
  let afterLast = 0;
  for (let i = start; i < end; i++) {
    const c = s[i];
    if (isDigit(c)) {
      digits++;
      afterLast++;
    } else if (c === 0x2c) {
      commas++;
      afterLast = 0;
    } else if (c === 0x2e) {
      dots++;
      afterLast = 0;
    } else return 0;
  }
  if (digits === 0) return 0;
  if (commas === 1 && afterLast > 0 && s[end - 1 - afterLast] === 0x2c) return 1;
  if (dots === 1 && commas === 0 && afterLast !== 3) return 2;
  return 0;
}

/**
 * Throws ParseError when the sample is clearly not a text table: NUL bytes near the start, or
 * more than 2% control bytes other than tab, line breaks, form feed and escape.
 */
export function checkText(sample: Uint8Array): void {
  const n = Math.min(sample.length, 1 << 16);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = sample[i];
    if (c === 0 && i < 1024) control += n; // one NUL in the first KiB is enough
    if (c < 0x20 && c !== 0x09 && c !== LF && c !== CR && c !== 0x0c && c !== 0x1b) control++;
  }
  if (control > n * 0.02) throw new ParseError("This looks like a binary file, not a text table.");
}

/** True when the sample holds nothing but whitespace. */
export function isBlank(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c !== 0x20 && c !== 0x09 && c !== LF && c !== CR && c !== 0x0c && c !== 0x0b) return false;
  }
  return true;
}
