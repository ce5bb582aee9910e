/**
 * A float column stored as scaled integers: the command line's shared table (shareFrame) keeps a
 * numeric column whose every value has at most d decimals (as a CSV writes them) as k - base in 1,
 * 2, 3 or 4 bytes a row, value = k / 10^d, instead of 8 bytes. At a million rows of 5-decimal
 * numbers that is 3 bytes a cell instead of 8 (1M x 20 bench: 16 columns, 128 -> 48 MB).
 *
 * Exact, never approximate: k and 10^d are exact doubles (|k| < 2^53, d <= 9), so `k / 10^d` is
 * the correctly rounded quotient, the same double that reading the decimal text gives; and the
 * packing checks every value (decoded === value) and keeps the column as Float64 when one fails
 * (infinities, more decimals, a range too wide for 4 bytes). -0 ("-0.00000", as toFixed writes
 * a tiny negative) has a code of its own.
 *
 * It is a `ColumnData` of type "float" like any other: `values` decodes the whole column (kept for
 * the current synchronous run, see decodedOnce.ts), so every reader of `values` works unchanged. The few
 * readers of a big table's rows on the command line's training path (gatherColumns,
 * takeColumnRows) decode only the rows they take, with `gather`.
 *
 * Posted to a worker thread, an instance arrives as a plain object with its fields (the store is a
 * SharedArrayBuffer view, so it is shared) and no `values`: `reviveScaled` (through shareFrame's
 * `receiveFrame`) gives it its class back.
 */
import { decodedOnce } from "./decodedOnce.ts";

const MAX_DECIMALS = 9;
const POW10 = Array.from({ length: MAX_DECIMALS + 1 }, (_, k) => 10 ** k);

/** Bytes a row. */
export type ScaledWidth = 1 | 2 | 3 | 4;

/** The fields of a ScaledFloats (what a thread receives). */
export interface ScaledParts {
  type: "float";
  /**
   * k - base per row; the largest code for a missing value, the next for -0. Width 3: 3 bytes a
   * row, little-endian.
   */
  store: Uint8Array | Uint16Array | Uint32Array;
  width: ScaledWidth;
  rows: number;
  base: number;
  /** 10^d. */
  scale: number;
}

/** The stored code of a missing value at `width` bytes: the largest. */
const missingCode = (width: ScaledWidth) => 2 ** (8 * width) - 1;
/**
 * The code of -0, the next largest: a CSV writes it ("-0.00000", a tiny negative rounded by
 * toFixed), and it reads as -0, which k / 10^d cannot give.
 */
const negZeroCode = (width: ScaledWidth) => 2 ** (8 * width) - 2;

export class ScaledFloats implements ScaledParts {
  readonly type = "float" as const;
  readonly store: Uint8Array | Uint16Array | Uint32Array;
  readonly width: ScaledWidth;
  readonly rows: number;
  readonly base: number;
  readonly scale: number;

  constructor(parts: Omit<ScaledParts, "type">) {
    this.store = parts.store;
    this.width = parts.width;
    this.rows = parts.rows;
    this.base = parts.base;
    this.scale = parts.scale;
  }

  /** Every value as Float64 (NaN = missing): the same array for the rest of the synchronous run. */
  get values(): Float64Array {
    return decodedOnce(this, () => this.decode());
  }

  /** Row count (without decoding). */
  get length(): number {
    return this.rows;
  }

  /** Bytes stored. */
  get byteLength(): number {
    return this.store.byteLength;
  }

  /** Whether row `r` is missing (without decoding). */
  missingAt(r: number): boolean {
    const s = this.store;
    const u = this.width === 3 ? s[r * 3] | (s[r * 3 + 1] << 8) | (s[r * 3 + 2] << 16) : s[r];
    return u === missingCode(this.width);
  }

  /** `out[offset + r]` = the value of row `idx[r]`, for every r. */
  gather(idx: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const { base, scale } = this;
    const n = idx.length;
    const nz = negZeroCode(this.width);
    if (this.width === 3) {
      const s = this.store as Uint8Array;
      for (let r = 0; r < n; r++) {
        const p = idx[r] * 3;
        const u = s[p] | (s[p + 1] << 8) | (s[p + 2] << 16);
        out[offset + r] = u < nz ? (base + u) / scale : u === nz ? -0 : Number.NaN;
      }
      return;
    }
    const s = this.store;
    for (let r = 0; r < n; r++) {
      const u = s[idx[r]];
      out[offset + r] = u < nz ? (base + u) / scale : u === nz ? -0 : Number.NaN;
    }
  }

  /** Every value into `out` (a fresh array by default), not kept. */
  decode(out: Float64Array = new Float64Array(this.rows)): Float64Array {
    const { base, scale } = this;
    const nz = negZeroCode(this.width);
    if (this.width === 3) {
      const s = this.store as Uint8Array;
      for (let i = 0, p = 0; i < this.rows; i++, p += 3) {
        const u = s[p] | (s[p + 1] << 8) | (s[p + 2] << 16);
        out[i] = u < nz ? (base + u) / scale : u === nz ? -0 : Number.NaN;
      }
      return out;
    }
    const s = this.store;
    for (let i = 0; i < this.rows; i++) {
      const u = s[i];
      out[i] = u < nz ? (base + u) / scale : u === nz ? -0 : Number.NaN;
    }
    return out;
  }
}

/** Whether a column's data is stored scaled. */
export function isScaled(data: unknown): data is ScaledFloats {
  return data instanceof ScaledFloats;
}

/**
 * A ScaledFloats from what a thread received (its fields), or `data` itself when it is not one
 * (anything with `values`, or a dict column).
 */
export function reviveScaled<T>(data: T): T | ScaledFloats {
  if (data instanceof ScaledFloats) return data;
  const p = data as Partial<ScaledParts> & { values?: unknown };
  if (p.type === "float" && p.values === undefined && p.store !== undefined && p.width !== undefined)
    return new ScaledFloats(p as ScaledParts);
  return data;
}

/**
 * `values` as scaled integers, or null when that cannot be exact for every value or saves nothing
 * (see the file comment). `alloc` makes the store's buffer (shared memory for threads).
 */
export function packScaled(
  values: Float64Array,
  alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b),
): ScaledFloats | null {
  const n = values.length;
  // The decimals: the fewest that every value so far needs (one check a value once they settle).
  let d = 0;
  let scale = 1;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v)) return null;
    while (Math.round(v * scale) / scale !== v) {
      if (d === MAX_DECIMALS) return null;
      scale = POW10[++d];
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let base = 0;
  let width: ScaledWidth = 1;
  if (min <= max) {
    // + 0: a column whose smallest value is -0 gets base 0 (-0 has its own code).
    base = Math.round(min * scale) + 0;
    const top = Math.round(max * scale);
    if (!Number.isSafeInteger(base) || !Number.isSafeInteger(top)) return null;
    const span = top - base;
    // The two largest codes of each width are missing and -0.
    if (span >= 0xfffffffe) return null;
    width = span < 0xfe ? 1 : span < 0xfffe ? 2 : span < 0xfffffe ? 3 : 4;
  }
  const miss = missingCode(width);
  const nz = negZeroCode(width);
  const buffer = alloc(n * width);
  const store =
    width === 2
      ? new Uint16Array(buffer, 0, n)
      : width === 4
        ? new Uint32Array(buffer, 0, n)
        : new Uint8Array(buffer, 0, n * width);
  // Every value again at the final decimals: a value checked at fewer decimals is checked here too.
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let u = miss;
    if (Object.is(v, -0)) u = nz;
    else if (!Number.isNaN(v)) {
      const k = Math.round(v * scale);
      u = k - base;
      if (k / scale !== v || u < 0 || u >= nz) return null;
    }
    if (width === 3) {
      const p = i * 3;
      store[p] = u & 0xff;
      store[p + 1] = (u >>> 8) & 0xff;
      store[p + 2] = u >>> 16;
    } else store[i] = u;
  }
  return new ScaledFloats({ store, width, rows: n, base, scale });
}
