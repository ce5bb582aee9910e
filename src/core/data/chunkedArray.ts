/**
 * Append-only typed storage in fixed-size blocks, joined once at the end. Growing by blocks never
 * copies what was already written, so a column being read costs its final size plus one block,
 * instead of the 2-3x a doubling array needs at the moment it grows.
 */

const BLOCK = 1 << 16;

/** Float64 values in blocks. */
export class Float64Chunks {
  private blocks: Float64Array[] = [];
  private cur = new Float64Array(BLOCK);
  private pos = 0;
  length = 0;

  push(v: number): void {
    if (this.pos === BLOCK) {
      this.blocks.push(this.cur);
      this.cur = new Float64Array(BLOCK);
      this.pos = 0;
    }
    this.cur[this.pos++] = v;
    this.length++;
  }

  /** One contiguous array; the blocks are released, so call it once. */
  finish(): Float64Array {
    const out = new Float64Array(this.length);
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += BLOCK;
    }
    out.set(this.cur.subarray(0, this.pos), at);
    this.blocks = [];
    this.cur = new Float64Array(0);
    return out;
  }
}

/** Int32 values in blocks. */
export class Int32Chunks {
  private blocks: Int32Array[] = [];
  private cur = new Int32Array(BLOCK);
  private pos = 0;
  length = 0;

  push(v: number): void {
    if (this.pos === BLOCK) {
      this.blocks.push(this.cur);
      this.cur = new Int32Array(BLOCK);
      this.pos = 0;
    }
    this.cur[this.pos++] = v;
    this.length++;
  }

  finish(): Int32Array {
    const out = new Int32Array(this.length);
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += BLOCK;
    }
    out.set(this.cur.subarray(0, this.pos), at);
    this.blocks = [];
    this.cur = new Int32Array(0);
    return out;
  }
}
