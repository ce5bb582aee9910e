import { describe, expect, it } from "vitest";
import { makeRng } from "../../../../src/core/random.ts";
import { type DenseKernels, denseKernels } from "../../../../src/core/wasm/denseKernels.ts";

const SIZE = 40_000;

/** The same seeded heap in both kernel sets, with a few zeros, negative zeros and a NaN. */
function pair(seed: number): [DenseKernels, DenseKernels] {
  const wasm = denseKernels(SIZE);
  const js = denseKernels(SIZE, "js");
  const rng = makeRng(seed);
  for (let i = 0; i < SIZE; i++) {
    const u = rng.next();
    js.heap[i] = u < 0.05 ? 0 : u < 0.08 ? -0 : 4 * rng.next() - 2;
  }
  js.heap[123] = Number.NaN;
  wasm.heap.set(js.heap);
  return [wasm, js];
}

/** Equality to the bit (-0 differs from +0), any NaN equal to any NaN (hosts may differ in NaN bits). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe("dense kernels", () => {
  it("compile to WebAssembly SIMD in Node", () => {
    expect(denseKernels(10).kind).toBe("wasm");
    expect(denseKernels(10, "js").kind).toBe("js");
  });

  it("multiply as a plain triple loop does, to the bit, for every shape tail and epilogue", () => {
    const [wasm, js] = pair(1);
    const h = js.heap;
    for (const [m, n, p] of [
      [1, 1, 1],
      [3, 5, 7],
      [4, 4, 1],
      [9, 2, 20],
      [13, 64, 20],
      [256, 32, 64],
      [32, 1, 256],
    ]) {
      for (const mode of [0, 1, 2] as const) {
        for (const t of ["NN", "TN"] as const) {
          const a = 200;
          const b = 17_000;
          const c = 30_000;
          const extra = 9_000;
          wasm[`gemm${t}`](a, b, c, m, n, p, mode, extra, 0.25);
          js[`gemm${t}`](a, b, c, m, n, p, mode, extra, 0.25);
          expect(sameBits(wasm.heap, js.heap), `${t} ${m}x${n}x${p} mode ${mode}`).toBe(true);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let k = 0; k < p; k++) s += h[a + (t === "NN" ? i * p + k : k * m + i)] * h[b + k * n + j];
              if (mode === 1) s += h[extra + j];
              if (mode === 2) s += 0.25 * h[extra + i * n + j];
              expect(Object.is(h[c + i * n + j], s)).toBe(true);
            }
        }
      }
    }
  });

  it("apply relu, its gradient, column sums and Adam as the JS loops do", () => {
    const [wasm, js] = pair(2);
    for (const k of [wasm, js]) {
      k.relu(0, 5_000, -1, 1001);
      k.relu(1001, 6_001, 20_000, 999);
      k.reluGrad(8_000, 100, -1, 777);
      k.reluGrad(9_000, 300, 21_000, 1003);
      k.columnSums(10_000, 12_000, 37, 5);
      k.columnSums(10_000, 12_010, 3, 64);
      k.adam(13_000, 14_000, 15_000, 16_000, 1001, 1e-3, 0.9, 0.999, 1 - 0.9 ** 3, 1 - 0.999 ** 3, 1e-7);
    }
    expect(sameBits(wasm.heap, js.heap)).toBe(true);
    expect(wasm.dropoutMask(100, 1001, 12345, 0.9, 1.5)).toBe(js.dropoutMask(100, 1001, 12345, 0.9, 1.5));
    expect(sameBits(wasm.heap, js.heap)).toBe(true);
    // Spot checks against the definitions.
    const h = js.heap;
    expect(h[5_000 + 7]).toBe(Math.max(pair(2)[1].heap[7], 0));
    expect(Number.isNaN(h[5_000 + 123])).toBe(true);
  });

  it("draw dropout masks from makeRng's stream, and hand back its state", () => {
    for (const k of [denseKernels(600), denseKernels(600, "js")]) {
      const rng = makeRng(77);
      const seed = Math.floor(rng.next() * 4294967296);
      const forked = makeRng(seed);
      let state = seed | 0;
      state = k.dropoutMask(0, 250, state, 0.8, Math.fround(1 / 0.8));
      state = k.dropoutMask(250, 333, state, 0.8, Math.fround(1 / 0.8));
      for (let i = 0; i < 583; i++) expect(k.heap[i]).toBe(forked.next() < 0.8 ? Math.fround(1.25) : 0);
      expect(k.dropoutMask(0, 1, state, 1.1, 2)).not.toBe(state);
    }
  });
});
