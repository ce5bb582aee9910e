import type { BinnedMatrix } from "./binning.ts";

/**
 * TreeGrower's stable in-place partition of rows[start..end) on "feature f's code <= bin goes
 * left" (its missing code goes left with `missingLeft`), with `buf` for the right side's rows;
 * returns where the right side starts, and puts the lowest code sent right (the missing code
 * when none) in `lowest[0]`, for `splitThreshold`. WebAssembly growers partition in their own
 * memory instead (histWat.ts's `partition`, the same rows in the same order).
 */
export function partitionRows(
  binned: BinnedMatrix,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  bin: number,
  missingLeft: boolean,
  buf: Uint32Array,
  lowest: Int32Array,
): number {
  const codes = binned.codes;
  const col = f * binned.rows;
  const missing = binned.nBins[f];
  let l = start;
  let r = 0;
  let lowestRight = missing;
  const missRight = missingLeft ? 0 : 1;
  // Branch-free: which side a row goes is a coin flip near the root, and mispredicted branches
  // cost more than the two stores. (bin - c) >>> 31 is 1 exactly when c > bin (codes < 256).
  for (let k = start; k < end; k++) {
    const row = rows[k];
    const c = codes[col + row];
    const right = c === missing ? missRight : (bin - c) >>> 31;
    rows[l] = row;
    buf[r] = row;
    l += 1 - right;
    r += right;
    lowestRight = Math.min(lowestRight, c + (1 - right) * 256);
  }
  rows.set(buf.subarray(0, r), l);
  lowest[0] = lowestRight;
  return l;
}

/**
 * The raw threshold of a split after bin `bin` of a feature with bin upper edges `edges` and
 * `nBins` value bins: the middle of the gap between the node's values on either side (as CART's
 * midpoint between neighbouring values), i.e. between the upper edge of `bin` and the lower edge
 * of `next`, the lowest bin sent right. With every value on the left (only missing values go
 * right) it is Infinity.
 */
export function splitThreshold(edges: Float64Array, nBins: number, bin: number, next: number): number {
  if (bin >= edges.length) return Number.POSITIVE_INFINITY;
  if (next >= nBins || next <= bin + 1) return edges[bin];
  return (edges[bin] + edges[next - 1]) / 2;
}
