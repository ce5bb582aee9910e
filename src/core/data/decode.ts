/**
 * Turning field bytes into strings, and whole-stream transcoding. Only field bytes are ever decoded
 * (never the file), with an ASCII fast path; bytes that are not UTF-8 fall back to windows-1252 so
 * a file from an old spreadsheet reads as the text its author saw instead of U+FFFD marks.
 */
import type { Encoding } from "./csvTypes.ts";
import { QUOTE } from "./tokenizer.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** windows-1252 code points for bytes 0x80-0x9F; the five unassigned bytes map to C1 controls (as WHATWG). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes bytes as windows-1252 (latin-1 plus the 0x80-0x9F punctuation). */
export function decodeWindows1252(buf: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) {
    const b = buf[i];
    s += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b);
  }
  return s;
}

/** ASCII bytes to a string; short fields are built directly, which beats TextDecoder's call cost. */
function decodeAscii(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 24) {
    let s = "";
    for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
    return s;
  }
  let s = "";
  // apply() on bounded slices: fast, and under the engines' argument limits.
  for (let i = start; i < end; i += 4096) {
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return s;
}

/** Result of `decodeField`: the text and whether the bytes were valid UTF-8. */
export interface Decoded {
  text: string;
  /** False when the bytes were not UTF-8 and were read as windows-1252. */
  utf8: boolean;
}

const decoded: Decoded = { text: "", utf8: true };

/**
 * Decodes `buf[start..end)`. With `encoding` windows-1252 non-ASCII bytes are read as such;
 * otherwise as UTF-8, falling back to windows-1252 for invalid bytes. `utf8` is false whenever
 * non-ASCII bytes were read as windows-1252.
 * Returns a shared object: read it before the next call.
 */
export function decodeField(buf: Uint8Array, start: number, end: number, encoding: Encoding): Decoded {
  decoded.utf8 = true;
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (buf[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) decoded.text = decodeAscii(buf, start, end);
  else if (encoding === "windows-1252") {
    decoded.text = decodeWindows1252(buf, start, end);
    decoded.utf8 = false;
  } else {
    try {
      decoded.text = utf8.decode(buf.subarray(start, end));
    } catch {
      decoded.text = decodeWindows1252(buf, start, end);
      decoded.utf8 = false;
    }
  }
  return decoded;
}

/**
 * Collapses a raw quoted field (`"ab""c"`, or lenient `"ab"cd`) into `out`; returns the length.
 * The first byte is the opening quote; a doubled quote is one quote; a lone quote closes.
 */
export function unescapeQuoted(buf: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let k = 0;
  for (let i = start + 1; i < end; i++) {
    const c = buf[i];
    if (c === QUOTE) {
      if (i + 1 < end && buf[i + 1] === QUOTE) {
        out[k++] = QUOTE;
        i++;
      }
    } else out[k++] = c;
  }
  return k;
}

/**
 * True when the sample is clearly not UTF-8: it has invalid sequences and no valid multi-byte ones.
 * A sequence cut off by the end of the sample does not count.
 */
export function looksLikeWindows1252(sample: Uint8Array): boolean {
  let invalid = 0;
  let valid = 0;
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const b = sample[i];
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      continue;
    }
    if (i + len > n) break;
    let ok = true;
    for (let k = 1; k < len; k++) if ((sample[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += len - 1;
    } else invalid++;
  }
  return invalid > 0 && valid === 0;
}

/** Byte-order mark at the start of a file: its encoding and length. */
export function detectBom(head: Uint8Array): { encoding: Encoding; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: "utf-8", length: 3 };
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: ASCII text shows as a NUL in every other byte. Checked on the first bytes
 * before the binary test, which NULs would otherwise fail.
 */
export function detectBomlessUtf16(head: Uint8Array): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.7 && evenNul === 0) return "utf-16le";
  if (evenNul > pairs * 0.7 && oddNul === 0) return "utf-16be";
  return null;
}

/** Streams UTF-16 chunks to UTF-8 bytes, carrying split code units across chunk boundaries. */
export function makeUtf16Transcoder(
  encoding: "utf-16le" | "utf-16be",
): (chunk: Uint8Array, last: boolean) => Uint8Array {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const encoder = new TextEncoder();
  return (chunk, last) => encoder.encode(decoder.decode(chunk, { stream: !last }));
}
