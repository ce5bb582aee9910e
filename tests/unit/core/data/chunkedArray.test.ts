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
        block = c.next();
        pos = 0;
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

  it("an empty one finishes empty", () => {
    expect(new Float64Chunks().finish().length).toBe(0);
    expect(new Int32Chunks().finish().length).toBe(0);
  });
});
