import type { BinnedMatrix } from "./binning.ts";
import type { BinValues } from "./binValues.ts";

/*
 * Extra trees' stored thresholds. The cut itself is drawn between bin edges (`drawCut`), which
 * decides which training rows go left; any threshold in the gap between the node's highest value
 * sent left and its lowest value sent right makes that same partition. Geurts et al. (2006) and
 * scikit-learn draw the threshold uniformly in value, so that, given the partition, it lies
 * anywhere in that gap with equal chance: each tree sends a test value inside the gap left or right
 * at random, and the forest's average moves smoothly across it. Placing every tree's threshold at
 * the gap's middle instead made every tree cut there. So the threshold is drawn in the gap, from
 * the tree's own second stream (the cut draws are untouched: the same trees in training).
 */

/**
 * `partitionRows` (stable, in place, right rows through `buf`) that also notes the node's highest
 * value bin sent left (-1: none but missing) in `sides[1]`, and its lowest sent right (the missing
 * code when none) in `sides[0]`: the gap's two sides for `gapThreshold`. Its own loop so that the
 * random forest's and gbdt's partition do no extra work.
 */
export function partitionGap(
  binned: BinnedMatrix,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  bin: number,
  missingLeft: boolean,
  buf: Uint32Array,
  sides: Int32Array,
): number {
  const codes = binned.codes;
  const col = f * binned.rows;
  const missing = binned.nBins[f];
  let l = start;
  let r = 0;
  let lowestRight = missing;
  let highestLeft = -1;
  const missRight = missingLeft ? 0 : 1;
  // Branch-free as `partitionRows`: (bin - c) >>> 31 is 1 exactly when c > bin (codes < 256), and
  // (missing - 1 - c) >>> 31 exactly when c is the missing code, which is no value of the gap.
  for (let k = start; k < end; k++) {
    const row = rows[k];
    const c = codes[col + row];
    const right = c === missing ? missRight : (bin - c) >>> 31;
    rows[l] = row;
    buf[r] = row;
    l += 1 - right;
    r += right;
    lowestRight = Math.min(lowestRight, c + (1 - right) * 256);
    highestLeft = Math.max(highestLeft, c - (right | ((missing - 1 - c) >>> 31)) * 256);
  }
  rows.set(buf.subarray(0, r), l);
  sides[0] = lowestRight;
  sides[1] = highestLeft;
  return l;
}

/**
 * The threshold of a split of feature f whose node's highest value bin sent left is `highestLeft`
 * and lowest sent right `lowestRight` (`partitionGap`): u in [0, 1) of the way from the left bin's
 * highest training value to the right bin's lowest (values <= the threshold go left, so every
 * training row goes where the partition sent it). Where a bin holds several values, its extreme
 * value stands for the node's, so the gap is at most the node's. `fallback` when one side has no
 * value (only missing values on it).
 */
export function gapThreshold(
  values: BinValues,
  f: number,
  highestLeft: number,
  lowestRight: number,
  nBins: number,
  u: number,
  fallback: number,
): number {
  if (highestLeft < 0 || lowestRight >= nBins) return fallback;
  const a = values.hi[f][highestLeft];
  const b = values.lo[f][lowestRight];
  const t = a + u * (b - a);
  // u close to 1 over a wide gap can round up to b itself.
  return t < b ? t : a;
}
