/**
 * Append-only typed storage in fixed-size blocks, joined once at the end. Growing by blocks never
 * copies what was already written, so a column being read costs its final size plus one block,
 * instead of the 2-3x a doubling array needs at the moment it grows.
 *
 * Hot loops write `block[pos++]` themselves (holding both in locals) and call `next` when the
 * block is full; `push` is the convenience for everything else.
 */

const BLOCK = 1 << 16;

/** Float64 values in blocks. */
export class Float64Chunks {
  private blocks: Float64Array[] = [];
  /** The block being filled and the next free index in it. */
  block: Float64Array = new Float64Array(BLOCK);
  pos = 0;

  get length(): number {
    return this.blocks.length * BLOCK + this.pos;
  }

  push(v: number): void {
    if (this.pos === BLOCK) this.next();
    this.block[this.pos++] = v;
  }

  /** Stores the full current block and returns a fresh one (`pos` is 0 again). */
  next(): Float64Array {
    this.blocks.push(this.block);
    this.block = new Float64Array(BLOCK);
    this.pos = 0;
    return this.block;
  }

  /** One contiguous array; the blocks are released, so call it once. */
  finish(): Float64Array {
    const out = new Float64Array(this.length);
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += BLOCK;
    }
    out.set(this.block.subarray(0, this.pos), at);
    this.blocks = [];
    this.block = new Float64Array(0);
    return out;
  }
}

/** Int32 values in blocks (the same as Float64Chunks; two classes keep each call site monomorphic). */
export class Int32Chunks {
  private blocks: Int32Array[] = [];
  block: Int32Array = new Int32Array(BLOCK);
  pos = 0;

  get length(): number {
    return this.blocks.length * BLOCK + this.pos;
  }

  push(v: number): void {
    if (this.pos === BLOCK) this.next();
    this.block[this.pos++] = v;
  }

  next(): Int32Array {
    this.blocks.push(this.block);
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
    const out = new Int32Array(this.length);
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += BLOCK;
    }
    out.set(this.block.subarray(0, this.pos), at);
    this.blocks = [];
    this.block = new Int32Array(0);
    return out;
  }
}
