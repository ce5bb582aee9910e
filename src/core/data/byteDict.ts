/**
 * Dictionary of distinct field values keyed by their bytes: an open-addressing hash table (a
 * word-at-a-time FNV variant, linear probing) over a byte pool. A repeated value is found without
 * decoding it or allocating a string, and even new values stay bytes until `finish`, which decodes
 * the whole pool at once and slices the level strings out of it. This is the job a
 * Map<string, code> would do, minus one or more string allocations per cell.
 */
import type { Encoding } from "./csvTypes.ts";
import { decodeField } from "./decode.ts";
import { hasSpace, type TextSums } from "./textSums.ts";

/** Decodes bytes one char per byte (windows-1252), so char offsets equal byte offsets; null if unsupported. */
const singleByte = (() => {
  try {
    return new TextDecoder("windows-1252");
  } catch {
    return null;
  }
})();

/**
 * For a pool without a single non-ASCII level (so every byte is below 0x80, one char per byte in
 * UTF-8 too): Node's UTF-8 decoder is several times faster than its windows-1252 one, which showed
 * in reading a million-row id column.
 */
const ascii = new TextDecoder("utf-8");

/**
 * The little-endian word of bytes `i .. min(i + 4, end)`, zero-padded (i < end). `view` is a
 * DataView of exactly `buf`: one unaligned load where four bytes can be read, bytes near the end.
 */
export function wordAt(buf: Uint8Array, view: DataView, i: number, end: number): number {
  const rem = end - i;
  if (i + 4 <= buf.length) {
    const w = view.getInt32(i, true);
    return rem >= 4 ? w : w & ((1 << (rem << 3)) - 1);
  }
  let w = 0;
  for (let k = Math.min(rem, 4) - 1; k >= 0; k--) w = (w << 8) | buf[i + k];
  return w;
}

/** The hash: a word-at-a-time FNV variant, seeded with the length, one step per word. */
export const HASH_SEED = 0x811c9dc5;
export const hashStep = (h: number, w: number) => Math.imul(h ^ w, 0x01000193);
/** The hash's murmur-style finish, so the low bits used for the slot depend on every byte. */
export function hashFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Hash of `buf[start..end)`: the length, then one step per (zero-padded) word. */
export function hashBytes(buf: Uint8Array, view: DataView, start: number, end: number): number {
  let h = HASH_SEED ^ (end - start);
  for (let i = start; i < end; i += 4) h = hashStep(h, wordAt(buf, view, i, end));
  return hashFinish(h);
}

/** A DataView of exactly `buf`. */
export function viewOf(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function grownInt32(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

/** Byte-keyed dictionary of one column's distinct values (see the file comment). */
export class ByteDict {
  /** Number of codes. */
  size = 0;
  /** Cells seen per code. */
  counts = new Int32Array(16);
  /** Row (file line) where each code was first seen. */
  firstRows = new Int32Array(16);
  /** Per code: 1 when its bytes were not valid UTF-8 (read as windows-1252). */
  badBytes = new Uint8Array(16);
  /** Code k's bytes are pool[offsets[k] .. offsets[k + 1]) (values are appended in code order). */
  protected offsets = new Int32Array(17);
  protected pool = new Uint8Array(1024);
  protected poolView = viewOf(this.pool);
  /** The last buffer read by `find` or `append`, and its view. */
  private lastBuf: Uint8Array | null = null;
  private lastView = this.poolView;
  /**
   * Open addressing, two ints per slot: the hash and code + 1 (0 = empty). Keeping the hash next
   * to the code means a probe touches one cache line, which matters for id columns with a
   * million distinct values.
   */
  protected table = new Int32Array(128);
  protected mask = 63;
  /** Hash of the bytes passed to the last `find`, reused by `add`. */
  protected lastHash = 0;
  /** The empty slot where that `find` stopped: `add` fills it without probing again. */
  protected lastSlot = 0;
  /** Whether any code so far has `badBytes` set (so the per-cell check can be skipped). */
  protected anyBad = false;
  /** Text of non-ASCII codes, decoded when added (ASCII ones are sliced out in `finish`). */
  private wide = new Map<number, string>();

  /** `slabBytes`: how much of the pool `finish` decodes at once (small values only for tests). */
  constructor(private readonly slabBytes = 1 << 26) {}

  private viewFor(buf: Uint8Array): DataView {
    if (buf !== this.lastBuf) {
      this.lastBuf = buf;
      this.lastView = viewOf(buf);
    }
    return this.lastView;
  }

  /** Code of `buf[start..end)`, or -1 when absent. */
  find(buf: Uint8Array, start: number, end: number): number {
    const h = hashBytes(buf, this.viewFor(buf), start, end);
    this.lastHash = h;
    return this.probe(buf, start, end, h);
  }

  /**
   * Code of the bytes with hash `h`, or -1 when absent; then `lastSlot` is the empty slot where
   * they would go.
   */
  private probe(buf: Uint8Array, start: number, end: number, h: number): number {
    const len = end - start;
    const table = this.table;
    const mask = this.mask;
    const offsets = this.offsets;
    let slot = h & mask;
    for (;;) {
      const entry = table[2 * slot + 1];
      if (entry === 0) {
        this.lastSlot = slot;
        return -1;
      }
      if (table[2 * slot] === h) {
        const code = entry - 1;
        const s = offsets[code];
        if (offsets[code + 1] - s === len) {
          const pool = this.pool;
          let k = 0;
          while (k < len && pool[s + k] === buf[start + k]) k++;
          if (k === len) return code;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Adds the bytes given to the immediately preceding `find` (which returned -1) and returns the
   * code. Non-ASCII bytes are decoded now (as UTF-8, else as windows-1252 when `encoding` says so
   * or they are invalid, which sets `badBytes` for the code).
   */
  add(buf: Uint8Array, start: number, end: number, row: number, encoding: Encoding): number {
    const code = this.append(buf, start, end, row, encoding);
    this.table[2 * this.lastSlot] = this.lastHash;
    this.table[2 * this.lastSlot + 1] = code + 1;
    if (this.size * 2 > this.mask) this.rehash();
    return code;
  }

  /** `add` without the hash table: the bytes get the next code. */
  protected append(buf: Uint8Array, start: number, end: number, row: number, encoding: Encoding): number {
    const code = this.size;
    const len = end - start;
    if (code + 1 === this.offsets.length) this.growCodes();
    const at = this.offsets[code];
    if (at + len > this.pool.length) {
      const pool = new Uint8Array(Math.max(at + len, this.pool.length * 2));
      pool.set(this.pool.subarray(0, at));
      this.pool = pool;
      this.poolView = viewOf(pool);
    }
    // Word by word, noting any byte >= 0x80 on the way (a subarray() per value would be garbage).
    const pool = this.pool;
    const pv = this.poolView;
    const view = this.viewFor(buf);
    let any = 0;
    let k = 0;
    for (; k + 4 <= len; k += 4) {
      const w = view.getInt32(start + k, true);
      pv.setInt32(at + k, w, true);
      any |= w;
    }
    for (; k < len; k++) {
      const c = buf[start + k];
      pool[at + k] = c;
      any |= c;
    }
    this.offsets[code + 1] = at + len;
    this.firstRows[code] = row;
    this.badBytes[code] = 0;
    if ((any & 0x80808080) !== 0) {
      const d = decodeField(buf, start, end, encoding);
      this.wide.set(code, d.text);
      if (!d.utf8) {
        this.badBytes[code] = 1;
        this.anyBad = true;
      }
    }
    this.size = code + 1;
    return code;
  }

  /**
   * Gives equal values one code, the first's, given every code's hash (values may have been added
   * more than once with `append`), and rebuilds the hash table. Codes keep their order of first
   * appearance, so the result is what `add` would have made. Returns the old code -> new code map.
   */
  protected mergeRepeats(hashes: Int32Array): Int32Array {
    const n = this.size;
    const oldOffsets = this.offsets.slice(0, n + 1);
    const oldPool = this.pool;
    const pool = new Uint8Array(oldPool.length);
    const { offsets, counts, firstRows, badBytes } = this;
    let slots = 64;
    while (slots <= 2 * n) slots *= 2;
    const table = new Int32Array(2 * slots);
    const mask = slots - 1;
    const remap = new Int32Array(n);
    const wide = new Map<number, string>();
    // Kept codes move down (next <= c), so reading index c after writing index next is safe.
    let next = 0;
    for (let c = 0; c < n; c++) {
      const h = hashes[c];
      const s = oldOffsets[c];
      const len = oldOffsets[c + 1] - s;
      let slot = h & mask;
      let found = -1;
      for (; table[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
        const k = table[2 * slot + 1] - 1;
        if (table[2 * slot] !== h || offsets[k + 1] - offsets[k] !== len) continue;
        let j = 0;
        while (j < len && pool[offsets[k] + j] === oldPool[s + j]) j++;
        if (j === len) {
          found = k;
          break;
        }
      }
      if (found >= 0) {
        remap[c] = found;
        counts[found] += counts[c];
        continue;
      }
      pool.set(oldPool.subarray(s, s + len), offsets[next]);
      offsets[next + 1] = offsets[next] + len;
      counts[next] = counts[c];
      firstRows[next] = firstRows[c];
      badBytes[next] = badBytes[c];
      const text = this.wide.get(c);
      if (text !== undefined) wide.set(next, text);
      table[2 * slot] = h;
      table[2 * slot + 1] = next + 1;
      remap[c] = next++;
    }
    counts.fill(0, next);
    this.pool = pool;
    this.poolView = viewOf(pool);
    this.table = table;
    this.mask = mask;
    this.size = next;
    this.wide = wide;
    return remap;
  }

  /**
   * Room for `codes` codes and `bytes` pool bytes at once, where many are coming (an id column of a
   * big file): one allocation each instead of a doubling, and its copies, per power of two.
   */
  protected reserve(codes: number, bytes: number): void {
    if (codes > this.counts.length) this.growCodes(codes);
    if (bytes > this.pool.length) {
      const pool = new Uint8Array(bytes);
      pool.set(this.pool.subarray(0, this.offsets[this.size]));
      this.pool = pool;
      this.poolView = viewOf(pool);
    }
  }

  /** Room for more codes. `offsets` stays exactly one longer than the rest, which it is checked by. */
  private growCodes(atLeast = 0): void {
    const n = Math.max(this.counts.length * 2, atLeast);
    this.counts = grownInt32(this.counts, n);
    this.firstRows = grownInt32(this.firstRows, n);
    this.offsets = grownInt32(this.offsets, n + 1);
    const bad = new Uint8Array(n);
    bad.set(this.badBytes);
    this.badBytes = bad;
  }

  private insertSlot(code: number, h: number): void {
    const table = this.table;
    let slot = h & this.mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    table[2 * slot] = h;
    table[2 * slot + 1] = code + 1;
  }

  private rehash(): void {
    const old = this.table;
    // Quadruple big tables: every rehash is a pass of random writes, the costly part of an id column.
    this.table = new Int32Array(old.length * (old.length >= 1 << 17 ? 4 : 2));
    this.mask = this.table.length / 2 - 1;
    for (let slot = 0; slot < old.length; slot += 2)
      if (old[slot + 1] !== 0) this.insertSlot(old[slot + 1] - 1, old[slot]);
  }

  /**
   * `TextSums` of the levels `finish` will make, from their bytes: an ASCII level has as many
   * chars as bytes, and its spaces are bytes; the few decoded (non-ASCII) levels are measured as
   * text. Reading bytes is several times cheaper than going through a million strings.
   */
  textSums(): TextSums {
    const { offsets, pool, poolView: pv, counts } = this;
    const anyWide = this.wide.size > 0;
    let chars = 0;
    let spaced = 0;
    let maxLength = 0;
    for (let code = 0; code < this.size; code++) {
      const s = offsets[code];
      const e = offsets[code + 1];
      const wide = anyWide ? this.wide.get(code) : undefined;
      let length = e - s;
      let space = false;
      if (wide !== undefined) {
        length = wide.length;
        space = hasSpace(wide);
      } else {
        // Four bytes at a time: is any of them below 0x21 (all are ASCII here)? Only then look closer.
        let low = 0;
        let i = s;
        for (; i + 4 <= e; i += 4) {
          const w = pv.getInt32(i, true);
          low |= (w - 0x21212121) & ~w;
        }
        for (; i < e; i++) if (pool[i] < 0x21) low = 0x80;
        if (low & 0x80808080) {
          for (i = s; i < e && !space; i++) space = pool[i] === 0x20 || (pool[i] >= 0x09 && pool[i] <= 0x0d);
        }
      }
      chars += length * counts[code];
      if (space) spaced += counts[code];
      if (length > maxLength) maxLength = length;
    }
    return { chars, spaced, maxLength };
  }

  /**
   * The text of every code, decoding the pool once and slicing each level out of it. Frees the
   * byte index; `counts`, `firstRows` and `badBytes` stay readable.
   */
  finish(): string[] {
    const n = this.size;
    const levels: string[] = new Array(n);
    const offsets = this.offsets;
    const anyWide = this.wide.size > 0;
    const slabDecoder = anyWide ? singleByte : ascii;
    // The pool is decoded in slabs of whole levels, far below the engine's ~512 MiB string limit.
    let slab = "";
    let slabStart = 0;
    let slabEnd = 0;
    for (let code = 0; code < n; code++) {
      const wide = anyWide ? this.wide.get(code) : undefined;
      const s = offsets[code];
      const e = offsets[code + 1];
      if (wide !== undefined) levels[code] = wide;
      else if (slabDecoder === null) levels[code] = decodeField(this.pool, s, e, "utf-8").text;
      else {
        if (e > slabEnd) {
          slabStart = s;
          slabEnd = Math.min(offsets[n], Math.max(e, s + this.slabBytes));
          // End the slab on a level boundary.
          let k = code + 1;
          while (k < n && offsets[k + 1] <= slabEnd) k++;
          slabEnd = Math.max(e, offsets[k]);
          slab = slabDecoder.decode(this.pool.subarray(slabStart, slabEnd));
        }
        levels[code] = slab.slice(s - slabStart, e - slabStart);
      }
    }
    this.pool = new Uint8Array(0);
    this.poolView = viewOf(this.pool);
    this.lastBuf = null;
    this.lastView = this.poolView;
    this.table = new Int32Array(0);
    this.offsets = new Int32Array(0);
    this.wide.clear();
    return levels;
  }
}
