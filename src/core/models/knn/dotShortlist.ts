import type { NeighbourHeap } from "./nearest.ts";
import { QueryShortlist } from "./queryShortlist.ts";
import { addSparseDots, ScanKernel } from "./scanKernel.ts";

/**
 * A column is kept as a list of its non-zero entries (and skipped for queries that are 0 there)
 * when at most this share of its rows is non-zero: one-hot indicators, counts that are mostly 0.
 * A query meets a column of density p with probability p and then scatters p x rows entries, a
 * dense column costs rows multiply-adds every time, and a scatter costs about three of those, so
 * lists pay up to p ~ 0.6. Measured (CPU time, fit 80% + search 20%): a wa_churn-like table of
 * 2- to 4-level categories, shares 0.25 / 0.5 / 0.7: 208 / 164 / 150 ms; lending_club-like:
 * 258 / 218 / 235 ms.
 */
export const SPARSE_COLUMN_SHARE = 0.5;
/**
 * The same threshold when the dense products run in WebAssembly SIMD (about 4x the JS kernel's
 * speed), where a list pays only up to p ~ 0.3. Measured (CPU time, search of one ladder fold's
 * 1,577 / 1,127 validation rows, best of 7, load 24): wa_churn-like (4,507 x 41), shares 0.15 /
 * 0.25 / 0.35 / 0.5: 54 / 52 / 55 / 64 ms; lending_club-like (6,308 x 117): 88 / 90 / 90 / 91 ms.
 */
export const WASM_SPARSE_COLUMN_SHARE = 0.25;

/**
 * Most bytes of dot products held at once (query chunk x training rows, float64): 512 KiB, so
 * that the shortlist reads them back from cache, not memory. Measured (CPU time, search of one
 * ladder fold, WebAssembly product, load 23): 512 KiB / 1 MiB / 8 MiB: wa_churn-like 59 / 67 /
 * 69 ms, lending_club-like 83 / 117 / 108 ms (the JS product likewise, 145 / 158 / 203 ms).
 */
const DOTS_BYTES = 1 << 19;
/** Most queries per chunk (the estimator's blocks hold 64). */
const MAX_CHUNK = 64;
/**
 * The WebAssembly scan holds the dense training part (transposed) in its own memory, in place
 * of the JS copy; above this many values (256 MiB) the JS kernel keeps its row-major copy.
 */
const WASM_MAX_DENSE = 1 << 25;

/**
 * Euclidean brute force through the expansion ‖x − q‖² = ‖x‖² + ‖q‖² − 2 x·q, used only to
 * shortlist: the answer is still the exact scan's (`bruteForceSearch`), bit for bit, ties included.
 *
 * Why: the expansion turns a distance into a dot product, which skips what is zero. Tables the
 * recipe one-hot encodes are mostly zeros (a 50-level category is 50 columns, one of them 1), so
 * the dot product runs over the numeric columns densely and over each indicator column only for
 * the rows and queries where it is non-zero (a column list, as a sparse matrix's). The dense part
 * is a matrix product, by WebAssembly SIMD where the host has it (src/core/wasm), else in JS.
 *
 * Exactness: the expanded sum rounds differently from the scan's Σ (x_j − q_j)², in another
 * order, so it only brackets it. Both are within a few (columns + 10) units of roundoff of
 * ‖x‖² + ‖q‖² (each term and each partial sum is bounded by it; Higham, Accuracy and Stability
 * of Numerical Algorithms, §3.1), so with E = 8 (cols + 10) u (‖x‖² + ‖q‖²), every row's scanned
 * distance lies in [D − E, D + E], D the expanded value (plus a few subnormal units, for sums
 * that underflow). The k-th smallest upper end U bounds
 * the scan's k-th distance from above, so a row whose lower end is above U cannot be among the
 * scan's k nearest, nor tie with the k-th. Every other row (in practice the k nearest and exact
 * ties) gets the scan's own distance, in increasing row order, into the same heap: same set,
 * same order (QueryShortlist). Needs finite training rows and queries and finite norms (`build`
 * says when not). Where the host has WebAssembly SIMD, the products, the distances and the first
 * test run fused in one pass (ScanKernel), and JS sees only the rows that pass it.
 */
export class DotShortlist {
  /** ‖x‖² per training row, and the largest of them. */
  private readonly norms: Float64Array;
  private maxNorm = 0;
  /** Dense columns' indices, and the training rows restricted to them, row-major (JS kernel). */
  private readonly denseCols: Int32Array;
  private readonly dense: Float64Array;
  /** The fused WebAssembly SIMD scan, where the host has it (it then holds the dense part). */
  private readonly kernel?: ScanKernel;
  /** Queries per chunk: as many as keep the dot products within DOTS_BYTES, at most MAX_CHUNK. */
  private readonly chunkMax: number;
  /** Sparse columns: per column index, its run in `sparseRows` / `sparseValues` (CSC). */
  private readonly sparseStart: Int32Array;
  private readonly sparseRows: Int32Array;
  private readonly sparseValues: Float64Array;
  /** Dot products of each query slot with every training row, slot-major (JS kernel). */
  private readonly dots: Float64Array;
  private queryNorms = new Float64Array(0);
  /** The shortlist of the query being scanned (JS kernel). */
  private readonly query: QueryShortlist;

  private constructor(
    private readonly train: Float64Array,
    private readonly rows: number,
    private readonly cols: number,
    sparseShare: number | undefined,
    product: "auto" | "js",
  ) {
    this.norms = new Float64Array(rows);
    const nonZero = new Int32Array(cols);
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let j = 0; j < cols; j++) {
        const v = train[r * cols + j];
        s += v * v;
        if (v !== 0) nonZero[j]++;
      }
      this.norms[r] = s;
      if (s > this.maxNorm) this.maxNorm = s;
    }
    // With the WebAssembly scan a dense column costs about a quarter of a JS one, so fewer
    // columns pay as lists (see WASM_SPARSE_COLUMN_SHARE); the split waits for the kernel.
    const denseAt = (share: number) => {
      const list: number[] = [];
      for (let j = 0; j < cols; j++) if (nonZero[j] > share * rows) list.push(j);
      return list;
    };
    this.chunkMax = Math.min(MAX_CHUNK, Math.max(4, Math.floor(DOTS_BYTES / (8 * rows)) & ~3));
    let denseList = denseAt(
      sparseShare ?? (product === "auto" ? WASM_SPARSE_COLUMN_SHARE : SPARSE_COLUMN_SHARE),
    );
    const kernel =
      product === "auto" && denseList.length > 0 && denseList.length * rows <= WASM_MAX_DENSE
        ? ScanKernel.create(train, rows, cols, Int32Array.from(denseList), this.norms, this.chunkMax)
        : undefined;
    if (!kernel) denseList = denseAt(sparseShare ?? SPARSE_COLUMN_SHARE);
    const nd = denseList.length;
    this.denseCols = Int32Array.from(denseList);
    const isDense = new Uint8Array(cols);
    for (const j of denseList) isDense[j] = 1;
    this.sparseStart = new Int32Array(cols + 1);
    let entries = 0;
    for (let j = 0; j < cols; j++) {
      this.sparseStart[j] = entries;
      if (!isDense[j]) entries += nonZero[j];
    }
    this.sparseStart[cols] = entries;
    this.query = new QueryShortlist(kernel ? 0 : rows);
    if (kernel) {
      this.kernel = kernel;
      this.dots = new Float64Array(0);
      this.dense = new Float64Array(0);
    } else {
      this.dots = new Float64Array(this.chunkMax * rows);
      this.dense = new Float64Array(rows * nd);
      for (let r = 0; r < rows; r++)
        for (let d = 0; d < nd; d++) this.dense[r * nd + d] = train[r * cols + denseList[d]];
    }
    this.sparseRows = new Int32Array(entries);
    this.sparseValues = new Float64Array(entries);
    const fill = this.sparseStart.slice(0, cols);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < cols; j++) {
        const v = train[r * cols + j];
        if (isDense[j] || v === 0) continue;
        this.sparseRows[fill[j]] = r;
        this.sparseValues[fill[j]++] = v;
      }
    }
  }

  /**
   * The search for a finite training matrix, or undefined when the expansion cannot bracket the
   * scan: a norm overflows (values near 1e154) and the bounds would be infinite. `product` "js"
   * keeps the dense products in JS where WebAssembly SIMD exists (tests, benchmarks): the
   * neighbours are the same either way (only the shortlist's bracket sees the products).
   */
  static build(
    train: Float64Array,
    rows: number,
    cols: number,
    sparseShare?: number,
    product: "auto" | "js" = "auto",
  ): DotShortlist | undefined {
    const search = new DotShortlist(train, rows, cols, sparseShare, product);
    for (let r = 0; r < rows; r++) if (!Number.isFinite(search.norms[r])) return undefined;
    return search;
  }

  /** Which kernel computes the dense products: WebAssembly SIMD or JS. */
  get product(): "wasm" | "js" {
    return this.kernel ? "wasm" : "js";
  }

  /**
   * Searches the first `count` rows of `queries` (row-major, finite); heap b ends with query b's
   * k nearest (k at most the training rows), as the exact scan would leave it. Returns false,
   * leaving the heaps unspecified, when a query's norm overflows: the caller then scans exactly.
   */
  search(queries: Float64Array, heaps: NeighbourHeap[], count: number, k: number): boolean {
    const cols = this.cols;
    // Queries go through in chunks whose dot products fit in DOTS_BYTES (8 at a time on
    // lending_club's 7,900 training rows; 4, the least, on 100,000).
    const chunk = Math.min(count, this.chunkMax);
    if (this.queryNorms.length < count) this.queryNorms = new Float64Array(count);
    const queryNorms = this.queryNorms;
    for (let b = 0; b < count; b++) {
      let s = 0;
      for (let j = 0; j < cols; j++) {
        const v = queries[b * cols + j];
        s += v * v;
      }
      if (!Number.isFinite(s)) return false;
      queryNorms[b] = s;
    }
    for (let q0 = 0; q0 < count; q0 += chunk) {
      const c = Math.min(chunk, count - q0);
      const part = queries.subarray(q0 * cols, (q0 + c) * cols);
      if (this.kernel) {
        const sparse = { start: this.sparseStart, rows: this.sparseRows, values: this.sparseValues };
        const chunkHeaps = heaps.slice(q0, q0 + c);
        this.kernel.searchChunk(
          this.train,
          this.norms,
          this.maxNorm,
          sparse,
          part,
          c,
          queryNorms,
          q0,
          chunkHeaps,
          k,
        );
        continue;
      }
      this.denseDots(part, c);
      this.sparseDots(part, c);
      for (let b = 0; b < c; b++) this.shortlist(part, b, queryNorms[q0 + b], heaps[q0 + b], k);
    }
    return true;
  }

  /**
   * dots[b][r] = Σ over dense columns of x_rj q_bj, for every slot and training row, two
   * training rows by four queries at a time (the JS kernel; ScanKernel does it where there is
   * WebAssembly SIMD, about 4x as fast on lending_club's 17 dense columns). Any summation order
   * will do: the shortlist's bracket holds for every order.
   */
  private denseDots(queries: Float64Array, count: number): void {
    const { rows, cols, dense, denseCols, dots } = this;
    const nd = denseCols.length;
    const q = new Float64Array(4 * nd);
    for (let b = 0; b < count; b += 4) {
      const width = Math.min(4, count - b);
      q.fill(0);
      for (let i = 0; i < width; i++)
        for (let d = 0; d < nd; d++) q[d * 4 + i] = queries[(b + i) * cols + denseCols[d]];
      const o0 = b * rows;
      const o1 = o0 + rows;
      const o2 = o1 + rows;
      const o3 = o2 + rows;
      let r = 0;
      for (; r + 2 <= rows; r += 2) {
        let s00 = 0;
        let s01 = 0;
        let s02 = 0;
        let s03 = 0;
        let s10 = 0;
        let s11 = 0;
        let s12 = 0;
        let s13 = 0;
        const a0 = r * nd;
        const a1 = a0 + nd;
        for (let d = 0; d < nd; d++) {
          const x0 = dense[a0 + d];
          const x1 = dense[a1 + d];
          const qd = d * 4;
          const q0 = q[qd];
          const q1 = q[qd + 1];
          const q2 = q[qd + 2];
          const q3 = q[qd + 3];
          s00 += x0 * q0;
          s01 += x0 * q1;
          s02 += x0 * q2;
          s03 += x0 * q3;
          s10 += x1 * q0;
          s11 += x1 * q1;
          s12 += x1 * q2;
          s13 += x1 * q3;
        }
        dots[o0 + r] = s00;
        dots[o0 + r + 1] = s10;
        if (width > 1) {
          dots[o1 + r] = s01;
          dots[o1 + r + 1] = s11;
        }
        if (width > 2) {
          dots[o2 + r] = s02;
          dots[o2 + r + 1] = s12;
        }
        if (width > 3) {
          dots[o3 + r] = s03;
          dots[o3 + r + 1] = s13;
        }
      }
      for (; r < rows; r++) {
        for (let i = 0; i < width; i++) {
          let s = 0;
          for (let d = 0; d < nd; d++) s += dense[r * nd + d] * q[d * 4 + i];
          dots[(b + i) * rows + r] = s;
        }
      }
    }
  }

  /** Adds the sparse columns' terms: for each query's non-zero there, that column's entries. */
  private sparseDots(queries: Float64Array, count: number): void {
    const sparse = { start: this.sparseStart, rows: this.sparseRows, values: this.sparseValues };
    addSparseDots(sparse, queries, count, this.cols, this.dots, 0, this.rows);
  }

  /**
   * Slot b's k nearest from its dot products: bracket, shortlist, exact distances
   * (QueryShortlist), every row offered in order after the cheap test, which skips most of them.
   */
  private shortlist(queries: Float64Array, b: number, nq: number, heap: NeighbourHeap, k: number): void {
    const { rows, cols, norms, dots, query } = this;
    const o = b * rows;
    query.reset(k, cols, nq, this.maxNorm);
    const widest = query.widest;
    for (let r = 0; r < rows; r++) {
      const d = norms[r] + nq - 2 * dots[o + r];
      if (d - widest > query.limit) continue;
      query.offer(r, d, norms[r]);
    }
    query.finish(this.train, cols, queries, b * cols, heap);
  }
}
