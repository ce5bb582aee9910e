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
 * The k rows of a row-major matrix nearest to the query row at `queryOffset`, by brute force
 * with a bounded max-heap: O(n log k) per query and O(k) memory. Ties in distance go to the
 * lower row index, so the answer is deterministic.
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
  const heapD = new Float64Array(m);
  const heapI = new Int32Array(m);
  let size = 0;
  // Max-heap on (distance, index): the root is the worst neighbour kept so far.
  const worse = (a: number, b: number) =>
    heapD[a] > heapD[b] || (heapD[a] === heapD[b] && heapI[a] > heapI[b]);
  const swap = (a: number, b: number) => {
    const d = heapD[a];
    heapD[a] = heapD[b];
    heapD[b] = d;
    const i = heapI[a];
    heapI[a] = heapI[b];
    heapI[b] = i;
  };
  for (let r = 0; r < rows; r++) {
    let d = 0;
    const base = r * cols;
    if (metric === "manhattan") {
      for (let j = 0; j < cols; j++) d += Math.abs(train[base + j] - query[queryOffset + j]);
    } else {
      for (let j = 0; j < cols; j++) d += (train[base + j] - query[queryOffset + j]) ** 2;
    }
    if (size < m) {
      heapD[size] = d;
      heapI[size] = r;
      for (let c = size++; c > 0; ) {
        const parent = (c - 1) >> 1;
        if (!worse(c, parent)) break;
        swap(c, parent);
        c = parent;
      }
    } else if (d < heapD[0]) {
      // Rows come in increasing index order, so an equal distance never displaces a kept row.
      heapD[0] = d;
      heapI[0] = r;
      for (let c = 0; ; ) {
        const l = 2 * c + 1;
        const rr = l + 1;
        let top = c;
        if (l < m && worse(l, top)) top = l;
        if (rr < m && worse(rr, top)) top = rr;
        if (top === c) break;
        swap(c, top);
        c = top;
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort(
    (a, b) => heapD[a] - heapD[b] || heapI[a] - heapI[b],
  );
  return {
    index: Int32Array.from(order, (i) => heapI[i]),
    distance: Float64Array.from(order, (i) => (metric === "euclidean" ? Math.sqrt(heapD[i]) : heapD[i])),
  };
}
