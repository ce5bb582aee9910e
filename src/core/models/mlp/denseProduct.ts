/** Dense float64 matrix kernels of the typed-array MLP trainer (trainDense.ts). */

/** out (cols x rows) = a (rows x cols) transposed. */
export function transpose(a: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
}

/**
 * c (m x n) = a (m x p) times b (n x p) transposed: every entry a dot product of two contiguous
 * rows. Two rows of a by four of b at a time, eight sums in registers, so each load serves four
 * or two multiply-adds (a plain triple loop spent its time loading and storing c).
 */
export function multiplyTransposed(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  p: number,
  c: Float64Array,
): void {
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const a0 = i * p;
    const a1 = a0 + p;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const b0 = j * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let t = 0; t < p; t++) {
        const x0 = a[a0 + t];
        const x1 = a[a1 + t];
        const y0 = b[b0 + t];
        const y1 = b[b1 + t];
        const y2 = b[b2 + t];
        const y3 = b[b3 + t];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      const c0 = i * n + j;
      const c1 = c0 + n;
      c[c0] = s00;
      c[c0 + 1] = s01;
      c[c0 + 2] = s02;
      c[c0 + 3] = s03;
      c[c1] = s10;
      c[c1 + 1] = s11;
      c[c1 + 2] = s12;
      c[c1 + 3] = s13;
    }
    for (; j < n; j++) {
      const b0 = j * p;
      let s0 = 0;
      let s1 = 0;
      for (let t = 0; t < p; t++) {
        const y = b[b0 + t];
        s0 += a[a0 + t] * y;
        s1 += a[a1 + t] * y;
      }
      c[i * n + j] = s0;
      c[(i + 1) * n + j] = s1;
    }
  }
  for (; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < p; t++) s += a[i * p + t] * b[j * p + t];
      c[i * n + j] = s;
    }
  }
}
