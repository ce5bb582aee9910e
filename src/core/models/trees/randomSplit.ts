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
 * node's codes and finds the range, one sums the left side over the gathered codes. The row
 * statistics must have been gathered (`gatherRows`); with `unitWeights` (every weight 1) the
 * gathered weights are not read, and need not have been gathered. Returns false when the feature
 * is constant in the node.
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
  unitWeights = false,
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
  const left = sums.left;
  const C = left.length - 2;
  if (nMissing === 0) leftSums(left, C, buf, n, bin, stats.grad !== undefined, scratch, unitWeights);
  else
    leftSumsMissing(
      left,
      sums.missing,
      C,
      buf,
      n,
      bin,
      missing,
      stats.grad !== undefined,
      scratch,
      unitWeights,
    );
  finder.offer(left, f, bin, false, nMissing > 0, parent, parentScore, best);
  if (nMissing > 0 && lo < hi) {
    const miss = sums.missing;
    for (let k = 0; k < left.length; k++) left[k] += miss[k];
    finder.offer(left, f, bin, true, true, parent, parentScore, best);
  }
  return true;
}

/**
 * The left side's sums (channels, weight, count) of "code <= bin" over the node's gathered codes,
 * none missing. Branch-free: which side a row goes is a coin flip near the root. Right rows add 0
 * (or -0, which leaves a sum that starts at +0 unchanged), so every sum is the same as adding the
 * left rows alone, in row order; with unit weights the sums are integer counts, exact either way.
 */
function leftSums(
  left: Float64Array,
  C: number,
  buf: Uint8Array,
  n: number,
  bin: number,
  gradient: boolean,
  scratch: HistScratch,
  unitWeights: boolean,
): void {
  const { g, h, c: cls } = scratch;
  let count = 0;
  if (gradient) {
    let gl = 0;
    let hl = 0;
    for (let j = 0; j < n; j++) {
      const isLeft = 1 - ((bin - buf[j]) >>> 31);
      gl += g[j] * isLeft;
      if (!unitWeights) hl += h[j] * isLeft;
      count += isLeft;
    }
    left[0] = gl;
    left[1] = unitWeights ? count : hl;
    left[2] = count;
    return;
  }
  if (unitWeights && C === 2) {
    let ones = 0;
    for (let j = 0; j < n; j++) {
      const isLeft = 1 - ((bin - buf[j]) >>> 31);
      ones += isLeft & cls[j];
      count += isLeft;
    }
    // `0 - x` keeps an empty class at +0, as the sum of nothing.
    left[0] = 0 - (count - ones);
    left[1] = 0 - ones;
    left[2] = count;
    left[3] = count;
    return;
  }
  if (C === 2) {
    let s0 = 0;
    let s1 = 0;
    let weight = 0;
    for (let j = 0; j < n; j++) {
      const isLeft = 1 - ((bin - buf[j]) >>> 31);
      const w = h[j] * isLeft;
      const one = cls[j];
      s0 -= w * (1 - one);
      s1 -= w * one;
      weight += w;
      count += isLeft;
    }
    left[0] = s0;
    left[1] = s1;
    left[2] = weight;
    left[3] = count;
    return;
  }
  for (let k = 0; k < C; k++) left[k] = 0;
  let weight = 0;
  for (let j = 0; j < n; j++) {
    const isLeft = 1 - ((bin - buf[j]) >>> 31);
    const w = unitWeights ? isLeft : h[j] * isLeft;
    left[cls[j]] -= w;
    weight += w;
    count += isLeft;
  }
  left[C] = weight;
  left[C + 1] = count;
}

/** As `leftSums` with missing values in the node: their sums go to `miss`. */
function leftSumsMissing(
  left: Float64Array,
  miss: Float64Array,
  C: number,
  buf: Uint8Array,
  n: number,
  bin: number,
  missing: number,
  gradient: boolean,
  scratch: HistScratch,
  unitWeights: boolean,
): void {
  const { g, h, c: cls } = scratch;
  left.fill(0);
  miss.fill(0);
  for (let j = 0; j < n; j++) {
    const c = buf[j];
    const s = c === missing ? miss : c <= bin ? left : null;
    if (!s) continue;
    const w = unitWeights ? 1 : h[j];
    if (gradient) s[0] += g[j];
    else s[cls[j]] -= w;
    s[C] += w;
    s[C + 1] += 1;
  }
}
