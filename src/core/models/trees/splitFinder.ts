import type { HistLayout } from "./histogram.ts";

/**
 * Split search on one feature's histogram block. A split "bins <= b go left" is scored as
 * `score(left) + score(right) - score(parent)`, where for the squared family
 * `score = sum_k G_k^2 / (H + lambda)`: with gradients this is XGBoost / LightGBM's gain, with
 * G = -sum(w y) and H = sum(w) it is the weighted squared-error decrease, and with one channel of
 * minus class weights per class it is the weighted Gini decrease (Gini = variance of the one-hot
 * target). Entropy uses `score = sum_k c_k log2 c_k - W log2 W`, minus the weighted entropy.
 *
 * Missing values, after scikit-learn's `Splitter.find_node_split`: when the node has any, each
 * threshold is tried with them on the left and on the right (plus "only missing go right"); when
 * it has none, they are sent to the child with more rows.
 */

/** How one side of a split is scored (see above): gradients, squared error and Gini, or entropy. */
export type ScoreKind = "squared" | "entropy";

/** What makes a split valid and how it is scored; fixed for every tree of one fit. */
export interface SplitRules {
  score: ScoreKind;
  /** L2 penalty on leaf values (boosting); 0 for trees. */
  lambda: number;
  minSamplesLeaf: number;
  /** Least weight (hessian) sum in a child. */
  minChildWeight: number;
}

/** The best split found so far for a node. */
export interface SplitCandidate {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  /** Left child's sums (channels, weight, count). */
  left: Float64Array;
}

/** An empty candidate (gain -Infinity) for a node whose sums have `stride` numbers. */
export function makeCandidate(stride: number): SplitCandidate {
  return {
    gain: Number.NEGATIVE_INFINITY,
    feature: -1,
    bin: -1,
    missingLeft: false,
    left: new Float64Array(stride),
  };
}

/** Score of a node from its sums `s[off .. off + stride)`. */
export function nodeScore(s: Float64Array, off: number, channels: number, rules: SplitRules): number {
  const w = s[off + channels];
  if (rules.score === "entropy") {
    let sum = -xlog2x(w);
    for (let k = 0; k < channels; k++) sum += xlog2x(-s[off + k]);
    return sum;
  }
  const denom = w + rules.lambda;
  let sum = 0;
  for (let k = 0; k < channels; k++) sum += (s[off + k] * s[off + k]) / denom;
  return sum;
}

function xlog2x(x: number): number {
  return x > 0 ? x * Math.log2(x) : 0;
}

/** Every value bin in order, for scans of full histograms. */
export const ALL_BINS = Int32Array.from({ length: 256 }, (_, i) => i);

/**
 * Split search over histograms with fixed layout and rules; owns its scratch sums. Scans walk a
 * feature's value bins in order: all of them (`scan`), or only the non-empty ones, listed by a
 * caller that tracked them while building a small node's histogram (`scanBins`).
 */
export class SplitFinder {
  private readonly acc: Float64Array;
  private readonly rightAcc: Float64Array;

  constructor(
    readonly layout: HistLayout,
    readonly rules: SplitRules,
  ) {
    this.acc = new Float64Array(layout.stride);
    this.rightAcc = new Float64Array(layout.stride);
  }

  /** Score of a node from its sums. */
  score(sums: Float64Array): number {
    return nodeScore(sums, 0, this.layout.channels, this.rules);
  }

  /**
   * Scans feature f's block for the best threshold and records it in `best` if it beats it.
   * Returns false when the feature is constant in the node (one non-empty slot), which the caller
   * uses to keep drawing features, as scikit-learn does.
   */
  scan(
    hist: Float64Array,
    f: number,
    parent: Float64Array,
    parentScore: number,
    best: SplitCandidate,
  ): boolean {
    if (!this.varies(hist, f)) return false;
    this.scanBins(hist, f, ALL_BINS, this.layout.nBins[f], parent, parentScore, best);
    return true;
  }

  /**
   * As `scan`, over the ascending value bins `bins[0..count)`: all of them, or only the non-empty
   * ones listed by a caller that tracked them while building a small node's histogram.
   */
  scanBins(
    hist: Float64Array,
    f: number,
    bins: Int32Array,
    count: number,
    parent: Float64Array,
    parentScore: number,
    best: SplitCandidate,
  ): void {
    const { channels: C, stride: S } = this.layout;
    const base = this.layout.offsets[f];
    const m = this.layout.nBins[f];
    const miss = base + m * S;
    const hasMissing = hist[miss + C + 1] > 0;
    if (C === 1 && this.rules.score === "squared" && bins === ALL_BINS) {
      scanSquared1(hist, base, m, miss, f, parent, parentScore, this.rules, best, false);
      if (hasMissing) scanSquared1(hist, base, m, miss, f, parent, parentScore, this.rules, best, true);
    } else {
      this.scanGeneral(hist, base, m, miss, bins, count, f, parent, parentScore, best, false);
      if (hasMissing) this.scanGeneral(hist, base, m, miss, bins, count, f, parent, parentScore, best, true);
    }
  }

  /** Whether feature f has two or more non-empty slots (missing included) in the node. */
  varies(hist: Float64Array, f: number): boolean {
    const { channels: C, stride: S } = this.layout;
    const base = this.layout.offsets[f] + C + 1;
    const m = this.layout.nBins[f];
    let seen = 0;
    for (let b = 0; b <= m; b++) if (hist[base + b * S] > 0 && ++seen === 2) return true;
    return false;
  }

  /**
   * Offers one candidate whose left sums are known (an extra-trees threshold): recorded in `best`
   * if it is valid and beats it. Without missing values in the node, they go to the larger side.
   */
  offer(
    left: Float64Array,
    f: number,
    bin: number,
    missingLeft: boolean,
    hasMissing: boolean,
    parent: Float64Array,
    parentScore: number,
    best: SplitCandidate,
  ): void {
    const { channels: C, stride: S } = this.layout;
    const { rightAcc, rules } = this;
    for (let k = 0; k < S; k++) rightAcc[k] = parent[k] - left[k];
    const nl = left[C + 1];
    const nr = rightAcc[C + 1];
    if (nl < rules.minSamplesLeaf || nr < rules.minSamplesLeaf) return;
    if (left[C] < rules.minChildWeight || rightAcc[C] < rules.minChildWeight) return;
    const gain = nodeScore(left, 0, C, rules) + nodeScore(rightAcc, 0, C, rules) - parentScore;
    if (gain > best.gain) {
      best.gain = gain;
      best.feature = f;
      best.bin = bin;
      best.missingLeft = hasMissing ? missingLeft : nl >= nr;
      best.left.set(left);
    }
  }

  private scanGeneral(
    hist: Float64Array,
    base: number,
    m: number,
    miss: number,
    bins: Int32Array,
    count: number,
    f: number,
    parent: Float64Array,
    parentScore: number,
    best: SplitCandidate,
    missingLeft: boolean,
  ): void {
    const { channels: C, stride: S } = this.layout;
    const { minSamplesLeaf, minChildWeight } = this.rules;
    const { acc, rightAcc } = this;
    const N = parent[C + 1];
    const H = parent[C];
    for (let k = 0; k < S; k++) acc[k] = missingLeft ? hist[miss + k] : 0;
    const hasMissing = hist[miss + C + 1] > 0;
    // With missing values on the right, the last value bin may close the left side (only NaN go right).
    const last = hasMissing && !missingLeft ? m - 1 : m - 2;
    for (let j = 0; j < count; j++) {
      const b = bins[j];
      if (b > last) break;
      const p = base + b * S;
      if (hist[p + C + 1] === 0) continue;
      for (let k = 0; k < S; k++) acc[k] += hist[p + k];
      const nl = acc[C + 1];
      const nr = N - nl;
      if (nr < minSamplesLeaf) break;
      if (nl < minSamplesLeaf) continue;
      if (acc[C] < minChildWeight || H - acc[C] < minChildWeight) continue;
      for (let k = 0; k < S; k++) rightAcc[k] = parent[k] - acc[k];
      const gain = nodeScore(acc, 0, C, this.rules) + nodeScore(rightAcc, 0, C, this.rules) - parentScore;
      if (gain > best.gain) {
        best.gain = gain;
        best.feature = f;
        best.bin = b;
        best.missingLeft = hasMissing ? missingLeft : nl >= nr;
        best.left.set(acc);
      }
    }
  }
}

/**
 * One channel, squared score, every bin: the boosting and regression-tree hot path. A candidate
 * beats the best when `gl^2/(hl+l) + gr^2/(hr+l) > bar`, compared as
 * `gl^2 (hr+l) + gr^2 (hl+l) > bar (hl+l)(hr+l)` (both denominators are positive), so divisions
 * happen only on improvements; the constraints are combined without branches, which V8 ran about
 * twice as fast as a chain of `continue`s. Empty bins need no skipping: they repeat the previous
 * candidate, which cannot beat itself.
 */
function scanSquared1(
  hist: Float64Array,
  base: number,
  m: number,
  miss: number,
  f: number,
  parent: Float64Array,
  parentScore: number,
  rules: SplitRules,
  best: SplitCandidate,
  missingLeft: boolean,
): void {
  const { lambda, minSamplesLeaf, minChildWeight } = rules;
  const G = parent[0];
  const H = parent[1];
  const N = parent[2];
  let gl = missingLeft ? hist[miss] : 0;
  let hl = missingLeft ? hist[miss + 1] : 0;
  let nl = missingLeft ? hist[miss + 2] : 0;
  const hasMissing = hist[miss + 2] > 0;
  const last = hasMissing && !missingLeft ? m - 1 : m - 2;
  let bar = best.gain + parentScore;
  for (let b = 0, p = base; b <= last; b++, p += 3) {
    gl += hist[p];
    hl += hist[p + 1];
    nl += hist[p + 2];
    const nr = N - nl;
    const hr = H - hl;
    // Both only shrink from here on (counts and hessians are not negative): no later bin is valid.
    if (nr < minSamplesLeaf || hr < minChildWeight) break;
    const ok =
      (nl >= minSamplesLeaf ? 1 : 0) &
      (nr >= minSamplesLeaf ? 1 : 0) &
      (hl >= minChildWeight ? 1 : 0) &
      (hr >= minChildWeight ? 1 : 0);
    const gr = G - gl;
    const dl = hl + lambda;
    const dr = hr + lambda;
    if (ok === 1 && gl * gl * dr + gr * gr * dl > bar * dl * dr) {
      const gain = (gl * gl) / dl + (gr * gr) / dr - parentScore;
      if (!(gain > best.gain)) continue;
      best.gain = gain;
      best.feature = f;
      best.bin = b;
      best.missingLeft = hasMissing ? missingLeft : nl >= nr;
      best.left[0] = gl;
      best.left[1] = hl;
      best.left[2] = nl;
      bar = gain + parentScore;
    }
  }
}
