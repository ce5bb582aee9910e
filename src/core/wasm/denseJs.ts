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
  /**
   * A hidden layer's forward pass: z (at c) = A B + bias, then, unless mask is -1, the dropout
   * mask drawn from `state` (dropoutMask), then out = relu(z) times it. Returns the new state.
   */
  gemmNNRelu(
    h: Float64Array,
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    bias: number,
    out: number,
    mask: number,
    state: number,
    keep: number,
    kept: number,
  ): number {
    gemm(h, a, p, 1, b, c, m, n, p, 1, bias, 0);
    const next = mask < 0 ? state : denseJs.dropoutMask(h, mask, m * n, state, keep, kept);
    denseJs.relu(h, c, out, mask, m * n);
    return next;
  },
  /** The backward pass into a hidden layer: C = A B, then reluGrad(C, z, mask). */
  gemmNNDrelu(
    h: Float64Array,
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    z: number,
    mask: number,
  ): void {
    gemm(h, a, p, 1, b, c, m, n, p, 0, 0, 0);
    denseJs.reluGrad(h, c, z, mask, m * n);
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
  /**
   * z (m x n) = X W + bias, X rows order[0 .. m) of a compressed set: row r's entries start[r] ..
   * start[r + 1], each a value (h at vals) and its weight row's first element k n (hi at idx).
   * vals is a float64 element index; idx, start and order are int32 ones (sparseWat.ts).
   */
  sparseNN(
    h: Float64Array,
    hi: Int32Array,
    vals: number,
    idx: number,
    start: number,
    order: number,
    w: number,
    c: number,
    m: number,
    n: number,
    bias: number,
  ): void {
    for (let i = 0; i < m; i++) {
      const r = hi[order + i];
      const [t0, t1] = [hi[start + r], hi[start + r + 1]];
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = t0; t < t1; t++) s += h[vals + t] * h[w + hi[idx + t] + j];
        h[c + i * n + j] = s + h[bias + j];
      }
    }
  },
  /** gw (p x n) = Xᵀ dz + scale W, X the rows of sparseNN: gw from +0, rows in batch order. */
  sparseTN(
    h: Float64Array,
    hi: Int32Array,
    vals: number,
    idx: number,
    start: number,
    order: number,
    dz: number,
    gw: number,
    m: number,
    n: number,
    p: number,
    w: number,
    scale: number,
  ): void {
    h.fill(0, gw, gw + p * n);
    for (let i = 0; i < m; i++) {
      const row = dz + i * n;
      const r = hi[order + i];
      for (let t = hi[start + r], t1 = hi[start + r + 1]; t < t1; t++) {
        const x = h[vals + t];
        const g = gw + hi[idx + t];
        for (let j = 0; j < n; j++) h[g + j] += x * h[row + j];
      }
    }
    for (let e = gw, o = w, end = gw + p * n; e < end; e++, o++) h[e] += scale * h[o];
  },
  /** h[dst + i cols + j] = f[src + order[i] cols + j] (f: the heap as float32, hi: as int32). */
  gatherRows(
    h: Float64Array,
    f: Float32Array,
    hi: Int32Array,
    src: number,
    cols: number,
    order: number,
    m: number,
    dst: number,
  ): void {
    for (let i = 0, d = dst; i < m; i++, d += cols) {
      const o = src + hi[order + i] * cols;
      for (let j = 0; j < cols; j++) h[d + j] = f[o + j];
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
 * C = A B with A's element (i, k) at a + i sa + k sk. Two rows by four columns at a time, eight
 * sums in registers, so that each load serves two or four multiply-adds; the epilogue of `mode`
 * adds the row vector at `extra` (1) or scale times the m x n matrix at `extra` (2).
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
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const a0 = a + i * sa;
    const a1 = a0 + sa;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let k = 0, o = 0, pb = b + j; k < p; k++, o += sk, pb += n) {
        const x0 = h[a0 + o];
        const x1 = h[a1 + o];
        const y0 = h[pb];
        const y1 = h[pb + 1];
        const y2 = h[pb + 2];
        const y3 = h[pb + 3];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      put(h, c, n, i, j, s00, mode, extra, scale);
      put(h, c, n, i, j + 1, s01, mode, extra, scale);
      put(h, c, n, i, j + 2, s02, mode, extra, scale);
      put(h, c, n, i, j + 3, s03, mode, extra, scale);
      put(h, c, n, i + 1, j, s10, mode, extra, scale);
      put(h, c, n, i + 1, j + 1, s11, mode, extra, scale);
      put(h, c, n, i + 1, j + 2, s12, mode, extra, scale);
      put(h, c, n, i + 1, j + 3, s13, mode, extra, scale);
    }
    for (; j < n; j++) {
      let s0 = 0;
      let s1 = 0;
      for (let k = 0, o = 0, pb = b + j; k < p; k++, o += sk, pb += n) {
        const y = h[pb];
        s0 += h[a0 + o] * y;
        s1 += h[a1 + o] * y;
      }
      put(h, c, n, i, j, s0, mode, extra, scale);
      put(h, c, n, i + 1, j, s1, mode, extra, scale);
    }
  }
  for (; i < m; i++) {
    const a0 = a + i * sa;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0, o = 0, pb = b + j; k < p; k++, o += sk, pb += n) s += h[a0 + o] * h[pb];
      put(h, c, n, i, j, s, mode, extra, scale);
    }
  }
}

/** C[i][j] = s plus the epilogue of `mode`. */
function put(
  h: Float64Array,
  c: number,
  n: number,
  i: number,
  j: number,
  s: number,
  mode: number,
  extra: number,
  scale: number,
): void {
  const at = i * n + j;
  h[c + at] = mode === 0 ? s : mode === 1 ? s + h[extra + j] : s + scale * h[extra + at];
}
