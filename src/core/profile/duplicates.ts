import type { Column, Frame } from "../data/frame.ts";

/**
 * Rows that repeat an earlier row in every compared column (pandas `DataFrame.duplicated().sum()`
 * over those columns).
 */
export interface DuplicateSummary {
  count: number;
  /** count / rows. */
  share: number;
  /** Up to 5 duplicated rows (0-based), each with the earlier row it repeats. */
  examples: { row: number; sameAs: number }[];
  /** Columns left out of the comparison (identifiers: a row number makes every row unique). */
  ignored: string[];
}

const MAX_EXAMPLES = 5;

/**
 * Hashes every row into 64 bits (two 32-bit multiplicative hashes over the column values, walked
 * column by column for cache-friendly access), then confirms each hash match by comparing the rows,
 * so a hash collision never counts as a duplicate. Missing equals missing, and -0 equals 0.
 */
export function findDuplicateRows(
  frame: Frame,
  opts: { ignore?: ReadonlySet<string>; signal?: AbortSignal } = {},
): DuplicateSummary {
  const { signal } = opts;
  const n = frame.rows;
  const cols = frame.columns.filter((c) => !opts.ignore?.has(c.name));
  const ignored = frame.columns.filter((c) => opts.ignore?.has(c.name)).map((c) => c.name);
  if (n === 0 || cols.length === 0) return { count: 0, share: 0, examples: [], ignored };
  const h1 = new Uint32Array(n).fill(0x811c9dc5);
  const h2 = new Uint32Array(n).fill(0x2545f491);
  for (const col of cols) {
    signal?.throwIfAborted();
    hashColumn(col, h1, h2);
  }
  // Open addressing over row numbers: a slot holds row + 1; probing goes on past rows whose hash
  // or values differ, so a collision only costs a comparison.
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size);
  let count = 0;
  const examples: DuplicateSummary["examples"] = [];
  for (let r = 0; r < n; r++) {
    const a = h1[r];
    const b = h2[r];
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const f = table[slot] - 1;
      if (f < 0) {
        table[slot] = r + 1;
        break;
      }
      if (h1[f] === a && h2[f] === b && rowsEqual(cols, f, r)) {
        count++;
        if (examples.length < MAX_EXAMPLES) examples.push({ row: r, sameAs: f });
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { count, share: count / n, examples, ignored };
}

function mix(h: number, v: number, m: number): number {
  h = Math.imul(h ^ v, m);
  return h ^ (h >>> 15);
}

function hashColumn(col: Column, h1: Uint32Array, h2: Uint32Array): void {
  const n = h1.length;
  const data = col.data;
  if (data.type === "dict") {
    const codes = data.codes;
    for (let r = 0; r < n; r++) {
      const c = codes[r];
      h1[r] = mix(h1[r], c, 0x9e3779b1);
      h2[r] = mix(h2[r], c, 0x85ebca6b);
    }
    return;
  }
  const values = data.values;
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let r = 0; r < n; r++) {
    const x = values[r];
    let lo = 0;
    let hi = 0;
    if (Number.isNaN(x)) hi = 0x7ff80000;
    else if (x !== 0) {
      lo = words[2 * r];
      hi = words[2 * r + 1];
    }
    h1[r] = mix(mix(h1[r], lo, 0x9e3779b1), hi, 0xc2b2ae35);
    h2[r] = mix(mix(h2[r], hi, 0x85ebca6b), lo, 0x27d4eb2f);
  }
}

function rowsEqual(cols: Column[], a: number, b: number): boolean {
  for (const col of cols) {
    const data = col.data;
    if (data.type === "dict") {
      if (data.codes[a] !== data.codes[b]) return false;
    } else {
      const x = data.values[a];
      const y = data.values[b];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
  }
  return true;
}
