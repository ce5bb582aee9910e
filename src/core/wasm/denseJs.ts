/**
 * The dense float64 kernels in plain JS over one Float64Array heap, for hosts without
 * WebAssembly SIMD: the same functions as the WASM module (denseWat.ts), element indices into
 * the heap, and the same summation order (every output a sum over k upwards from +0), so the two
 * give the same bits.
 */
export const denseJs = {
  /** C (m x n) = A (m x p, row-major) B (p x n, row-major), plus the epilogue of `mode` (see gemm). */
  gemmNN(
    h: Float64Array,
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    mode: number,
    extra: number,
    scale: number,
  ): void {
    gemm(h, a, p, 1, b, c, m, n, p, mode, extra, scale);
  },
  /** C (m x n) = Aᵀ B with A p x m row-major. */
  gemmTN(
    h: Float64Array,
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    mode: number,
    extra: number,
    scale: number,
  ): void {
    gemm(h, a, 1, m, b, c, m, n, p, mode, extra, scale);
  },
  relu(h: Float64Array, z: number, out: number, mask: number, size: number): void {
    if (mask < 0) for (let i = 0; i < size; i++) h[out + i] = Math.max(h[z + i], 0);
    else for (let i = 0; i < size; i++) h[out + i] = Math.max(h[z + i], 0) * h[mask + i];
  },
  reluGrad(h: Float64Array, dx: number, z: number, mask: number, size: number): void {
    for (let i = 0; i < size; i++) if (!(h[z + i] > 0)) h[dx + i] = 0;
    if (mask >= 0) for (let i = 0; i < size; i++) h[dx + i] *= h[mask + i];
  },
  columnSums(h: Float64Array, a: number, out: number, rows: number, cols: number): void {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += h[a + r * cols + j];
      h[out + j] = s;
    }
  },
  adam(
    h: Float64Array,
    w: number,
    grad: number,
    m: number,
    v: number,
    size: number,
    lr: number,
    b1: number,
    b2: number,
    a1: number,
    a2: number,
    eps: number,
  ): void {
    const c1 = 1 - b1;
    const c2 = 1 - b2;
    for (let i = 0; i < size; i++) {
      const g = h[grad + i];
      const mi = b1 * h[m + i] + c1 * g;
      const vi = b2 * h[v + i] + c2 * g * g;
      h[m + i] = mi;
      h[v + i] = vi;
      h[w + i] -= (lr * (mi / a1)) / (Math.sqrt(vi / a2) + eps);
    }
  },
  dropoutMask(
    h: Float64Array,
    mask: number,
    size: number,
    state: number,
    keep: number,
    kept: number,
  ): number {
    // The state as an int32 (the same bits as makeRng's uint32): V8 keeps it unboxed.
    let a = state | 0;
    for (let i = 0; i < size; i++) {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      h[mask + i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 < keep ? kept : 0;
    }
    return a;
  },
};

/**
 * C = A B with A's element (i, k) at a + i sa + k sk; four columns of C at a time so that each A
 * load serves four multiply-adds. mode 1 adds the row vector at `extra`, mode 2 adds scale times
 * the m x n matrix at `extra`.
 */
function gemm(
  h: Float64Array,
  a: number,
  sa: number,
  sk: number,
  b: number,
  c: number,
  m: number,
  n: number,
  p: number,
  mode: number,
  extra: number,
  scale: number,
): void {
  for (let i = 0; i < m; i++) {
    const ai = a + i * sa;
    const ci = c + i * n;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0, pa = ai, pb = b + j; k < p; k++, pa += sk, pb += n) {
        const x = h[pa];
        s0 += x * h[pb];
        s1 += x * h[pb + 1];
        s2 += x * h[pb + 2];
        s3 += x * h[pb + 3];
      }
      h[ci + j] = s0 + epilogue(h, mode, extra, scale, i * n + j, j);
      h[ci + j + 1] = s1 + epilogue(h, mode, extra, scale, i * n + j + 1, j + 1);
      h[ci + j + 2] = s2 + epilogue(h, mode, extra, scale, i * n + j + 2, j + 2);
      h[ci + j + 3] = s3 + epilogue(h, mode, extra, scale, i * n + j + 3, j + 3);
    }
    for (; j < n; j++) {
      let s = 0;
      for (let k = 0, pa = ai, pb = b + j; k < p; k++, pa += sk, pb += n) s += h[pa] * h[pb];
      h[ci + j] = mode === 0 ? s : s + epilogue(h, mode, extra, scale, i * n + j, j);
    }
  }
}

/** The term the epilogue adds; mode 0 adds -0, which leaves every sum (a -0 sum too) unchanged. */
function epilogue(
  h: Float64Array,
  mode: number,
  extra: number,
  scale: number,
  at: number,
  j: number,
): number {
  return mode === 1 ? h[extra + j] : mode === 2 ? scale * h[extra + at] : -0;
}
