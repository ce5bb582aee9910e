import { type NeighbourHeap, squaredEuclidean } from "./nearest.ts";

/** 2^-53: the unit roundoff of float64. */
const UNIT_ROUNDOFF = 2 ** -53;
/** 2^-1022: below it, float64 loses relative precision (subnormals). */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * One query's shortlist in DotShortlist (see there for why it is exact): rows are offered in
 * increasing order with their expanded distance D; it keeps the k smallest upper ends D + slack
 * so far (a max-heap whose root is the running limit) and notes every row whose lower end
 * D − slack does not exceed the limit at that moment; `finish` measures the noted rows still
 * within the final limit exactly, in row order, into the caller's heap. The state lives between
 * offers, so the rows can come in blocks, interleaved with other queries' (the WebAssembly scan).
 */
export class QueryShortlist {
  /** The k smallest upper ends seen, as a max-heap (root: the largest of them). */
  private upper: Float64Array;
  private size = 0;
  private k = 0;
  /** The running limit: the k-th smallest upper end so far (Infinity until k rows came). */
  limit = Number.POSITIVE_INFINITY;
  /** The slack's parts for this query's norm, and the widest slack any row can get. */
  private rel = 0;
  private tiny = 0;
  private nq = 0;
  widest = Number.POSITIVE_INFINITY;
  /** Rows noted and their lower ends (room for every training row). */
  private noted = 0;
  private readonly picked: Int32Array;
  private readonly lower: Float64Array;

  constructor(rows: number, k = 1) {
    this.upper = new Float64Array(k);
    this.picked = new Int32Array(rows);
    this.lower = new Float64Array(rows);
  }

  /**
   * Starts a query of norm ‖q‖² = nq over training rows of `cols` columns whose largest norm is
   * maxNorm, keeping k (at most the training rows).
   */
  reset(k: number, cols: number, nq: number, maxNorm: number): void {
    if (this.upper.length < k) this.upper = new Float64Array(k);
    this.k = k;
    this.size = 0;
    this.noted = 0;
    this.limit = Number.POSITIVE_INFINITY;
    this.rel = 8 * (cols + 10) * UNIT_ROUNDOFF;
    this.tiny = (cols + 10) * SMALLEST_NORMAL;
    this.nq = nq;
    // The largest slack any row can get: rounding is monotone, so norms[r] <= maxNorm gives
    // slack <= widest and d - slack >= d - widest, and a row with d - widest > limit would fail
    // the full test in `offer` too. The callers' cheap test skips most rows without an offer.
    this.widest = this.rel * (maxNorm + nq) + this.tiny;
  }

  /** Row r, of norm ‖x‖² = norm, at expanded distance d (rows in increasing order). */
  offer(r: number, d: number, norm: number): void {
    const limit = this.limit;
    if (d - this.widest > limit) return;
    const slack = this.rel * (norm + this.nq) + this.tiny;
    const lo = d - slack;
    if (lo > limit) return;
    this.lower[this.noted] = lo;
    this.picked[this.noted++] = r;
    const u = d + slack;
    const upper = this.upper;
    const k = this.k;
    if (this.size < k) {
      let c = this.size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!(upper[p] < u)) break;
        upper[c] = upper[p];
        c = p;
      }
      upper[c] = u;
      if (this.size === k) this.limit = upper[0];
    } else if (u < limit) {
      siftDownMax(upper, k, u);
      this.limit = upper[0];
    }
  }

  /**
   * The exact scan's k nearest into `heap`: the noted rows within the final limit, by the scan's
   * own distance to the query at queries[qo ..], in increasing row order.
   */
  finish(train: Float64Array, cols: number, queries: Float64Array, qo: number, heap: NeighbourHeap): void {
    heap.reset(this.k);
    const { lower, picked, limit } = this;
    for (let i = 0; i < this.noted; i++) {
      if (lower[i] > limit) continue;
      const r = picked[i];
      const bound = heap.bound();
      const exact = squaredEuclidean(train, r * cols, queries, cols, bound, qo);
      if (!(exact > bound)) heap.push(exact, r);
    }
  }
}

/** Replaces a max-heap's root by `v` and restores the heap order. */
function siftDownMax(heap: Float64Array, size: number, v: number): void {
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    if (l >= size) break;
    const r = l + 1;
    const top = r < size && heap[r] > heap[l] ? r : l;
    if (!(heap[top] > v)) break;
    heap[c] = heap[top];
    c = top;
  }
  heap[c] = v;
}
