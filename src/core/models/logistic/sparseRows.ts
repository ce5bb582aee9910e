/**
 * A row-major matrix kept as its non-zero entries, row by row in column order (CSR), for the
 * linear models' passes over the data when most entries are 0 (one-hot indicator columns).
 */
export interface SparseRows {
  /** Row i's entries are `col[start[i] .. start[i + 1])` and `value[...]`, columns increasing. */
  start: Int32Array;
  col: Int32Array;
  value: Float64Array;
}

/**
 * Store a matrix sparse when at most this share of its entries is non-zero. A dense term costs a
 * multiply-add; a sparse one also loads its column index and reaches the parameters indirectly,
 * about twice the work. Measured on one ladder fold (`npm run bench -- logistic`, CPU per fit,
 * best of 5): lending_club-like, 117 columns, 19% non-zero: 199 ms dense, 79 ms sparse;
 * wa_churn-like, 41 columns, 40% non-zero: 26 ms either way.
 */
export const SPARSE_ROWS_SHARE = 0.6;

/**
 * The non-zero entries of `data` (n x p, row-major), or undefined when more than `share` of them
 * are non-zero (then the dense loop is faster). Skipping zeros leaves every sum the same, bit for
 * bit: a term θ_j · 0 is ±0, and adding ±0 changes no sum but one that is −0, which these sums
 * never are (they start at +0 or a parameter, and a sum of non-zero terms that cancels is +0).
 * Non-finite values count as non-zero, so they still poison the sums as in the dense loop.
 */
export function sparseRows(
  data: ArrayLike<number>,
  n: number,
  p: number,
  share = SPARSE_ROWS_SHARE,
): SparseRows | undefined {
  let nnz = 0;
  for (let i = 0; i < n * p; i++) if (data[i] !== 0) nnz++;
  if (nnz > share * n * p) return undefined;
  const start = new Int32Array(n + 1);
  const col = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  let e = 0;
  for (let i = 0; i < n; i++) {
    start[i] = e;
    const o = i * p;
    for (let j = 0; j < p; j++) {
      const v = data[o + j];
      if (v !== 0) {
        col[e] = j;
        value[e++] = v;
      }
    }
  }
  start[n] = e;
  return { start, col, value };
}
