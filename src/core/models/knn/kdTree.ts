import { type DistanceMetric, manhattan, type NeighbourHeap, squaredEuclidean } from "./nearest.ts";

/** Most rows per leaf; leaves hold between half this and this. */
export const KD_LEAF_SIZE = 40;

/**
 * An exact KD-tree over the rows of a row-major matrix (as scikit-learn's KDTree: a complete
 * binary tree in implicit layout, node i's children at 2i + 1 and 2i + 2, each node splitting its
 * rows at the median of its widest-spread column, tight bounding boxes per node).
 *
 * Everything sits in typed arrays: the row order (`perm`), a copy of the rows in that order so a
 * leaf reads one contiguous block, and per node its row range and box. A query prunes a node when
 * the distance from the query to the node's box exceeds the worst neighbour kept. The box distance
 * is built from the same terms as the point distance, clamped per column, and summed in the same
 * column order, so in floating point it never exceeds the distance of any row in the box: pruning
 * loses nothing, and with the heap's (distance, row index) order the answer equals brute force's,
 * ties included. Queries must be finite (the estimator sends other rows to brute force).
 */
export class KdTree {
  readonly rows: number;
  readonly cols: number;
  /** Original row index of each position in tree order. */
  private readonly perm: Int32Array;
  /** The rows in tree order, row-major. */
  private readonly points: Float64Array;
  private readonly nodeCount: number;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** Per node, the least and greatest value of each column over its rows (node-major). */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private metric: DistanceMetric = "euclidean";
  private query: Float64Array = new Float64Array(0);
  private heap?: NeighbourHeap;
  private work = 0;

  constructor(train: Float64Array, rows: number, cols: number, leafSize = KD_LEAF_SIZE) {
    if (!(Number.isInteger(leafSize) && leafSize >= 1))
      throw new RangeError(`invalid leaf size: ${leafSize}`);
    this.rows = rows;
    this.cols = cols;
    // As scikit-learn: enough levels that no leaf holds more than leafSize rows (median splits
    // halve a node, so leaves end up between leafSize / 2 and leafSize).
    const levels = rows > leafSize ? Math.ceil(Math.log2(rows / leafSize)) + 1 : 1;
    this.nodeCount = 2 ** levels - 1;
    this.perm = Int32Array.from({ length: rows }, (_, i) => i);
    this.start = new Int32Array(this.nodeCount);
    this.end = new Int32Array(this.nodeCount);
    this.lo = new Float64Array(this.nodeCount * cols);
    this.hi = new Float64Array(this.nodeCount * cols);
    this.build(train, 0, 0, rows);
    this.points = new Float64Array(rows * cols);
    for (let p = 0; p < rows; p++) {
      const src = this.perm[p] * cols;
      for (let j = 0; j < cols; j++) this.points[p * cols + j] = train[src + j];
    }
  }

  private build(train: Float64Array, node: number, from: number, to: number): void {
    const { cols, perm, lo, hi } = this;
    this.start[node] = from;
    this.end[node] = to;
    const box = node * cols;
    lo.fill(Number.POSITIVE_INFINITY, box, box + cols);
    hi.fill(Number.NEGATIVE_INFINITY, box, box + cols);
    for (let p = from; p < to; p++) {
      const base = perm[p] * cols;
      for (let j = 0; j < cols; j++) {
        const v = train[base + j];
        if (v < lo[box + j]) lo[box + j] = v;
        if (v > hi[box + j]) hi[box + j] = v;
      }
    }
    const left = 2 * node + 1;
    if (left >= this.nodeCount) return;
    let dim = 0;
    let widest = -1;
    for (let j = 0; j < cols; j++) {
      const spread = hi[box + j] - lo[box + j];
      if (spread > widest) {
        widest = spread;
        dim = j;
      }
    }
    const mid = from + ((to - from) >> 1);
    if (to - from > 1) selectNth(perm, train, cols, dim, from, to - 1, mid);
    this.build(train, left, from, mid);
    this.build(train, left + 1, mid, to);
  }

  /**
   * Offers to `heap` (already reset to k) enough rows that it ends up holding the k nearest to
   * `query` (a finite row of `cols` values), by (reduced distance, row index). Returns the work
   * done, in distance computations (rows and boxes, each O(cols)): brute force's is `rows`.
   */
  search(query: Float64Array, metric: DistanceMetric, heap: NeighbourHeap): number {
    this.query = query;
    this.metric = metric;
    this.heap = heap;
    this.work = 0;
    this.visit(0, 0);
    this.heap = undefined;
    return this.work;
  }

  private visit(node: number, lowerBound: number): void {
    const heap = this.heap!;
    if (lowerBound > heap.bound()) return;
    const left = 2 * node + 1;
    if (left >= this.nodeCount) {
      const { points, perm, cols, query } = this;
      const end = this.end[node];
      this.work += end - this.start[node];
      if (this.metric === "euclidean") {
        for (let p = this.start[node]; p < end; p++) {
          const bound = heap.bound();
          const d = squaredEuclidean(points, p * cols, query, cols, bound);
          if (d <= bound) heap.push(d, perm[p]);
        }
      } else {
        for (let p = this.start[node]; p < end; p++) {
          const bound = heap.bound();
          const d = manhattan(points, p * cols, query, cols, bound);
          if (d <= bound) heap.push(d, perm[p]);
        }
      }
      return;
    }
    const right = left + 1;
    const dl = this.distanceToBox(left, heap.bound());
    const dr = this.distanceToBox(right, heap.bound());
    if (dl <= dr) {
      this.visit(left, dl);
      this.visit(right, dr);
    } else {
      this.visit(right, dr);
      this.visit(left, dl);
    }
  }

  /**
   * Reduced distance from the query to the node's box: per column the gap to the nearer face
   * (0 inside), as `face - query` like the point distance's `row - query`. Stops early once past
   * `bound`, as the point distance does.
   */
  private distanceToBox(node: number, bound: number): number {
    const { cols, lo, hi, query } = this;
    const box = node * cols;
    this.work++;
    let d = 0;
    if (this.metric === "euclidean") {
      for (let j = 0; j < cols; j++) {
        const q = query[j];
        const l = lo[box + j];
        if (q < l) {
          const t = l - q;
          d += t * t;
        } else {
          const h = hi[box + j];
          if (q > h) {
            const t = h - q;
            d += t * t;
          } else continue;
        }
        if (d > bound) return d;
      }
    } else {
      for (let j = 0; j < cols; j++) {
        const q = query[j];
        const l = lo[box + j];
        if (q < l) d += l - q;
        else {
          const h = hi[box + j];
          if (q > h) d += q - h;
          else continue;
        }
        if (d > bound) return d;
      }
    }
    return d;
  }
}

/**
 * Reorders `perm[from ..= to]` so that position `nth` holds the row whose value in column `dim`
 * would sit there in sorted order, with no greater value before it and no smaller after it
 * (Hoare's selection, median-of-three pivot; deterministic, and equal values split evenly).
 */
function selectNth(
  perm: Int32Array,
  train: Float64Array,
  cols: number,
  dim: number,
  from: number,
  to: number,
  nth: number,
): void {
  let left = from;
  let right = to;
  while (right > left) {
    const a = train[perm[left] * cols + dim];
    const b = train[perm[(left + right) >> 1] * cols + dim];
    const c = train[perm[right] * cols + dim];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = left;
    let j = right;
    while (i <= j) {
      while (train[perm[i] * cols + dim] < pivot) i++;
      while (train[perm[j] * cols + dim] > pivot) j--;
      if (i <= j) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else return;
  }
}
