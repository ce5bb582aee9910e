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
  let bin = lo;
  while (bin < hi - 1 && edges[bin] < t) bin++;
  return bin;
}

/**
 * Extremely randomised trees (Geurts, Ernst & Wehenkel 2006), one feature of one node: a single
 * threshold drawn uniformly in value between the node's lowest and highest value bins (`drawCut`),
 * offered to `finder` with missing values on either side. Two passes over the node's rows and no
 * histogram: one finds the range, one sums the left side. The row statistics must have been
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
  let lo = missing;
  let hi = -1;
  let nMissing = 0;
  for (let k = start; k < end; k++) {
    const c = codes[col + rows[k]];
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
  for (let k = start, j = 0; k < end; k++, j++) {
    const c = codes[col + rows[k]];
    const s = c === missing ? miss : c <= bin ? left : null;
    if (!s) continue;
    if (gradient) s[0] += g[j];
    else s[cls[j]] -= h[j];
    s[C] += h[j];
    s[C + 1] += 1;
  }
  finder.offer(left, f, bin, false, nMissing > 0, parent, parentScore, best);
  if (nMissing > 0 && lo < hi) {
    for (let k = 0; k < left.length; k++) left[k] += miss[k];
    finder.offer(left, f, bin, true, true, parent, parentScore, best);
  }
  return true;
}
