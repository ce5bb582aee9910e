/**
 * Append-only typed storage in blocks, joined once at the end. Growing by blocks never copies
 * what was already written, so a column being read costs its final size plus one block, instead
 * of the 2-3x a doubling array needs at the moment it grows.
 *
 * The first block holds 64 Ki values, the later ones 1 Mi. Small tables stay small, and at a
 * million rows a column is one or a few large blocks rather than hundreds of 512 KB ones: when the
 * columns are joined at the end, each freed large block goes straight back to the system, whereas
 * hundreds of small blocks of twenty columns, interleaved in the heap, leave holes that the joined
 * arrays cannot reuse (measured: peak memory of reading the 1M x 20 bench file fell from 2.6x to
 * 1.8x the file).
 *
 * When the reader can tell how many rows the file holds (its size over the bytes per row so far,
 * `RowEstimate`), the first block, once full, grows instead into one block of the expected size
 * plus 3%, and `finish` hands that block out as it is (a view of its first `length` values) when it
 * is at least 15/16 full, instead of copying it. Joining the blocks was a fresh copy of every
 * column: in a fresh process, touching that much new memory (page faults) was most of what made the
 * first read of the 1M-row bench file slower than later ones (finish 1.0-1.3 -> 0.6 CPU s there).
 * The pages of the block past `length` are never written, so they cost address space, not memory.
 *
 * Hot loops write `block[pos++]` themselves (holding both in locals); when the block is full they
 * store `pos`, call `next` and read `block` and `pos` back (`pos` is not 0 after a grow). `push` is
 * the convenience for everything else.
 */

const FIRST_BLOCK = 1 << 16;
const BLOCK = 1 << 20;

/** Expected rows of the table being read (0 while unknown), shared by its columns and updated as it is read. */
export interface RowEstimate {
  rows: number;
  /**
   * The grown block and the joined array in SharedArrayBuffers (where they exist): the finished
   * columns are then shared with worker threads as they are, with no second copy (shareFrame.ts
   * copies a column that is not).
   */
  shared?: boolean;
}

/** A buffer of `bytes` for a column's final storage: shared when the estimate asks for it. */
function storage(bytes: number, estimate: RowEstimate | null): ArrayBufferLike {
  return estimate?.shared && typeof SharedArrayBuffer !== "undefined"
    ? new SharedArrayBuffer(bytes)
    : new ArrayBuffer(bytes);
}

/** Capacity of the one grown block for `expected` rows: a little over, so a close estimate fits. */
const grownCapacity = (expected: number) => Math.ceil(expected * 1.03) + 1024;

/** Whether a lone block of `capacity` holding `length` values is handed out as it is. */
const keepsBlock = (length: number, capacity: number) => length >= capacity - (capacity >> 4);

/** Float64 values in blocks. */
export class Float64Chunks {
  private blocks: Float64Array[] = [];
  /** Values in `blocks`. */
  private stored = 0;
  /** The block being filled and the next free index in it. */
  block: Float64Array = new Float64Array(FIRST_BLOCK);
  pos = 0;

  /** `estimate`: the table's expected rows, read when the first block is full (see the file comment). */
  constructor(private readonly estimate: RowEstimate | null = null) {}

  get length(): number {
    return this.stored + this.pos;
  }

  push(v: number): void {
    if (this.pos === this.block.length) this.next();
    this.block[this.pos++] = v;
  }

  /**
   * Makes room once the current block is full: grows the first block into one of the expected size
   * (`pos` stays), or stores the block and returns a fresh one (`pos` is 0 again).
   */
  next(): Float64Array {
    const expected = this.estimate?.rows ?? 0;
    if (this.blocks.length === 0 && expected > this.block.length) {
      const grown = new Float64Array(storage(grownCapacity(expected) * 8, this.estimate));
      grown.set(this.block);
      this.block = grown;
      return grown;
    }
    this.blocks.push(this.block);
    this.stored += this.block.length;
    this.block = new Float64Array(BLOCK);
    this.pos = 0;
    return this.block;
  }

  /** One contiguous array (the lone block itself when nearly full); call it once. */
  finish(): Float64Array {
    if (this.blocks.length === 0 && keepsBlock(this.pos, this.block.length)) {
      const out = this.pos === this.block.length ? this.block : this.block.subarray(0, this.pos);
      this.block = new Float64Array(0);
      this.pos = 0;
      return out;
    }
    const out = new Float64Array(storage(this.length * 8, this.estimate));
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += b.length;
    }
    out.set(this.block.subarray(0, this.pos), at);
    this.blocks = [];
    this.stored = 0;
    this.block = new Float64Array(0);
    this.pos = 0;
    return out;
  }
}

/** Int32 values in blocks (the same as Float64Chunks; two classes keep each call site monomorphic). */
export class Int32Chunks {
  private blocks: Int32Array[] = [];
  private stored = 0;
  block: Int32Array = new Int32Array(FIRST_BLOCK);
  pos = 0;

  constructor(private readonly estimate: RowEstimate | null = null) {}

  get length(): number {
    return this.stored + this.pos;
  }

  push(v: number): void {
    if (this.pos === this.block.length) this.next();
    this.block[this.pos++] = v;
  }

  next(): Int32Array {
    const expected = this.estimate?.rows ?? 0;
    if (this.blocks.length === 0 && expected > this.block.length) {
      const grown = new Int32Array(storage(grownCapacity(expected) * 4, this.estimate));
      grown.set(this.block);
      this.block = grown;
      return grown;
    }
    this.blocks.push(this.block);
    this.stored += this.block.length;
    this.block = new Int32Array(BLOCK);
    this.pos = 0;
    return this.block;
  }

  /** Replaces every value v >= 0 by map[v]. */
  remap(map: Int32Array): void {
    for (const b of [...this.blocks, this.block]) {
      for (let i = 0; i < b.length; i++) if (b[i] >= 0) b[i] = map[b[i]];
    }
  }

  finish(): Int32Array {
    if (this.blocks.length === 0 && keepsBlock(this.pos, this.block.length)) {
      const out = this.pos === this.block.length ? this.block : this.block.subarray(0, this.pos);
      this.block = new Int32Array(0);
      this.pos = 0;
      return out;
    }
    const out = new Int32Array(storage(this.length * 4, this.estimate));
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += b.length;
    }
    out.set(this.block.subarray(0, this.pos), at);
    this.blocks = [];
    this.stored = 0;
    this.block = new Int32Array(0);
    this.pos = 0;
    return out;
  }
}
