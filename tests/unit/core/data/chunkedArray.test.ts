import { describe, expect, it } from "vitest";
import { Float64Chunks, Int32Chunks } from "../../../../src/core/data/chunkedArray.ts";

describe("chunked arrays", () => {
  // 1.2 million values cross the first (64 Ki) block and two of the large ones.
  const n = 1_200_000;

  it("Float64Chunks joins pushed and block-written values in order", () => {
    const c = new Float64Chunks();
    for (let i = 0; i < 1000; i++) c.push(i / 4);
    let { block, pos } = c;
    for (let i = 1000; i < n; i++) {
      if (pos === block.length) {
        c.pos = pos;
        block = c.next();
        pos = c.pos;
      }
      block[pos++] = i / 4;
      c.pos = pos;
    }
    expect(c.length).toBe(n);
    const out = c.finish();
    expect(out.length).toBe(n);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (out[i] !== i / 4) wrong++;
    expect(wrong).toBe(0);
  });

  it("Int32Chunks remaps every stored code, missing (-1) kept", () => {
    const c = new Int32Chunks();
    for (let i = 0; i < n; i++) c.push(i % 7 === 0 ? -1 : i % 5);
    c.remap(Int32Array.from([10, 11, 12, 13, 14]));
    const out = c.finish();
    expect(out.length).toBe(n);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (out[i] !== (i % 7 === 0 ? -1 : 10 + (i % 5))) wrong++;
    expect(wrong).toBe(0);
  });

  /** Writes 0 .. n - 1 the way the column loops do; returns the storage, not yet finished. */
  function written(c: Float64Chunks, count: number): Float64Chunks {
    let { block, pos } = c;
    for (let i = 0; i < count; i++) {
      if (pos === block.length) {
        c.pos = pos;
        block = c.next();
        pos = c.pos;
      }
      block[pos++] = i;
    }
    c.pos = pos;
    return c;
  }

  it("with a close row estimate, grows into one block and hands it out without a copy", () => {
    const estimate = { rows: 1_000_000 };
    const c = written(new Float64Chunks(estimate), 990_000);
    const block = c.block;
    const out = c.finish();
    expect(out.length).toBe(990_000);
    // The same memory: a view of the grown block, not a joined copy.
    expect(out.buffer).toBe(block.buffer);
    expect(out[0]).toBe(0);
    expect(out[65_536]).toBe(65_536);
    expect(out[989_999]).toBe(989_999);
  });

  it("copies when the estimate was far off, either way, and keeps every value", () => {
    for (const rows of [600_000, 1_000_000]) {
      const c = written(new Float64Chunks({ rows }), 800_000);
      const before = c.block.buffer;
      const out = c.finish();
      expect(out.length).toBe(800_000);
      expect(out.buffer.byteLength).toBe(800_000 * 8);
      expect(out.buffer).not.toBe(before);
      let wrong = 0;
      for (let i = 0; i < 800_000; i++) if (out[i] !== i) wrong++;
      expect(wrong).toBe(0);
    }
  });

  it("Int32Chunks grows by the estimate too, and push still lands in order", () => {
    const c = new Int32Chunks({ rows: 100_000 });
    for (let i = 0; i < 100_000; i++) c.push(i);
    const out = c.finish();
    expect(out.length).toBe(100_000);
    expect(out.buffer.byteLength).toBeGreaterThan(100_000 * 4);
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) if (out[i] !== i) wrong++;
    expect(wrong).toBe(0);
  });

  it("with a shared estimate, the grown block and a joined copy are SharedArrayBuffers, the same values", () => {
    // 990k: the grown block handed out as it is; 800k of 1M and 800k of 600k: joined copies.
    for (const [rows, n] of [
      [1_000_000, 990_000],
      [1_000_000, 800_000],
      [600_000, 800_000],
    ]) {
      const out = written(new Float64Chunks({ rows, shared: true }), n).finish();
      expect(out.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(out.length).toBe(n);
      let wrong = 0;
      for (let i = 0; i < n; i++) if (out[i] !== i) wrong++;
      expect(wrong).toBe(0);
    }
    const codes = new Int32Chunks({ rows: 100_000, shared: true });
    for (let i = 0; i < 100_000; i++) codes.push(i % 7);
    const c = codes.finish();
    expect(c.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([c[0], c[6], c[99_999]]).toEqual([0, 6, 99_999 % 7]);
    // Not asked: plain memory, as before.
    expect(written(new Float64Chunks({ rows: 1_000_000 }), 990_000).finish().buffer).toBeInstanceOf(
      ArrayBuffer,
    );
  });

  it("an empty one finishes empty", () => {
    expect(new Float64Chunks().finish().length).toBe(0);
    expect(new Int32Chunks().finish().length).toBe(0);
  });
});
