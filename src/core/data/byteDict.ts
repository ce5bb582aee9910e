/**
 * Dictionary of distinct field values keyed by their bytes: an open-addressing hash table (FNV-1a,
 * linear probing) over a byte pool. A repeated value is found without decoding it or allocating a
 * string, and even new values stay bytes until `finish`, which decodes the whole pool at once and
 * slices the level strings out of it. This is the job a Map<string, code> would do, minus one or
 * more string allocations per cell.
 */
import type { Encoding } from "./csvTypes.ts";
import { decodeField } from "./decode.ts";

/** Decodes bytes one char per byte (windows-1252), so char offsets equal byte offsets; null if unsupported. */
const singleByte = (() => {
  try {
    return new TextDecoder("windows-1252");
  } catch {
    return null;
  }
})();

function grownInt32(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(min, a.length * 2));
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
  private offsets = new Int32Array(17);
  private pool = new Uint8Array(1024);
  /**
   * Open addressing, two ints per slot: the hash and code + 1 (0 = empty). Keeping the hash next
   * to the code means a probe touches one cache line, which matters for id columns with a
   * million distinct values.
   */
  private table = new Int32Array(128);
  private mask = 63;
  /** Hash of the bytes passed to the last `find`, reused by `add`. */
  private lastHash = 0;
  /** The empty slot where that `find` stopped: `add` fills it without probing again. */
  private lastSlot = 0;
  /** Whether those bytes had any byte >= 0x80. */
  private lastNonAscii = false;
  /** Text of non-ASCII codes, decoded when added (ASCII ones are sliced out in `finish`). */
  private readonly wide = new Map<number, string>();

  /** `slabBytes`: how much of the pool `finish` decodes at once (small values only for tests). */
  constructor(private readonly slabBytes = 1 << 26) {}

  /** Code of `buf[start..end)`, or -1 when absent. */
  find(buf: Uint8Array, start: number, end: number): number {
    // Four bytes per multiply (a word-at-a-time FNV variant), then a murmur-style finish so the
    // low bits used for the slot depend on every byte.
    let h = 0x811c9dc5 ^ (end - start);
    let any = 0;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const w = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
      any |= w;
      h = Math.imul(h ^ w, 0x01000193);
    }
    for (; i < end; i++) {
      any |= buf[i];
      h = Math.imul(h ^ buf[i], 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    this.lastHash = h;
    this.lastNonAscii = (any & 0x80808080) !== 0;
    const len = end - start;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = table[2 * slot + 1];
      if (entry === 0) {
        this.lastSlot = slot;
        return -1;
      }
      if (table[2 * slot] === h) {
        const code = entry - 1;
        const s = this.offsets[code];
        if (this.offsets[code + 1] - s === len) {
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
    const code = this.size;
    const len = end - start;
    if (code + 1 === this.offsets.length) this.growCodes();
    const at = this.offsets[code];
    if (at + len > this.pool.length) {
      const pool = new Uint8Array(Math.max(at + len, this.pool.length * 2));
      pool.set(this.pool.subarray(0, at));
      this.pool = pool;
    }
    // A byte loop: short values are the rule and a subarray() per value would be garbage.
    const pool = this.pool;
    for (let k = 0; k < len; k++) pool[at + k] = buf[start + k];
    this.offsets[code + 1] = at + len;
    this.firstRows[code] = row;
    this.badBytes[code] = 0;
    if (this.lastNonAscii) {
      const d = decodeField(buf, start, end, encoding);
      this.wide.set(code, d.text);
      if (!d.utf8) this.badBytes[code] = 1;
    }
    this.size = code + 1;
    this.table[2 * this.lastSlot] = this.lastHash;
    this.table[2 * this.lastSlot + 1] = code + 1;
    if (this.size * 2 > this.mask) this.rehash();
    return code;
  }

  private growCodes(): void {
    const n = this.counts.length * 2;
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
   * The text of every code, decoding the pool once and slicing each level out of it. Frees the
   * byte index; `counts`, `firstRows` and `badBytes` stay readable.
   */
  finish(): string[] {
    const n = this.size;
    const levels: string[] = new Array(n);
    const offsets = this.offsets;
    const anyWide = this.wide.size > 0;
    // The pool is decoded in slabs of whole levels, far below the engine's ~512 MiB string limit.
    let slab = "";
    let slabStart = 0;
    let slabEnd = 0;
    for (let code = 0; code < n; code++) {
      const wide = anyWide ? this.wide.get(code) : undefined;
      const s = offsets[code];
      const e = offsets[code + 1];
      if (wide !== undefined) levels[code] = wide;
      else if (singleByte === null) levels[code] = decodeField(this.pool, s, e, "utf-8").text;
      else {
        if (e > slabEnd) {
          slabStart = s;
          slabEnd = Math.min(offsets[n], Math.max(e, s + this.slabBytes));
          // End the slab on a level boundary.
          let k = code + 1;
          while (k < n && offsets[k + 1] <= slabEnd) k++;
          slabEnd = Math.max(e, offsets[k]);
          slab = singleByte.decode(this.pool.subarray(slabStart, slabEnd));
        }
        levels[code] = slab.slice(s - slabStart, e - slabStart);
      }
    }
    this.pool = new Uint8Array(0);
    this.table = new Int32Array(0);
    this.offsets = new Int32Array(0);
    this.wide.clear();
    return levels;
  }
}
