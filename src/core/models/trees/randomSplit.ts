import type { Rng } from "../../random.ts";
import type { BinnedMatrix } from "./binning.ts";
import type { HistScratch, RowStats } from "./histogram.ts";
import type { SplitCandidate, SplitFinder } from "./splitFinder.ts";

/**
 * The cut for bins lo..hi: split "code <= bin". Geurts et al. draw the cut-point uniformly between
 * the node's smallest and largest value, so wide gaps between values are cut more often than
 * narrow ones; codes only locate the values within bins, so the draw spans from bin lo's lower
 * edge to bin hi's upper edge and takes the first edge at or above it. Without edges, every bin
 * boundary is equally likely.
 */
function drawCut(edges: Float64Array | undefined, lo: number, hi: number, rng: Rng): number {
  if (!edges || edges.length < hi) return lo + rng.int(hi - lo);
  const from = lo > 0 ? edges[lo - 1] : edges[lo];
  const to = hi < edges.length ? edges[hi] : edges[hi - 1];
  const t = from + rng.next() * (to - from);
  // The first bin in lo..hi-1 whose upper edge is at or above t (else hi - 1), by bisection:
  // edges ascend, and a wide node spans many bins.
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (edges[m] < t) a = m + 1;
    else b = m;
  }
  return a;
}

/** The node's codes for one feature, shared by every call (grown to the matrix's rows once). */
let nodeCodes = new Uint8Array(0);

/**
 * Extremely randomised trees (Geurts, Ernst & Wehenkel 2006), one feature of one node: a single
 * threshold drawn uniformly in value between the node's lowest and highest value bins (`drawCut`),
 * offered to `finder` with missing values on either side. No histogram: one pass gathers the
 * node's codes and finds the range, one sums the left side over the gathered codes. The row statistics must have been
 * gathered (`gatherRows`). Returns false when the feature is constant in the node.
 */
export function randomSplit(
  finder: SplitFinder,
  binned: BinnedMatrix,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  stats: RowStats,
  scratch: HistScratch,
  parent: Float64Array,
  parentScore: number,
  rng: Rng,
  best: SplitCandidate,
  sums: { left: Float64Array; missing: Float64Array },
): boolean {
  const codes = binned.codes;
  const col = f * binned.rows;
  const missing = binned.nBins[f];
  const n = end - start;
  if (nodeCodes.length < n) nodeCodes = new Uint8Array(binned.rows);
  const buf = nodeCodes;
  let lo = missing;
  let hi = -1;
  let nMissing = 0;
  // One gather of the node's codes (random access) serves both passes; the second reads them in order.
  for (let k = start, j = 0; k < end; k++, j++) {
    const c = codes[col + rows[k]];
    buf[j] = c;
    if (c === missing) nMissing++;
    else {
      if (c < lo) lo = c;
      if (c > hi) hi = c;
    }
  }
  if (hi < 0 || (lo === hi && nMissing === 0)) return false;
  // When all values share one bin, the only split left is NaN against the rest.
  const bin = lo === hi ? missing - 1 : drawCut(binned.thresholds?.[f], lo, hi, rng);
  const { left, missing: miss } = sums;
  const C = left.length - 2;
  left.fill(0);
  miss.fill(0);
  const { g, h, c: cls } = scratch;
  const gradient = stats.grad !== undefined;
  if (nMissing === 0 && !gradient) {
    // Classification without missing values, branch-free (which side a row goes is a coin flip
    // near the root). Right rows add 0 to the left sums, which leaves every sum unchanged.
    let weight = 0;
    let count = 0;
    for (let j = 0; j < n; j++) {
      const isLeft = 1 - ((bin - buf[j]) >>> 31);
      const w = h[j] * isLeft;
      left[cls[j]] -= w;
      weight += w;
      count += isLeft;
    }
    left[C] = weight;
    left[C + 1] = count;
  } else {
    for (let j = 0; j < n; j++) {
      const c = buf[j];
      const s = c === missing ? miss : c <= bin ? left : null;
      if (!s) continue;
      if (gradient) s[0] += g[j];
      else s[cls[j]] -= h[j];
      s[C] += h[j];
      s[C + 1] += 1;
    }
  }
  finder.offer(left, f, bin, false, nMissing > 0, parent, parentScore, best);
  if (nMissing > 0 && lo < hi) {
    for (let k = 0; k < left.length; k++) left[k] += miss[k];
    finder.offer(left, f, bin, true, true, parent, parentScore, best);
  }
  return true;
}
