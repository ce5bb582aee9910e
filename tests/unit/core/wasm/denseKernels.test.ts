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
      k.columnSums(10_000, 12_100, 29, 11);
      k.columnSums(10_000, 12_200, 5, 17);
      k.adam(13_000, 14_000, 15_000, 16_000, 1001, 1e-3, 0.9, 0.999, 1 - 0.9 ** 3, 1 - 0.999 ** 3, 1e-7);
      // One minus beta1's power rounds to 1 after ~360 steps: the kernel skips m / 1.
      k.adam(13_000, 14_000, 15_000, 16_000, 1001, 1e-3, 0.9, 0.999, 1 - 0.9 ** 400, 1 - 0.999 ** 400, 1e-7);
    }
    expect(sameBits(wasm.heap, js.heap)).toBe(true);
    expect(wasm.dropoutMask(100, 1001, 12345, 0.9, 1.5)).toBe(js.dropoutMask(100, 1001, 12345, 0.9, 1.5));
    expect(sameBits(wasm.heap, js.heap)).toBe(true);
    // Spot checks against the definitions.
    const h = js.heap;
    expect(h[5_000 + 7]).toBe(Math.max(pair(2)[1].heap[7], 0));
    expect(Number.isNaN(h[5_000 + 123])).toBe(true);
  });

  it("fuse a hidden layer's product with its bias, relu and dropout mask (and the backward product with relu's gradient) to the bits of the separate kernels", () => {
    const keep = 0.7;
    const kept = Math.fround(1 / keep);
    const [a, b, c, bias, out, mask, z] = [200, 17_000, 20_000, 9_000, 30_000, 35_000, 12_000];
    for (const [m, n, p] of [
      [1, 1, 1],
      [3, 5, 7],
      [4, 4, 1],
      [5, 3, 20],
      [9, 2, 20],
      [13, 7, 9],
      [6, 64, 20],
      [64, 32, 64],
      [33, 1, 32],
    ])
      for (const masked of [true, false])
        for (const state of [12345, -987654321]) {
          const [ref] = pair(3);
          const fused = pair(3);
          const at = masked ? mask : -1;
          // A few exact zeros and a NaN among the pre-activations the backward pass reads.
          for (const k of [ref, ...fused]) {
            k.heap[z + 1] = 0;
            k.heap[z + 2] = Number.NaN;
          }
          ref.gemmNN(a, b, c, m, n, p, 1, bias, 0);
          const next = masked ? ref.dropoutMask(mask, m * n, state, keep, kept) : state;
          ref.relu(c, out, at, m * n);
          ref.gemmNN(a + 3, b + 5, c + 2 * m * n, m, n, p, 0, 0, 0);
          ref.reluGrad(c + 2 * m * n, z, at, m * n);
          for (const k of fused) {
            expect(k.gemmNNRelu(a, b, c, m, n, p, bias, out, at, state, keep, kept)).toBe(next);
            k.gemmNNDrelu(a + 3, b + 5, c + 2 * m * n, m, n, p, z, at);
            expect(sameBits(k.heap, ref.heap), `${k.kind} ${m}x${n}x${p} masked ${masked}`).toBe(true);
          }
        }
  });

  it("gather float32 rows in a given order into a float64 batch, every column count", () => {
    for (const cols of [1, 2, 3, 20, 21]) {
      const rows = 37;
      const kernels = [denseKernels(4_000), denseKernels(4_000, "js")];
      const rng = makeRng(cols);
      const src = Float32Array.from({ length: rows * cols }, () => Math.fround(4 * rng.next() - 2));
      src[0] = -0;
      const order = Int32Array.from({ length: 29 }, (_, i) => (i * 17 + 3) % rows);
      for (const k of kernels) {
        k.heap.fill(7);
        k.floats.set(src, 2 * 100);
        k.ints.set(order, 2 * 900);
        k.gatherRows(2 * 100, cols, 2 * 900, order.length, 1_000);
        for (let i = 0; i < order.length; i++)
          for (let j = 0; j < cols; j++)
            expect(Object.is(k.heap[1_000 + i * cols + j], src[order[i] * cols + j])).toBe(true);
        // Nothing past the batch is written.
        expect(k.heap[1_000 + order.length * cols]).toBe(7);
        expect(k.heap[999]).toBe(7);
      }
    }
  });

  it("keep a unit where draw / 2^32 < keep, for keeps at the edges (the kernels test it in integers)", () => {
    const keeps = [0.9, 0.5, 0.1, 2 ** -33, 1e-300, 1 - 2 ** -33, 1 - 2 ** -40, 1, 1.5, 0, -0.25];
    for (const keep of keeps) {
      const [wasm, js] = [denseKernels(5_000), denseKernels(5_000, "js")];
      for (const state of [0, 1, -1, 0x6d2b79f5, 123456789])
        for (const k of [wasm, js]) k.dropoutMask(0, 1003, state, keep, 3);
      expect(sameBits(wasm.heap, js.heap), `dropoutMask keep ${keep}`).toBe(true);
      for (const k of [wasm, js]) {
        k.heap.fill(0.5, 0, 2_000);
        k.gemmNNRelu(0, 100, 2_000, 7, 9, 3, 200, 3_000, 4_000, 99, keep, 3);
      }
      expect(sameBits(wasm.heap, js.heap), `gemmNNRelu keep ${keep}`).toBe(true);
    }
    // Keeps exactly at a draw (dropped), half a step and a step above it (kept), lanes 0-3 and the tail.
    const rng = makeRng(4242);
    const draws = Array.from({ length: 6 }, () => rng.next() * 2 ** 32);
    for (const d of draws)
      for (const keep of [d / 2 ** 32, (d + 0.5) / 2 ** 32, (d + 1) / 2 ** 32]) {
        const [wasm, js] = [denseKernels(10), denseKernels(10, "js")];
        for (const k of [wasm, js]) k.dropoutMask(0, 6, 4242, keep, 3);
        expect(sameBits(wasm.heap, js.heap), `keep at draw ${d}`).toBe(true);
        expect(js.heap[draws.indexOf(d)]).toBe(keep > d / 2 ** 32 ? 3 : 0);
      }
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
