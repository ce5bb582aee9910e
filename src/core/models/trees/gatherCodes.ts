import type { BinnedMatrix } from "./binning.ts";

/**
 * The node's codes of one feature, gathered in row order (`gatherCodes`), or of two at once
 * (`gatherTwo`), with the range of each: what the extra trees' cut is drawn from.
 */

/**
 * What `gatherCodes` found: the lowest and highest value bin, and the missing values. Only this
 * file writes them; the callers read them right after a gather (a return object per feature
 * would be an allocation per feature tried).
 */
export let rangeLo = 0;
export let rangeHi = 0;
export let rangeMissing = 0;

/**
 * One gather of the node's codes for feature f (random access) into `buf`, which serves the
 * sums pass in order; notes the range in `rangeLo`, `rangeHi` and `rangeMissing`.
 */
export function gatherCodes(
  binned: BinnedMatrix,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  buf: Uint8Array,
) {
  const codes = binned.codes;
  const col = f * binned.rows;
  const missing = binned.nBins[f];
  let lo = missing;
  let hi = -1;
  let nMissing = 0;
  for (let k = start, j = 0; k < end; k++, j++) {
    const c = codes[col + rows[k]];
    buf[j] = c;
    if (c === missing) nMissing++;
    else {
      if (c < lo) lo = c;
      if (c > hi) hi = c;
    }
  }
  rangeLo = lo;
  rangeHi = hi;
  rangeMissing = nMissing;
}

/** The second feature's range from `gatherTwo` (the first's is in `rangeLo`, `rangeHi`, `rangeMissing`). */
export let rangeLoB = 0;
export let rangeHiB = 0;
export let rangeMissingB = 0;

/**
 * `gatherCodes` of features fA (into `bufA`) and fB (into `bufB`) in one pass: each node row is
 * read once for both, and the two columns' reads overlap.
 */
export function gatherTwo(
  binned: BinnedMatrix,
  fA: number,
  fB: number,
  rows: Uint32Array,
  start: number,
  end: number,
  bufA: Uint8Array,
  bufB: Uint8Array,
) {
  const codes = binned.codes;
  const colA = fA * binned.rows;
  const colB = fB * binned.rows;
  const missingA = binned.nBins[fA];
  const missingB = binned.nBins[fB];
  let loA = missingA;
  let hiA = -1;
  let nMissingA = 0;
  let loB = missingB;
  let hiB = -1;
  let nMissingB = 0;
  for (let k = start, j = 0; k < end; k++, j++) {
    const r = rows[k];
    const a = codes[colA + r];
    const b = codes[colB + r];
    bufA[j] = a;
    bufB[j] = b;
    if (a === missingA) nMissingA++;
    else {
      if (a < loA) loA = a;
      if (a > hiA) hiA = a;
    }
    if (b === missingB) nMissingB++;
    else {
      if (b < loB) loB = b;
      if (b > hiB) hiB = b;
    }
  }
  rangeLo = loA;
  rangeHi = hiA;
  rangeMissing = nMissingA;
  rangeLoB = loB;
  rangeHiB = hiB;
  rangeMissingB = nMissingB;
}

/** `gatherTwo` for two columns with no missing value in any row: no test for one per value. */
export function gatherTwoPresent(
  binned: BinnedMatrix,
  fA: number,
  fB: number,
  rows: Uint32Array,
  start: number,
  end: number,
  bufA: Uint8Array,
  bufB: Uint8Array,
) {
  const codes = binned.codes;
  const colA = fA * binned.rows;
  const colB = fB * binned.rows;
  let loA = binned.nBins[fA];
  let hiA = -1;
  let loB = binned.nBins[fB];
  let hiB = -1;
  for (let k = start, j = 0; k < end; k++, j++) {
    const r = rows[k];
    const a = codes[colA + r];
    const b = codes[colB + r];
    bufA[j] = a;
    bufB[j] = b;
    if (a < loA) loA = a;
    if (a > hiA) hiA = a;
    if (b < loB) loB = b;
    if (b > hiB) hiB = b;
  }
  rangeLo = loA;
  rangeHi = hiA;
  rangeMissing = 0;
  rangeLoB = loB;
  rangeHiB = hiB;
  rangeMissingB = 0;
}

/** Per column, 1 when no row's code is the missing one. */
export function presentColumns(binned: BinnedMatrix): Uint8Array {
  const out = new Uint8Array(binned.cols);
  for (let f = 0; f < binned.cols; f++)
    out[f] = columnPresent(binned.codes, f * binned.rows, binned.rows, binned.nBins[f]);
  return out;
}

/** 1 when none of codes[at..at+n) is `missing` (a loop of its own: see `CartGrower`'s `prime`). */
function columnPresent(codes: Uint8Array, at: number, n: number, missing: number): number {
  for (let k = at; k < at + n; k++) if (codes[k] === missing) return 0;
  return 1;
}
