/**
 * A dictionary column's codes in 1 or 2 bytes a row instead of 4: the command line's shared table
 * (shareFrame) keeps a column of fewer than 65,535 levels this way (1M x 20 bench: two category
 * columns, 8 -> 2 MB). The largest code of the width is a missing cell (-1).
 *
 * It is a `ColumnData` of type "dict" like any other: `codes` decodes the whole column (kept for the
 * current synchronous run, see decodedOnce.ts), so every reader of `codes` works unchanged; the
 * training path's row gathers (gatherColumns, takeColumnRows) decode only the rows they take.
 * Posted to a worker thread it arrives as a plain object with its fields: `reviveCodes` (through
 * shareFrame's `receiveFrame`) gives it its class back.
 */
import { decodedOnce } from "./decodedOnce.ts";

/** The fields of a NarrowCodes (what a thread receives). */
export interface NarrowParts {
  type: "dict";
  /** Code per row; 0xff / 0xffff: missing. */
  store: Uint8Array | Uint16Array;
  levels: string[];
}

export class NarrowCodes implements NarrowParts {
  readonly type = "dict" as const;
  readonly store: Uint8Array | Uint16Array;
  readonly levels: string[];

  constructor(parts: Omit<NarrowParts, "type">) {
    this.store = parts.store;
    this.levels = parts.levels;
  }

  /** Every code as Int32 (-1 = missing): the same array for the rest of the synchronous run. */
  get codes(): Int32Array {
    return decodedOnce(this, () => this.decode());
  }

  /** Row count (without decoding). */
  get length(): number {
    return this.store.length;
  }

  /** Whether row `r` is missing (without decoding). */
  missingAt(r: number): boolean {
    return this.store[r] === (this.store.BYTES_PER_ELEMENT === 1 ? 0xff : 0xffff);
  }

  /** `out[offset + r]` = the code of row `idx[r]`, for every r. */
  gather(idx: ArrayLike<number>, out: Int32Array, offset = 0): void {
    const s = this.store;
    const miss = s.BYTES_PER_ELEMENT === 1 ? 0xff : 0xffff;
    for (let r = 0; r < idx.length; r++) {
      const u = s[idx[r]];
      out[offset + r] = u === miss ? -1 : u;
    }
  }

  /** Every code into `out` (a fresh array by default), not kept. */
  decode(out: Int32Array = new Int32Array(this.store.length)): Int32Array {
    const s = this.store;
    const miss = s.BYTES_PER_ELEMENT === 1 ? 0xff : 0xffff;
    for (let i = 0; i < s.length; i++) out[i] = s[i] === miss ? -1 : s[i];
    return out;
  }
}

/** Whether a column's data is stored as narrow codes. */
export function isNarrow(data: unknown): data is NarrowCodes {
  return data instanceof NarrowCodes;
}

/** A NarrowCodes from what a thread received (its fields), or `data` itself when it is not one. */
export function reviveCodes<T>(data: T): T | NarrowCodes {
  if (data instanceof NarrowCodes) return data;
  const p = data as Partial<NarrowParts> & { codes?: unknown };
  if (p.type === "dict" && p.codes === undefined && p.store !== undefined && p.levels !== undefined)
    return new NarrowCodes(p as NarrowParts);
  return data;
}

/**
 * `codes` in 1 or 2 bytes a row, or null when the levels need 4 (65,535 or more) or a code is
 * out of range. `alloc` makes the store's buffer (shared memory for threads).
 */
export function packCodes(
  codes: Int32Array,
  levels: string[],
  alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b),
): NarrowCodes | null {
  const width = levels.length < 0xff ? 1 : levels.length < 0xffff ? 2 : 0;
  if (width === 0) return null;
  const n = codes.length;
  const buffer = alloc(n * width);
  const store = width === 1 ? new Uint8Array(buffer, 0, n) : new Uint16Array(buffer, 0, n);
  const miss = width === 1 ? 0xff : 0xffff;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < -1 || c >= levels.length) return null;
    store[i] = c < 0 ? miss : c;
  }
  return new NarrowCodes({ store, levels });
}
