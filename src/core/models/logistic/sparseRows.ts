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

/**
 * A matrix whose last columns hold only 0 and 1 (the recipe's one-hot blocks, after the scaled
 * numbers): its first `lead` columns kept dense (`head`, n x lead, row-major), the rest as the
 * columns of its 1s, row by row in column order (CSR without values). A term of a 1 is the
 * parameter itself (θ_j · 1 = θ_j, r · 1 = r exactly), and the dense head adds the terms of its
 * zeros, which change no sum (see `sparseRows`), so the sums are those of the dense loop bit for
 * bit, in the same column order, for less work than either: no index per number, no multiply or
 * value per 1.
 */
export interface SplitRows {
  lead: number;
  head: Float64Array;
  /** Row i's 1s in the tail are at columns `col[start[i] .. start[i + 1])`, increasing. */
  start: Int32Array;
  col: Int32Array;
}

/**
 * `data` (n x p, row-major) as SplitRows: the tail is the longest run of last columns that hold
 * only 0 and 1. Undefined when that tail is under 2 columns or more than `share` of it is 1s.
 */
export function splitRows(
  data: ArrayLike<number>,
  n: number,
  p: number,
  share = SPARSE_ROWS_SHARE,
): SplitRows | undefined {
  const binary = new Uint8Array(p).fill(1);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let j = 0; j < p; j++) {
      const v = data[o + j];
      if (v !== 0 && v !== 1) binary[j] = 0;
    }
  }
  let lead = p;
  while (lead > 0 && binary[lead - 1] === 1) lead--;
  if (p - lead < 2) return undefined;
  let ones = 0;
  for (let i = 0; i < n; i++) for (let j = lead, o = i * p; j < p; j++) if (data[o + j] === 1) ones++;
  if (ones > share * n * (p - lead)) return undefined;
  const head = new Float64Array(n * lead);
  const start = new Int32Array(n + 1);
  const col = new Int32Array(ones);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let j = 0; j < lead; j++) head[i * lead + j] = data[o + j];
    start[i] = e;
    for (let j = lead; j < p; j++) if (data[o + j] === 1) col[e++] = j;
  }
  start[n] = e;
  return { lead, head, start, col };
}
