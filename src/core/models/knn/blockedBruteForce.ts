import { type DistanceMetric, manhattan, NeighbourHeap, squaredEuclidean } from "./nearest.ts";

/**
 * Queries searched together by `BlockedBruteForce`. Measured, fit 40,000 + predict 1,024 rows x
 * 60 standardised columns (one-hot heavy), k = 5, Euclidean, on a 2-core Xeon whose large L3
 * holds the whole training matrix: blocks of 16 / 32 / 64 / 128 / 256 queries ran 1.48x / 1.40x /
 * 1.51x / 1.50x / 1.55x as fast as one query at a time, all within noise. There the scan is not
 * memory-bound and most of the gain is the four-query interleave (tiles alone, with the one-query
 * distance, gave 1.1x-1.2x). 64 keeps a block of 60-column queries (30 KB) in L1 and the training
 * matrix's trips from memory to one per 64 queries where it does not fit in cache.
 */
export const BRUTE_BLOCK_QUERIES = 64;
/**
 * Bytes of training rows per tile of `BlockedBruteForce` (256 KiB: 546 rows of 60 columns), small
 * enough to stay in a core's L2 while the block's queries are scanned against it. Measured as
 * above: tiles of 64 / 546 / 2,048 rows ran 1.54x / 1.57x / 1.58x, within noise.
 */
export const BRUTE_TILE_BYTES = 1 << 18;

/**
 * Brute force for a block of queries at once, with the same answer as `bruteForceSearch` run on
 * each query in turn, bit for bit: every query still meets the training rows in increasing index
 * order, with the same distance (same terms, same column order, same arithmetic), the same
 * early-stop checkpoints against its own heap's bound, and the same heap. Only the interleaving
 * across queries changes: the training rows go by in tiles, and each tile is scanned for every
 * query of the block while it sits in cache, so the training matrix streams from memory once per
 * block instead of once per query; and queries go four at a time through a row (`scanFour...`),
 * four independent sums that share the row's loads and one early-stop branch.
 *
 * Fill `queries` (row-major, finite values only), call `search(count, metric)`, then drain
 * `heaps[0 .. count)`. Buffers are allocated once; nothing is allocated per block or query. The
 * training matrix must be finite too (fit checks it): see `scanFourEuclidean` for why.
 */
export class BlockedBruteForce {
  /** Room for `capacity` query rows, row-major; the caller writes the block's queries here. */
  readonly queries: Float64Array;
  /** One heap per query slot, holding its neighbours after `search`. */
  readonly heaps: NeighbourHeap[];
  /** Each slot's heap bound, kept in step with its heap (it changes only on a push). */
  private readonly bounds: Float64Array;

  constructor(
    private readonly train: Float64Array,
    private readonly rows: number,
    private readonly cols: number,
    private readonly k: number,
    readonly capacity = BRUTE_BLOCK_QUERIES,
    private readonly tileRows = Math.max(16, Math.floor(BRUTE_TILE_BYTES / (8 * Math.max(1, cols)))),
  ) {
    this.queries = new Float64Array(capacity * cols);
    this.heaps = Array.from({ length: capacity }, () => new NeighbourHeap(k));
    this.bounds = new Float64Array(capacity);
  }

  /** Searches the first `count` query slots; each slot's heap ends with its k nearest. */
  search(count: number, metric: DistanceMetric): void {
    const { train, rows, cols, queries, heaps, bounds, tileRows } = this;
    for (let b = 0; b < count; b++) {
      heaps[b].reset(this.k);
      bounds[b] = heaps[b].bound();
    }
    const euclidean = metric === "euclidean";
    const grouped = count - (count % 4);
    for (let t0 = 0; t0 < rows; t0 += tileRows) {
      const t1 = Math.min(rows, t0 + tileRows);
      for (let b = 0; b < grouped; b += 4) {
        if (euclidean) scanFourEuclidean(train, cols, t0, t1, queries, b, heaps, bounds);
        else scanFourManhattan(train, cols, t0, t1, queries, b, heaps, bounds);
      }
      for (let b = grouped; b < count; b++) {
        const heap = heaps[b];
        const qo = b * cols;
        let bound = bounds[b];
        // As bruteForceSearch: skip a row only when its (partial) distance is above the bound.
        if (euclidean) {
          for (let r = t0; r < t1; r++) {
            const d = squaredEuclidean(train, r * cols, queries, cols, bound, qo);
            if (!(d > bound)) {
              heap.push(d, r);
              bound = heap.bound();
            }
          }
        } else {
          for (let r = t0; r < t1; r++) {
            const d = manhattan(train, r * cols, queries, cols, bound, qo);
            if (!(d > bound)) {
              heap.push(d, r);
              bound = heap.bound();
            }
          }
        }
        bounds[b] = bound;
      }
    }
  }
}

/**
 * Training rows [t0, t1) against the four queries in slots b .. b + 3: `squaredEuclidean` for
 * each, interleaved. Each query's sum is its own chain, built term by term in column order
 * exactly as there (so bit for bit the same); the four independent chains keep the FPU busy
 * where one chain waits on each addition. The early stop comes at the same checkpoints (every
 * four columns) but only once all four sums are past their bounds, when each query alone would
 * have stopped too. A sum that goes on past its own bound meanwhile only grows (non-negative
 * terms, monotone rounding; no NaN term as both rows are finite), so the final test still skips
 * the row for that query, as the early stop did.
 */
function scanFourEuclidean(
  train: Float64Array,
  cols: number,
  t0: number,
  t1: number,
  queries: Float64Array,
  b: number,
  heaps: NeighbourHeap[],
  bounds: Float64Array,
): void {
  const q0 = b * cols;
  const q1 = q0 + cols;
  const q2 = q1 + cols;
  const q3 = q2 + cols;
  const h0 = heaps[b];
  const h1 = heaps[b + 1];
  const h2 = heaps[b + 2];
  const h3 = heaps[b + 3];
  let b0 = bounds[b];
  let b1 = bounds[b + 1];
  let b2 = bounds[b + 2];
  let b3 = bounds[b + 3];
  for (let r = t0; r < t1; r++) {
    const ao = r * cols;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let j = 0;
    let skip = false;
    while (j + 4 <= cols) {
      for (const end = j + 4; j < end; j++) {
        const a = train[ao + j];
        const t0 = a - queries[q0 + j];
        const t1 = a - queries[q1 + j];
        const t2 = a - queries[q2 + j];
        const t3 = a - queries[q3 + j];
        d0 += t0 * t0;
        d1 += t1 * t1;
        d2 += t2 * t2;
        d3 += t3 * t3;
      }
      if (d0 > b0 && d1 > b1 && d2 > b2 && d3 > b3) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    for (; j < cols; j++) {
      const a = train[ao + j];
      const t0 = a - queries[q0 + j];
      const t1 = a - queries[q1 + j];
      const t2 = a - queries[q2 + j];
      const t3 = a - queries[q3 + j];
      d0 += t0 * t0;
      d1 += t1 * t1;
      d2 += t2 * t2;
      d3 += t3 * t3;
    }
    if (!(d0 > b0)) {
      h0.push(d0, r);
      b0 = h0.bound();
    }
    if (!(d1 > b1)) {
      h1.push(d1, r);
      b1 = h1.bound();
    }
    if (!(d2 > b2)) {
      h2.push(d2, r);
      b2 = h2.bound();
    }
    if (!(d3 > b3)) {
      h3.push(d3, r);
      b3 = h3.bound();
    }
  }
  bounds[b] = b0;
  bounds[b + 1] = b1;
  bounds[b + 2] = b2;
  bounds[b + 3] = b3;
}

/** `scanFourEuclidean` for the Manhattan distance (terms `|a - q|`, as `manhattan`). */
function scanFourManhattan(
  train: Float64Array,
  cols: number,
  t0: number,
  t1: number,
  queries: Float64Array,
  b: number,
  heaps: NeighbourHeap[],
  bounds: Float64Array,
): void {
  const q0 = b * cols;
  const q1 = q0 + cols;
  const q2 = q1 + cols;
  const q3 = q2 + cols;
  const h0 = heaps[b];
  const h1 = heaps[b + 1];
  const h2 = heaps[b + 2];
  const h3 = heaps[b + 3];
  let b0 = bounds[b];
  let b1 = bounds[b + 1];
  let b2 = bounds[b + 2];
  let b3 = bounds[b + 3];
  for (let r = t0; r < t1; r++) {
    const ao = r * cols;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let j = 0;
    let skip = false;
    while (j + 4 <= cols) {
      for (const end = j + 4; j < end; j++) {
        const a = train[ao + j];
        d0 += Math.abs(a - queries[q0 + j]);
        d1 += Math.abs(a - queries[q1 + j]);
        d2 += Math.abs(a - queries[q2 + j]);
        d3 += Math.abs(a - queries[q3 + j]);
      }
      if (d0 > b0 && d1 > b1 && d2 > b2 && d3 > b3) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    for (; j < cols; j++) {
      const a = train[ao + j];
      d0 += Math.abs(a - queries[q0 + j]);
      d1 += Math.abs(a - queries[q1 + j]);
      d2 += Math.abs(a - queries[q2 + j]);
      d3 += Math.abs(a - queries[q3 + j]);
    }
    if (!(d0 > b0)) {
      h0.push(d0, r);
      b0 = h0.bound();
    }
    if (!(d1 > b1)) {
      h1.push(d1, r);
      b1 = h1.bound();
    }
    if (!(d2 > b2)) {
      h2.push(d2, r);
      b2 = h2.bound();
    }
    if (!(d3 > b3)) {
      h3.push(d3, r);
      b3 = h3.bound();
    }
  }
  bounds[b] = b0;
  bounds[b + 1] = b1;
  bounds[b + 2] = b2;
  bounds[b + 3] = b3;
}
