/** The neighbours of one query. */
export interface Neighbours {
  /** Row indices, nearest first. */
  index: Int32Array;
  /** Their distances (Euclidean or Manhattan, not squared). */
  distance: Float64Array;
}

/** Distance between rows. */
export type DistanceMetric = "euclidean" | "manhattan";

/**
 * The k best candidates seen so far, ordered by (distance, row index): a bounded max-heap whose
 * root is the worst one kept. Buffers are allocated once and reused across queries (`reset`).
 * Distances are "reduced": squared for Euclidean, plain for Manhattan.
 */
export class NeighbourHeap {
  readonly dist: Float64Array;
  readonly index: Int32Array;
  /** How many to keep (at most the buffers' length). */
  private k = 0;
  size = 0;

  constructor(capacity: number) {
    this.dist = new Float64Array(capacity);
    this.index = new Int32Array(capacity);
  }

  /** Empties the heap and sets how many candidates it keeps. */
  reset(k: number): void {
    this.k = k;
    this.size = 0;
  }

  /**
   * A candidate must not be farther than this to enter; Infinity while the heap is not full.
   * Anything strictly farther can be skipped (ties may still enter on a lower row index).
   */
  bound(): number {
    return this.size < this.k ? Number.POSITIVE_INFINITY : this.dist[0];
  }

  /**
   * Offers a candidate. Keeps the k smallest by (distance, row index) whatever the order of the
   * offers, so a tree search that meets rows out of order keeps the same set as a scan in row
   * order. A NaN distance enters only while the heap is not full and is never displaced.
   */
  push(d: number, i: number): void {
    const dist = this.dist;
    const index = this.index;
    if (this.size < this.k) {
      let c = this.size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        const pd = dist[parent];
        if (!(d > pd || (d === pd && i > index[parent]))) break;
        dist[c] = pd;
        index[c] = index[parent];
        c = parent;
      }
      dist[c] = d;
      index[c] = i;
      return;
    }
    if (!(d < dist[0] || (d === dist[0] && i < index[0]))) return;
    this.siftDown(d, i, this.k);
  }

  /** Puts (d, i) at the root and sifts it down within the first `size` slots. */
  private siftDown(d: number, i: number, size: number): void {
    const dist = this.dist;
    const index = this.index;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= size) break;
      let top = l;
      const r = l + 1;
      if (r < size && (dist[r] > dist[l] || (dist[r] === dist[l] && index[r] > index[l]))) top = r;
      const td = dist[top];
      if (!(td > d || (td === d && index[top] > i))) break;
      dist[c] = td;
      index[c] = index[top];
      c = top;
    }
    dist[c] = d;
    index[c] = i;
  }

  /**
   * Writes the kept neighbours nearest first into `index` and `distance` (true distances: the
   * square root is taken for Euclidean) and empties the heap. Heap-sort: no allocation. The
   * order is the total order on (distance, row index), so it equals a comparison sort's when no
   * distance is NaN (callers send queries with non-finite values to `nearest`).
   */
  drainSorted(index: Int32Array, distance: Float64Array, metric: DistanceMetric): number {
    const n = this.size;
    for (let size = n; size > 0; size--) {
      const d = this.dist[0];
      const i = this.index[0];
      index[size - 1] = i;
      distance[size - 1] = metric === "euclidean" ? Math.sqrt(d) : d;
      if (size > 1) this.siftDown(this.dist[size - 1], this.index[size - 1], size - 1);
    }
    this.size = 0;
    return n;
  }
}

/**
 * Squared Euclidean distance between row `a[ao ..]` and `q[0 .. cols)`, summed in column order.
 * Stops early, returning a partial sum above `bound`, once the sum passes `bound`: the terms are
 * non-negative and float addition is monotone, so the full sum would be above it too. The terms
 * are `(a - q)^2`, the same expression the KD-tree's box bound uses, which keeps that bound a true
 * lower bound in floating point.
 */
export function squaredEuclidean(
  a: Float64Array,
  ao: number,
  q: Float64Array,
  cols: number,
  bound: number,
  qo = 0,
): number {
  let d = 0;
  let j = 0;
  while (j + 4 <= cols) {
    const t0 = a[ao + j] - q[qo + j];
    const t1 = a[ao + j + 1] - q[qo + j + 1];
    const t2 = a[ao + j + 2] - q[qo + j + 2];
    const t3 = a[ao + j + 3] - q[qo + j + 3];
    d += t0 * t0;
    d += t1 * t1;
    d += t2 * t2;
    d += t3 * t3;
    j += 4;
    if (d > bound) return d;
  }
  for (; j < cols; j++) {
    const t = a[ao + j] - q[qo + j];
    d += t * t;
  }
  return d;
}

/** Manhattan distance, as `squaredEuclidean` (terms `|a - q|`, early stop past `bound`). */
export function manhattan(
  a: Float64Array,
  ao: number,
  q: Float64Array,
  cols: number,
  bound: number,
  qo = 0,
): number {
  let d = 0;
  let j = 0;
  while (j + 4 <= cols) {
    d += Math.abs(a[ao + j] - q[qo + j]);
    d += Math.abs(a[ao + j + 1] - q[qo + j + 1]);
    d += Math.abs(a[ao + j + 2] - q[qo + j + 2]);
    d += Math.abs(a[ao + j + 3] - q[qo + j + 3]);
    j += 4;
    if (d > bound) return d;
  }
  for (; j < cols; j++) d += Math.abs(a[ao + j] - q[qo + j]);
  return d;
}

/**
 * Offers every training row to the heap, in row order: O(n cols) per query, with distances cut
 * short once they exceed the worst kept neighbour (exact: such rows could not enter).
 */
export function bruteForceSearch(
  train: Float64Array,
  rows: number,
  cols: number,
  query: Float64Array,
  metric: DistanceMetric,
  heap: NeighbourHeap,
): void {
  // Rows come in increasing index order, so an equal distance never displaces a kept row; a NaN
  // distance (a query holding NaN) is offered, and enters only while the heap is not full.
  if (metric === "euclidean") {
    for (let r = 0; r < rows; r++) {
      const bound = heap.bound();
      const d = squaredEuclidean(train, r * cols, query, cols, bound);
      if (!(d > bound)) heap.push(d, r);
    }
  } else {
    for (let r = 0; r < rows; r++) {
      const bound = heap.bound();
      const d = manhattan(train, r * cols, query, cols, bound);
      if (!(d > bound)) heap.push(d, r);
    }
  }
}

/**
 * The k rows of a row-major matrix nearest to the query row at `queryOffset`, by brute force
 * with a bounded max-heap: O(n log k) per query and O(k) memory. Ties in distance go to the
 * lower row index, so the answer is deterministic. Allocates per call; the estimator uses
 * `bruteForceSearch` or the KD-tree with reused buffers, and this for queries holding NaN or
 * infinite values (whose order it defines: NaN distances keep the first k rows in row order).
 */
export function nearest(
  train: ArrayLike<number>,
  rows: number,
  cols: number,
  query: ArrayLike<number>,
  queryOffset: number,
  k: number,
  metric: DistanceMetric,
): Neighbours {
  const m = Math.min(k, rows);
  const heap = new NeighbourHeap(m);
  heap.reset(m);
  const a = train instanceof Float64Array ? train : Float64Array.from(train);
  const q = new Float64Array(cols);
  for (let j = 0; j < cols; j++) q[j] = query[queryOffset + j];
  bruteForceSearch(a, rows, cols, q, metric, heap);
  const size = heap.size;
  const order = Array.from({ length: size }, (_, i) => i).sort(
    (x, y) => heap.dist[x] - heap.dist[y] || heap.index[x] - heap.index[y],
  );
  return {
    index: Int32Array.from(order, (i) => heap.index[i]),
    distance: Float64Array.from(order, (i) =>
      metric === "euclidean" ? Math.sqrt(heap.dist[i]) : heap.dist[i],
    ),
  };
}
