import type { Rng } from "../../random.ts";
import type { BinnedMatrix } from "./binning.ts";
import type { BinValues } from "./binValues.ts";
import { cutIndexOf, drawCut, locateCut, NARROW } from "./drawCut.ts";
import { gatherCodes, gatherTwo, gatherTwoPresent, rangeHi, rangeLo, rangeMissing } from "./gatherCodes.ts";
import type { HistScratch, RowStats } from "./histogram.ts";
import { leftSums, leftSumsBinary, leftSumsMissing, leftSumsTwo } from "./leftSums.ts";
import type { SplitCandidate, SplitFinder } from "./splitFinder.ts";

/** The node's codes for one feature, shared by every call (grown to the matrix's rows once). */
let nodeCodes = new Uint8Array(0);

/**
 * The raw threshold drawn by the last `cutOf`, to be stored with its split; NaN when the split's
 * threshold is placed from the bin edges instead (`splitThreshold`).
 */
export let drawnThreshold = Number.NaN;

/**
 * The cut bin for value bins lo..hi (`gatherCodes`); when all values share one bin, NaN against
 * the rest. With the bins' value ranges (`binned.values`), as scikit-learn's RandomSplitter: a
 * threshold t drawn uniformly between the node's lowest and highest value (t = the highest is
 * taken as the lowest), values <= t going left, so the cut is the last bin whose lowest value is
 * <= t; t itself is kept (`drawnThreshold`) as the split's threshold, so that trees place their
 * thresholds anywhere in the gap between the node's values and the forest's average is smooth
 * there. Where t falls inside a bin of several values (a feature with more values than bins), the
 * whole bin goes left and the threshold is placed from the edges. Without value ranges, `drawCut`.
 */
export function cutOf(binned: BinnedMatrix, f: number, lo: number, hi: number, rng: Rng): number {
  drawnThreshold = Number.NaN;
  if (lo === hi) return binned.nBins[f] - 1;
  const thresholds = binned.thresholds;
  const values = binned.values;
  if (values !== undefined && thresholds !== undefined) return valueCut(values, thresholds, f, lo, hi, rng);
  if (!thresholds) return drawCut(undefined, null, lo, hi, rng);
  return drawCut(thresholds[f], hi - lo > NARROW ? cutIndexOf(thresholds, f) : null, lo, hi, rng);
}

/** `cutOf` with the bins' value ranges (its own function, so that cutOf stays small enough to inline). */
function valueCut(
  values: BinValues,
  thresholds: Float64Array[],
  f: number,
  lo: number,
  hi: number,
  rng: Rng,
): number {
  const low = values.lo[f];
  const high = values.hi[f];
  const min = low[lo];
  const max = high[hi];
  let t = min + rng.next() * (max - min);
  if (!(t < max)) t = min; // t = max, or a span too wide for a double
  // The last bin of lo..hi-1 whose lowest value is <= t: the bin whose edges hold t (values in
  // bin b are in (edges[b - 1], edges[b]]), or the one before when t lies below its values.
  let a = locateCut(thresholds[f], hi - lo > NARROW ? cutIndexOf(thresholds, f) : null, lo, hi, t);
  if (a > lo && t < low[a]) a--;
  if (high[a] <= t && low[a + 1] > t) drawnThreshold = t;
  return a;
}

/**
 * Extremely randomised trees (Geurts, Ernst & Wehenkel 2006), one feature of one node: a single
 * threshold drawn uniformly in value between the node's lowest and highest values (`cutOf`),
 * offered to `finder` with missing values on either side. No histogram: one pass gathers the
 * node's codes and finds the range, one sums the left side over the gathered codes. The row
 * statistics must have been gathered (`gatherRows`); with `unitWeights` (every weight 1) the
 * gathered weights are not read, and need not have been gathered. Returns false when the feature
 * is constant in the node. (`RandomSplitter` is the same search with its per-node state held.)
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
  if (nodeCodes.length < end - start) nodeCodes = new Uint8Array(binned.rows);
  gatherCodes(binned, f, rows, start, end, nodeCodes);
  const nMissing = rangeMissing;
  if (rangeHi < 0 || (rangeLo === rangeHi && nMissing === 0)) return false;
  const lo = rangeLo;
  const hi = rangeHi;
  const bin = cutOf(binned, f, lo, hi, rng);
  const t = drawnThreshold;
  const left = sums.left;
  const C = left.length - 2;
  const gradient = stats.grad !== undefined;
  const n = end - start;
  if (nMissing === 0) leftSums(left, C, nodeCodes, n, bin, gradient, scratch, unitWeights);
  else
    leftSumsMissing(
      left,
      sums.missing,
      C,
      nodeCodes,
      n,
      bin,
      binned.nBins[f],
      gradient,
      scratch,
      unitWeights,
    );
  const before = best.gain;
  finder.offer(left, f, bin, false, nMissing > 0, parent, parentScore, best);
  if (nMissing > 0 && lo < hi) {
    const miss = sums.missing;
    for (let k = 0; k < left.length; k++) left[k] += miss[k];
    finder.offer(left, f, bin, true, true, parent, parentScore, best);
  }
  // The candidate's threshold goes with it (`drawnThreshold`).
  if (best.gain !== before) best.threshold = t;
  return true;
}

/**
 * Runs this file's row loops once on no rows, so that the code after each loop has type feedback
 * before the loop first runs long (see `CartGrower`'s `prime`).
 */
export function primeRandomSplit(binned: BinnedMatrix): void {
  gatherCodes(binned, 0, new Uint32Array(0), 0, 0, nodeCodes);
  gatherTwo(binned, 0, 0, new Uint32Array(0), 0, 0, nodeCodes, nodeCodes);
  gatherTwoPresent(binned, 0, 0, new Uint32Array(0), 0, 0, nodeCodes, nodeCodes);
  const left = new Float64Array(8);
  const codes = new Uint8Array(0);
  const scratch = { g: new Float64Array(0), h: new Float64Array(0), c: new Int32Array(0) };
  for (const C of [1, 2, 3])
    for (const unit of [false, true]) {
      leftSums(left, C, codes, 0, 0, C === 1, scratch, unit);
      leftSumsMissing(left, new Float64Array(8), C, codes, 0, 0, 1, C === 1, scratch, unit);
      leftSumsBinary(left, C, codes, 0, new Uint32Array(0), 0, 0, C === 1, scratch, unit);
      leftSumsTwo(left, left, codes, 0, codes, 0, 0, scratch, unit);
    }
}
