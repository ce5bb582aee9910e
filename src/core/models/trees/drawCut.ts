import type { Rng } from "../../random.ts";

/**
 * The cut for bins lo..hi: split "code <= bin". Geurts et al. draw the cut-point uniformly between
 * the node's smallest and largest value, so wide gaps between values are cut more often than
 * narrow ones; codes only locate the values within bins, so the draw spans from bin lo's lower
 * edge to bin hi's upper edge and takes the first edge at or above it. Without edges, every bin
 * boundary is equally likely.
 */
export function drawCut(
  edges: Float64Array | undefined,
  index: CutIndex | null,
  lo: number,
  hi: number,
  rng: Rng,
): number {
  if (!edges || edges.length < hi) return lo + rng.int(hi - lo);
  const from = lo > 0 ? edges[lo - 1] : edges[lo];
  const to = hi < edges.length ? edges[hi] : edges[hi - 1];
  const t = from + rng.next() * (to - from);
  // The first bin in lo..hi-1 whose upper edge is at or above t, else hi - 1.
  if (hi - lo <= NARROW || !index) {
    let a = lo;
    while (a < hi - 1 && edges[a] < t) a++;
    return a;
  }
  // A wide range: the first edge at or above t over all edges, started from the index's guess and
  // walked to the exact place, then clamped to lo..hi-1 (edges ascend, so this is the same bin).
  const { table, e0, scale } = index;
  let b = Math.floor((t - e0) * scale);
  b = b < 0 ? 0 : b >= table.length ? table.length - 1 : b;
  let i = table[b];
  while (i > 0 && edges[i - 1] >= t) i--;
  while (i < edges.length && edges[i] < t) i++;
  return Math.max(lo, Math.min(i, hi - 1));
}

/** Bin ranges up to this wide are searched by a linear walk. */
export const NARROW = 8;

/**
 * A guess at the first edge at or above a value, from a table over equal steps between the lowest
 * and highest edge: a lookup and a step or two instead of a bisection's eight unpredictable
 * branches (a regression forest draws hundreds of thousands of cuts per tree).
 */
export interface CutIndex {
  /** Edge indexes (at most 255 edges), bytes so that every feature's table stays in cache. */
  table: Uint8Array;
  e0: number;
  scale: number;
}

function makeCutIndex(edges: Float64Array): CutIndex | null {
  const n = edges.length;
  const span = n > 1 ? edges[n - 1] - edges[0] : 0;
  if (n <= NARROW || n > 255 || !(span > 0) || !Number.isFinite(span)) return null;
  const steps = 4 * n;
  const scale = steps / span;
  const table = new Uint8Array(steps + 1);
  for (let b = 0, i = 0; b <= steps; b++) {
    const at = edges[0] + b / scale;
    while (i < n && edges[i] < at) i++;
    table[b] = i;
  }
  return { table, e0: edges[0], scale };
}

/** The cut indexes of the last fit's edges (one list of edges per fit; rebuilt when it changes). */
let indexedEdges: Float64Array[] | undefined;
let cutIndexes: (CutIndex | null | undefined)[] = [];

export function cutIndexOf(thresholds: Float64Array[], f: number): CutIndex | null {
  if (thresholds !== indexedEdges) {
    indexedEdges = thresholds;
    cutIndexes = new Array(thresholds.length);
  }
  let index = cutIndexes[f];
  if (index === undefined) index = cutIndexes[f] = makeCutIndex(thresholds[f]);
  return index;
}
