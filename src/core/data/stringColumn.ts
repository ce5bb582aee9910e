/**
 * The cells of a string column: a ByteDict of its distinct values plus one code per cell
 * (-1 = missing), filled a run of cells at a time (see `FieldBatch`).
 *
 * The usual loop (`encodeTable`) trims each value, spots missing markers, hashes the bytes and
 * probes the table, all written out in one loop: it runs for every string cell of a file. Values
 * of up to 12 bytes are hashed and compared as three words rather than byte by byte.
 *
 * Unique mode: a column whose first 16,384 values are all different is most likely an id column,
 * and a hash table of a million values, far bigger than the cache, is the costliest part of
 * reading it. From then on each value simply gets the next code and its hash is kept. A small
 * direct-mapped table of recent values catches a column that starts repeating itself (back to the
 * hash table, merging what was added twice), and `build` checks the kept hashes for repeats at the
 * end (`hasDuplicates`), so codes, counts and levels come out exactly as the table would make them.
 */
import { ByteDict, HASH_SEED, hashBytes, hashFinish, hashStep, viewOf, wordAt } from "./byteDict.ts";
import { Int32Chunks, type RowEstimate } from "./chunkedArray.ts";
import type { Encoding } from "./csvTypes.ts";
import { unescapeQuoted } from "./decode.ts";
import { FIELD_ESCAPED, FIELD_QUOTED, type FieldBatch } from "./fieldBatch.ts";
import { isMissingBytes, trimEnd, trimStart } from "./missing.ts";
import type { TextSums } from "./textSums.ts";
import { hasDuplicates } from "./uniqueCheck.ts";

/** First bytes a missing marker can start with (see missing.ts): n N ? # < -. */
const MARKER_START = new Uint8Array(256);
for (const c of "nN?#<-") MARKER_START[c.charCodeAt(0)] = 1;

/** All-different values before unique mode starts. */
const UNIQUE_AFTER = 1 << 14;
const RECENT_MASK = (1 << 12) - 1;

/** A string column's storage and the statistics type inference needs. */
export interface StringColumnData {
  codes: Int32Array;
  levels: string[];
  counts: Int32Array;
  firstRows: Int32Array;
  missing: number;
  text: TextSums;
}

/** Dictionary codes of one column's cells. */
export class StringColumn extends ByteDict {
  /** Codes in cell order. */
  readonly codes: Int32Chunks;
  /** The table's expected rows (see chunkedArray.ts), for an id column's room. */
  private readonly estimate: RowEstimate | null;
  missing = 0;
  /** The batch buffer last seen, and its view. */
  private buf: Uint8Array | null = null;
  private view = viewOf(new Uint8Array(0));
  /** The value found by `quotedValue`: its bytes (the batch buffer or `scratch`) and range. */
  private vBuf: Uint8Array = new Uint8Array(0);
  private vs = 0;
  private ve = 0;
  private scratch = new Uint8Array(256);
  private scratchView = viewOf(this.scratch);
  /**
   * Unique mode: on, still possible, the hash of every code, and recent values by hash: pairs of
   * hash and code + 1, so checking one needs no look into the (big) hash list.
   */
  private unique = false;
  private mayGoUnique = true;
  private codeHashes: Int32Array = new Int32Array(0);
  private recent = new Int32Array(0);

  /** `estimate`: the table's expected rows, for the codes' storage (see chunkedArray.ts). */
  constructor(
    private readonly encoding: Encoding,
    estimate: RowEstimate | null = null,
  ) {
    super();
    this.codes = new Int32Chunks(estimate);
    this.estimate = estimate;
  }

  /**
   * Encodes a run of cells: field `k0 + i * stride` of batch record `rec0 + i`, for i < n.
   * Unquoted values lose surrounding spaces ("a, b" files); quoted ones keep them. A cell whose
   * value has bytes that are not UTF-8 goes to `onBadBytes` with its record index.
   */
  encodeRun(
    buf: Uint8Array,
    b: FieldBatch,
    rec0: number,
    k0: number,
    stride: number,
    n: number,
    onBadBytes: (rec: number) => void,
  ): void {
    if (buf !== this.buf) {
      this.buf = buf;
      this.view = viewOf(buf);
    }
    if (this.mayGoUnique && !this.unique && this.size >= UNIQUE_AFTER) {
      if (this.size === this.codes.length - this.missing) this.goUnique();
      else this.mayGoUnique = false;
    }
    let from = 0;
    if (this.unique) {
      from = this.appendRun(buf, b, rec0, k0, stride, n, onBadBytes);
      if (from === n) return;
      this.leaveUnique();
    }
    this.encodeTable(buf, b, rec0 + from, k0 + from * stride, stride, n - from, onBadBytes);
  }

  /** The loop of nearly every string cell: trim, missing markers, hash, probe (see the file comment). */
  private encodeTable(
    buf: Uint8Array,
    b: FieldBatch,
    rec0: number,
    k0: number,
    stride: number,
    n: number,
    onBadBytes: (rec: number) => void,
  ): void {
    const view = this.view;
    const { starts, ends, flags } = b;
    const codes = this.codes;
    let block = codes.block;
    let pos = codes.pos;
    let { table, mask, offsets, pool, poolView: pv, counts } = this;
    for (let i = 0, k = k0; i < n; i++, k += stride) {
      if (pos === block.length) {
        codes.pos = pos;
        block = codes.next();
        pos = codes.pos;
      }
      let code = -1;
      if ((flags[k] & FIELD_QUOTED) === 0) {
        let s = starts[k];
        let e = ends[k];
        if (s < e && (buf[s] <= 0x20 || buf[e - 1] <= 0x20)) {
          while (s < e && (buf[s] === 0x20 || buf[s] === 0x09)) s++;
          while (e > s && (buf[e - 1] === 0x20 || buf[e - 1] === 0x09)) e--;
        }
        const len = e - s;
        // Trimmed already, so only short values can be markers.
        if (len <= 4 && (len === 0 || MARKER_START[buf[s]] === 1) && isMissingBytes(buf, s, e)) {
          block[pos++] = -1;
          this.missing++;
          continue;
        }
        // hashBytes, written out so short values keep their words for the comparison.
        let h = HASH_SEED ^ len;
        let w0 = 0;
        let w1 = 0;
        let w2 = 0;
        if (len <= 12) {
          if (len > 0) h = hashStep(h, (w0 = wordAt(buf, view, s, e)));
          if (len > 4) h = hashStep(h, (w1 = wordAt(buf, view, s + 4, e)));
          if (len > 8) h = hashStep(h, (w2 = wordAt(buf, view, s + 8, e)));
          h = hashFinish(h);
        } else h = hashBytes(buf, view, s, e);
        let slot = h & mask;
        for (;;) {
          const entry = table[2 * slot + 1];
          if (entry === 0) break;
          if (table[2 * slot] === h) {
            const c = entry - 1;
            const o = offsets[c];
            if (offsets[c + 1] - o === len) {
              let same: boolean;
              if (len <= 12) {
                const pe = o + len;
                same =
                  (len === 0 || wordAt(pool, pv, o, pe) === w0) &&
                  (len <= 4 || wordAt(pool, pv, o + 4, pe) === w1) &&
                  (len <= 8 || wordAt(pool, pv, o + 8, pe) === w2);
              } else {
                let j = 0;
                while (j < len && pool[o + j] === buf[s + j]) j++;
                same = j === len;
              }
              if (same) {
                code = c;
                break;
              }
            }
          }
          slot = (slot + 1) & mask;
        }
        if (code < 0) {
          this.lastHash = h;
          this.lastSlot = slot;
          code = this.add(buf, s, e, b.lines[rec0 + i], this.encoding);
          ({ table, mask, offsets, pool, poolView: pv, counts } = this);
        }
      } else if (this.quotedValue(buf, b, k)) {
        code = this.find(this.vBuf, this.vs, this.ve);
        if (code < 0) code = this.add(this.vBuf, this.vs, this.ve, b.lines[rec0 + i], this.encoding);
        ({ table, mask, offsets, pool, poolView: pv, counts } = this);
      }
      if (code < 0) {
        block[pos++] = -1;
        this.missing++;
        continue;
      }
      counts[code]++;
      if (this.anyBad && this.badBytes[code] === 1) onBadBytes(rec0 + i);
      block[pos++] = code;
    }
    codes.pos = pos;
  }

  /**
   * The loop in unique mode: each value gets the next code. Returns the index of the first cell
   * whose value turns out to be a repeat (not encoded), or n.
   */
  private appendRun(
    buf: Uint8Array,
    b: FieldBatch,
    rec0: number,
    k0: number,
    stride: number,
    n: number,
    onBadBytes: (rec: number) => void,
  ): number {
    const view = this.view;
    const { starts, ends, flags } = b;
    const codes = this.codes;
    const recent = this.recent;
    let block = codes.block;
    let pos = codes.pos;
    for (let i = 0, k = k0; i < n; i++, k += stride) {
      if (pos === block.length) {
        codes.pos = pos;
        block = codes.next();
        pos = codes.pos;
      }
      // The value as `encodeTable` reads it.
      let src = buf;
      let s = starts[k];
      let e = ends[k];
      let missing: boolean;
      if ((flags[k] & FIELD_QUOTED) === 0) {
        if (s < e && (buf[s] <= 0x20 || buf[e - 1] <= 0x20)) {
          while (s < e && (buf[s] === 0x20 || buf[s] === 0x09)) s++;
          while (e > s && (buf[e - 1] === 0x20 || buf[e - 1] === 0x09)) e--;
        }
        missing = e - s <= 4 && (s === e || MARKER_START[buf[s]] === 1) && isMissingBytes(buf, s, e);
      } else {
        missing = !this.quotedValue(buf, b, k);
        ({ vBuf: src, vs: s, ve: e } = this);
      }
      if (missing) {
        block[pos++] = -1;
        this.missing++;
        continue;
      }
      const h = hashBytes(src, src === buf ? view : this.scratchView, s, e);
      const slot = 2 * (h & RECENT_MASK);
      const seen = recent[slot + 1] - 1;
      if (seen >= 0 && recent[slot] === h && this.equals(seen, src, s, e)) {
        codes.pos = pos;
        return i;
      }
      const code = this.append(src, s, e, b.lines[rec0 + i], this.encoding);
      if (code === this.codeHashes.length) this.codeHashes = grownCopy(this.codeHashes);
      this.codeHashes[code] = h;
      recent[slot] = h;
      recent[slot + 1] = code + 1;
      this.counts[code]++;
      if (this.anyBad && this.badBytes[code] === 1) onBadBytes(rec0 + i);
      block[pos++] = code;
    }
    codes.pos = pos;
    return n;
  }

  /**
   * A quoted field's value (spaces kept, doubled quotes undone) into `vBuf`, `vs`, `ve`; false
   * when it is a missing marker.
   */
  private quotedValue(buf: Uint8Array, b: FieldBatch, k: number): boolean {
    let s = b.starts[k];
    let e = b.ends[k];
    if (b.flags[k] & FIELD_ESCAPED) {
      if (this.scratch.length < e - s) {
        this.scratch = new Uint8Array((e - s) * 2);
        this.scratchView = viewOf(this.scratch);
      }
      e = unescapeQuoted(buf, s, e, this.scratch);
      buf = this.scratch;
      s = 0;
    }
    const ts = trimStart(buf, s, e);
    if (isMissingBytes(buf, ts, trimEnd(buf, ts, e))) return false;
    this.vBuf = buf;
    this.vs = s;
    this.ve = e;
    return true;
  }

  /** Whether code's bytes equal `buf[s..e)`. */
  private equals(code: number, buf: Uint8Array, s: number, e: number): boolean {
    const o = this.offsets[code];
    if (this.offsets[code + 1] - o !== e - s) return false;
    for (let j = 0; j < e - s; j++) if (this.pool[o + j] !== buf[s + j]) return false;
    return true;
  }

  private goUnique(): void {
    // Likely one level per row from here on: room for the expected rows at once, when known.
    const expected = Math.ceil((this.estimate?.rows ?? 0) * 1.03);
    if (expected > this.size * 2) {
      const rowsSoFar = this.codes.length;
      this.reserve(expected, Math.ceil((this.offsets[this.size] / rowsSoFar) * expected * 1.03) + 1024);
    }
    const hashes = new Int32Array(Math.max(this.size * 2, expected));
    const table = this.table;
    for (let slot = 0; slot < table.length; slot += 2) {
      if (table[slot + 1] !== 0) hashes[table[slot + 1] - 1] = table[slot];
    }
    this.codeHashes = hashes;
    this.recent = new Int32Array(2 * (RECENT_MASK + 1));
    this.unique = true;
    // Not consulted while unique; `mergeRepeats` builds a new one.
    this.table = new Int32Array(128);
    this.mask = 63;
  }

  private leaveUnique(): void {
    this.codes.remap(this.mergeRepeats(this.codeHashes));
    this.unique = false;
    this.mayGoUnique = false;
    this.codeHashes = new Int32Array(0);
    this.recent = new Int32Array(0);
  }

  /** A cell the row did not have (a short ragged row). */
  addMissing(): void {
    this.codes.push(-1);
    this.missing++;
  }

  /** The column's codes, levels and counts; the column is spent afterwards. */
  build(): StringColumnData {
    if (this.unique) {
      const same = (a: number, c: number) => this.equals(a, this.pool, this.offsets[c], this.offsets[c + 1]);
      if (hasDuplicates(this.codeHashes, this.size, same)) this.leaveUnique();
      this.codeHashes = new Int32Array(0);
    }
    const codes = this.codes.finish();
    const text = this.textSums();
    const levels = this.finish();
    const n = levels.length;
    return {
      codes,
      levels,
      counts: this.counts.subarray(0, n),
      firstRows: this.firstRows.subarray(0, n),
      missing: this.missing,
      text,
    };
  }
}

function grownCopy(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(1024, a.length * 2));
  b.set(a);
  return b;
}
