import type { HistScratch } from "./histogram.ts";

/*
 * The left side's sums of a drawn cut over a node's rows, the extra trees' per-row kernels: one
 * loop per kind of statistics (gradients, two classes by count, two classes by weight, any class
 * count), so that each loop compiles to its own few instructions.
 */

/**
 * `leftSums` of "code <= 0" for a two-bin feature, reading its codes straight from the column
 * (`codes[col + rows[start + j]]`) instead of a gathered copy; the row statistics are read in
 * the same order, so every sum is the same. Returns the node's missing values (code 2), which
 * make the sums meaningless (they count as right here): the caller then takes the general path.
 */
export function leftSumsBinary(
  left: Float64Array,
  C: number,
  codes: Uint8Array,
  col: number,
  rows: Uint32Array,
  start: number,
  n: number,
  gradient: boolean,
  scratch: HistScratch,
  unitWeights: boolean,
): number {
  const { g, h, c: cls } = scratch;
  let count = 0;
  let miss = 0;
  if (gradient) {
    let gl = 0;
    let hl = 0;
    for (let j = 0; j < n; j++) {
      const code = codes[col + rows[start + j]];
      // 1 for code 0, 0 for 1 and 2 (missing), as 1 - ((0 - code) >>> 31) in `leftSums`.
      const isLeft = (code - 1) >>> 31;
      miss += code >>> 1;
      gl += g[j] * isLeft;
      if (!unitWeights) hl += h[j] * isLeft;
      count += isLeft;
    }
    left[0] = gl;
    left[1] = unitWeights ? count : hl;
    left[2] = count;
    return miss;
  }
  if (unitWeights && C === 2) {
    let ones = 0;
    for (let j = 0; j < n; j++) {
      const code = codes[col + rows[start + j]];
      const isLeft = (code - 1) >>> 31;
      miss += code >>> 1;
      ones += isLeft & cls[j];
      count += isLeft;
    }
    left[0] = 0 - (count - ones);
    left[1] = 0 - ones;
    left[2] = count;
    left[3] = count;
    return miss;
  }
  if (C === 2) {
    let s0 = 0;
    let s1 = 0;
    let weight = 0;
    for (let j = 0; j < n; j++) {
      const code = codes[col + rows[start + j]];
      const isLeft = (code - 1) >>> 31;
      miss += code >>> 1;
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
    return miss;
  }
  for (let k = 0; k < C; k++) left[k] = 0;
  let weight = 0;
  for (let j = 0; j < n; j++) {
    const code = codes[col + rows[start + j]];
    const isLeft = (code - 1) >>> 31;
    miss += code >>> 1;
    const w = unitWeights ? isLeft : h[j] * isLeft;
    left[cls[j]] -= w;
    weight += w;
    count += isLeft;
  }
  left[C] = weight;
  left[C + 1] = count;
  return miss;
}

/**
 * The left side's sums (channels, weight, count) of "code <= bin" over the node's gathered codes,
 * none missing. Branch-free: which side a row goes is a coin flip near the root. Right rows add 0
 * (or -0, which leaves a sum that starts at +0 unchanged), so every sum is the same as adding the
 * left rows alone, in row order; with unit weights the sums are integer counts, exact either way.
 */
export function leftSums(
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

/**
 * `leftSums` with gradients (regression) for two features at once, none missing: sums of the
 * cut "code <= binA" over `bufA` into `leftA`, and of "code <= binB" over `bufB` into `leftB`.
 * Each sum is added in row order with the same operations as `leftSums`, so both are the same
 * to the bit; the two chains of dependent additions run side by side, and g is read once.
 */
export function leftSumsTwo(
  leftA: Float64Array,
  leftB: Float64Array,
  bufA: Uint8Array,
  binA: number,
  bufB: Uint8Array,
  binB: number,
  n: number,
  scratch: HistScratch,
  unitWeights: boolean,
): void {
  const { g, h } = scratch;
  let glA = 0;
  let glB = 0;
  let hlA = 0;
  let hlB = 0;
  let countA = 0;
  let countB = 0;
  if (unitWeights) {
    for (let j = 0; j < n; j++) {
      const gj = g[j];
      const a = 1 - ((binA - bufA[j]) >>> 31);
      const b = 1 - ((binB - bufB[j]) >>> 31);
      glA += gj * a;
      glB += gj * b;
      countA += a;
      countB += b;
    }
  } else {
    for (let j = 0; j < n; j++) {
      const gj = g[j];
      const hj = h[j];
      const a = 1 - ((binA - bufA[j]) >>> 31);
      const b = 1 - ((binB - bufB[j]) >>> 31);
      glA += gj * a;
      glB += gj * b;
      hlA += hj * a;
      hlB += hj * b;
      countA += a;
      countB += b;
    }
  }
  leftA[0] = glA;
  leftA[1] = unitWeights ? countA : hlA;
  leftA[2] = countA;
  leftB[0] = glB;
  leftB[1] = unitWeights ? countB : hlB;
  leftB[2] = countB;
}

/** As `leftSums` with missing values in the node: their sums go to `miss`. */
export function leftSumsMissing(
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
