import { describe, expect, it } from "vitest";
import { makeRng } from "../../../../src/core/random.ts";
import { type DenseKernels, denseKernels } from "../../../../src/core/wasm/denseKernels.ts";

const SIZE = 60_000;
// Float64 element indices: dense X, W, bias, dz, two outputs, the compressed set's values; then
// int32 element indices: its weight rows, row starts and the batch's order.
const [X, W, BIAS, DZ, OUT, SOUT, VALS] = [0, 8_000, 16_000, 17_000, 26_000, 35_000, 44_000];
const [IDX, START, ORDER] = [104_000, 112_000, 113_001];

/**
 * A set of 2m compressed rows with about `density` non-zeros (some of the zeros -0), W, bias and
 * dz seeded; the batch is m of the set's rows in a scrambled order, and X holds them dense.
 */
function fill(k: DenseKernels, m: number, n: number, p: number, density: number, seed: number): void {
  const rng = makeRng(seed);
  const { heap: h, ints } = k;
  const set: number[][] = [];
  let t = 0;
  for (let r = 0; r < 2 * m; r++) {
    ints[START + r] = t;
    const row: number[] = [];
    for (let c = 0; c < p; c++) {
      const u = rng.next();
      const v = u < density ? (rng.next() < 0.3 ? 1 : 4 * rng.next() - 2) : u < density + 0.1 ? -0 : 0;
      row.push(v);
      if (v !== 0) {
        h[VALS + t] = v;
        ints[IDX + t] = c * n;
        t++;
      }
    }
    set.push(row);
  }
  ints[START + 2 * m] = t;
  for (let i = 0; i < m; i++) {
    const r = (i * 7 + 3) % (2 * m);
    ints[ORDER + i] = r;
    for (let c = 0; c < p; c++) h[X + i * p + c] = set[r][c];
  }
  for (let e = 0; e < p * n; e++) h[W + e] = rng.next() < 0.05 ? -0 : 2 * rng.next() - 1;
  for (let j = 0; j < n; j++) h[BIAS + j] = rng.next() - 0.5;
  for (let e = 0; e < m * n; e++) h[DZ + e] = rng.next() < 0.2 ? 0 : rng.next() - 0.5;
}

/** Equality to the bit (-0 differs from +0). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe("sparse first-layer kernels", () => {
  it("give the dense products' bits (gemmNN + bias, gemmTN + scale W), WebAssembly and JS, every column tail", () => {
    for (const use of ["auto", "js"] as const) {
      const k = denseKernels(SIZE, use);
      expect(k.kind).toBe(use === "auto" ? "wasm" : "js");
      const h = k.heap;
      for (const [m, n, p, density] of [
        [1, 1, 1, 1],
        [3, 5, 7, 0.4],
        [17, 16, 20, 0.2],
        [9, 17, 30, 0.3],
        [33, 18, 40, 0.1],
        [64, 64, 60, 0.19],
        [40, 33, 60, 0],
        [20, 2, 50, 0.9],
      ]) {
        fill(k, m, n, p, density, m * 31 + n);
        for (const scale of [0, 0.25]) {
          k.gemmNN(X, W, OUT, m, n, p, 1, BIAS, 0);
          k.sparseNN(VALS, IDX, START, ORDER, W, SOUT, m, n, BIAS);
          const nn = sameBits(h.subarray(OUT, OUT + m * n), h.subarray(SOUT, SOUT + m * n));
          expect(nn, `${use} nn ${m}x${n}x${p}`).toBe(true);
          k.gemmTN(X, DZ, OUT, p, n, m, 2, W, scale);
          k.sparseTN(VALS, IDX, START, ORDER, DZ, SOUT, m, n, p, W, scale);
          const tn = sameBits(h.subarray(OUT, OUT + p * n), h.subarray(SOUT, SOUT + p * n));
          expect(tn, `${use} tn ${m}x${n}x${p} scale ${scale}`).toBe(true);
        }
      }
    }
  });
});
