import type { Rng } from "../../random.ts";
import type { BinnedMatrix } from "./binning.ts";
import { cutIndexOf, drawCut, NARROW } from "./drawCut.ts";
import { gatherCodes, gatherTwo, gatherTwoPresent, rangeHi, rangeLo, rangeMissing } from "./gatherCodes.ts";
import type { HistScratch, RowStats } from "./histogram.ts";
import { leftSums, leftSumsBinary, leftSumsMissing, leftSumsTwo } from "./leftSums.ts";
import type { SplitCandidate, SplitFinder } from "./splitFinder.ts";

/** The node's codes for one feature, shared by every call (grown to the matrix's rows once). */
let nodeCodes = new Uint8Array(0);

/** The cut bin for value bins lo..hi (`gatherCodes`); when all values share one bin, NaN against the rest. */
export function cutOf(binned: BinnedMatrix, f: number, lo: number, hi: number, rng: Rng): number {
  if (lo === hi) return binned.nBins[f] - 1;
  const thresholds = binned.thresholds;
  if (!thresholds) return drawCut(undefined, null, lo, hi, rng);
  return drawCut(thresholds[f], hi - lo > NARROW ? cutIndexOf(thresholds, f) : null, lo, hi, rng);
}

/**
 * Extremely randomised trees (Geurts, Ernst & Wehenkel 2006), one feature of one node: a single
 * threshold drawn uniformly in value between the node's lowest and highest value bins (`drawCut`),
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
  finder.offer(left, f, bin, false, nMissing > 0, parent, parentScore, best);
  if (nMissing > 0 && lo < hi) {
    const miss = sums.missing;
    for (let k = 0; k < left.length; k++) left[k] += miss[k];
    finder.offer(left, f, bin, true, true, parent, parentScore, best);
  }
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
