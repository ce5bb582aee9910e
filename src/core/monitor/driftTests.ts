/**
 * The drift statistics, as Evidently (0.4+, `evidently/calculations/stattests`) computes them on a
 * reference and a current sample, missing values dropped first:
 * - chi2: SciPy's `chisquare(observed current counts, reference counts x n_cur / n_ref)` over the
 *   union of values; p-value from the chi-squared survival function with k - 1 degrees of freedom.
 * - z: two-proportion z-test (pooled), two-sided p = 2 (1 - Phi(|z|)); p = 1 when both samples
 *   hold the same single value.
 * - wasserstein: SciPy's `wasserstein_distance` divided by max(std of reference, 0.001).
 * - jensen_shannon: SciPy's `jensenshannon` (natural log) of the binned shares.
 * - psi: sum over bins of (ref - cur) ln(ref / cur).
 * Shares of empty bins are "filled" as Evidently's `get_binned_data(feel_zeroes=True)` does.
 */
import { chi2Survival, gammaQ } from "../features/selection/specialFunctions.ts";
import { type NumericSketch, QUANTILES, sketchCdf } from "./sketch.ts";

/** A test's statistic and p-value (null for distances). */
export interface TestResult {
  statistic: number;
  pValue: number | null;
}

/** Standard normal survival function P(Z > z), via erfc(x) = Q(1/2, x^2). */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const q = gammaQ(0.5, (z * z) / 2) / 2;
  return z >= 0 ? q : 1 - q;
}

/** Evidently's chi-squared test on aligned counts (every key has a count in one or the other). */
export function chi2Test(ref: ArrayLike<number>, cur: ArrayLike<number>): TestResult {
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < ref.length; i++) {
    nRef += ref[i];
    nCur += cur[i];
  }
  const scale = nCur / nRef;
  let stat = 0;
  for (let i = 0; i < ref.length; i++) {
    const expected = ref[i] * scale;
    if (expected === 0) {
      if (cur[i] > 0) stat = Number.POSITIVE_INFINITY;
      continue;
    }
    stat += (cur[i] - expected) ** 2 / expected;
  }
  return { statistic: stat, pValue: ref.length < 2 ? 1 : chi2Survival(stat, ref.length - 1) };
}

/** Evidently's two-proportion z-test on aligned counts of at most two values. */
export function zTest(ref: ArrayLike<number>, cur: ArrayLike<number>): TestResult {
  const nRef = (ref[0] ?? 0) + (ref[1] ?? 0);
  const nCur = (cur[0] ?? 0) + (cur[1] ?? 0);
  const refValues = (ref[0] > 0 ? 1 : 0) + ((ref[1] ?? 0) > 0 ? 1 : 0);
  const curValues = (cur[0] > 0 ? 1 : 0) + ((cur[1] ?? 0) > 0 ? 1 : 0);
  if (refValues === 1 && curValues === 1 && ref[0] > 0 === cur[0] > 0) return { statistic: 0, pValue: 1 };
  const p1 = ref[0] / nRef;
  const p2 = cur[0] / nCur;
  const pooled = (ref[0] + cur[0]) / (nRef + nCur);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
  return { statistic: z, pValue: 2 * normalSf(Math.abs(z)) };
}

/** Counts as shares, empty ones filled as Evidently's feel_zeroes. */
export function filledShares(counts: ArrayLike<number>, total: number): Float64Array {
  const out = Float64Array.from(counts as ArrayLike<number>, (c) => c / total);
  let min = Number.POSITIVE_INFINITY;
  for (const x of out) if (x !== 0 && x < min) min = x;
  const fill = min <= 0.0001 ? min / 1e6 : 0.0001;
  for (let i = 0; i < out.length; i++) if (out[i] === 0) out[i] = fill;
  return out;
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

/** SciPy's `jensenshannon(p, q)` (natural log): the square root of the JS divergence. */
export function jensenShannon(p0: ArrayLike<number>, q0: ArrayLike<number>): number {
  const sp = sum(p0);
  const sq = sum(q0);
  let js = 0;
  for (let i = 0; i < p0.length; i++) {
    const p = p0[i] / sp;
    const q = q0[i] / sq;
    const m = (p + q) / 2;
    if (p > 0) js += p * Math.log(p / m);
    if (q > 0) js += q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, js / 2));
}

/** Population stability index of two share vectors (no zero shares). */
export function psi(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < ref.length; i++) s += (ref[i] - cur[i]) * Math.log(ref[i] / cur[i]);
  return s;
}

/**
 * `wasserstein_distance(u, v)` of two weighted sorted samples (SciPy's CDF-difference integral):
 * `uw` / `vw` are the weights (null: equal weights).
 */
export function wasserstein(
  u: ArrayLike<number>,
  uw: ArrayLike<number> | null,
  v: ArrayLike<number>,
  vw: ArrayLike<number> | null,
): number {
  const uTotal = uw ? sum(uw) : u.length;
  const vTotal = vw ? sum(vw) : v.length;
  let i = 0;
  let j = 0;
  let cu = 0;
  let cv = 0;
  let prev = Math.min(u[0], v[0]);
  let dist = 0;
  while (i < u.length || j < v.length) {
    const x = j >= v.length || (i < u.length && u[i] <= v[j]) ? u[i] : v[j];
    dist += Math.abs(cu / uTotal - cv / vTotal) * (x - prev);
    for (; i < u.length && u[i] === x; i++) cu += uw ? uw[i] : 1;
    for (; j < v.length && v[j] === x; j++) cv += vw ? vw[j] : 1;
    prev = x;
  }
  return dist;
}

/**
 * A numeric sketch as a weighted sample: its values, its value counts, or its order statistics
 * with the end ones at half weight (the piecewise-linear quantile function's trapezoid rule).
 */
export function sketchSample(s: NumericSketch): { values: number[]; weights: number[] | null } {
  if (s.values) return { values: s.values, weights: null };
  if (s.value_counts) return { values: s.value_counts.values, weights: s.value_counts.counts };
  const q = s.quantiles!;
  return { values: q, weights: q.map((_, i) => (i === 0 || i === q.length - 1 ? 0.5 : 1)) };
}

/**
 * Evidently's Wasserstein drift score: distance / max(reference std, 0.001). From order statistics
 * the distance is off by at most (max - min) / (QUANTILES - 1).
 */
export function normedWasserstein(ref: NumericSketch, cur: Float64Array): number {
  const { values, weights } = sketchSample(ref);
  return wasserstein(values, weights, cur, null) / Math.max(ref.std, 0.001);
}

/** Largest gap a sketch's Wasserstein distance may be off by (0 for exact samples). */
export const wassersteinError = (s: NumericSketch) => (s.quantiles ? (s.max - s.min) / (QUANTILES - 1) : 0);

/**
 * Reference and current counts in `bins` equal-width bins over the range of both (numpy's
 * `histogram_bin_edges(bins=n)` and `histogram`: bins closed on the left, the last one on both
 * sides), the reference's from its sketch.
 */
export function numericBins(
  ref: NumericSketch,
  cur: Float64Array,
  bins: number,
): { ref: Float64Array; cur: Float64Array; edges: Float64Array } {
  let lo = Math.min(ref.count > 0 ? ref.min : cur[0], cur.length > 0 ? cur[0] : ref.min);
  let hi = Math.max(
    ref.count > 0 ? ref.max : cur[cur.length - 1],
    cur.length > 0 ? cur[cur.length - 1] : ref.max,
  );
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  edges[bins] = hi;
  const refCounts = new Float64Array(bins);
  const curCounts = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const last = b === bins - 1;
    const upper = last ? sketchCdf(ref, edges[b + 1]) : sketchCdf(ref, edges[b + 1], true);
    const c = (upper - sketchCdf(ref, edges[b], true)) * ref.count;
    // Kept values give whole counts: no rounding noise in a PSI of identical samples.
    refCounts[b] = ref.quantiles ? c : Math.round(c);
  }
  // Current values are sorted: one pass.
  let b = 0;
  for (let i = 0; i < cur.length; i++) {
    while (b < bins - 1 && cur[i] >= edges[b + 1]) b++;
    curCounts[b]++;
  }
  return { ref: refCounts, cur: curCounts, edges };
}
