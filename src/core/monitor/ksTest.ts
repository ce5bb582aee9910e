/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, as SciPy's `ks_2samp(method="auto")` (1.17):
 * the exact p-value when both samples have at most 10,000 values (Hodges' lattice-path count,
 * Viehmann's 1 - p recursion; the n1 = n2 closed form), else the asymptotic one, SciPy's
 * `kstwo.sf(d, round(n1 n2 / (n1 + n2)))`: here the exact Kolmogorov distribution by the
 * Durbin matrix (Marsaglia, Tsang & Wang 2003), as SciPy's `_kolmogn_DMTW`, or in the tail twice
 * the one-sided Smirnov probability where SciPy takes that (its Pelz-Good series for the middle
 * of large n is not ported: the exact value differs from it by ~1e-8). Ported from
 * scipy/stats/_stats_py.py, _stats_pythran.py and _ksstats.py.
 */

import { lnGamma } from "../features/selection/specialFunctions.ts";

/** Samples up to this size get the exact p-value (SciPy's MAX_AUTO_N). */
export const KS_EXACT_MAX_N = 10_000;

/** The KS statistic and its p-value, and which computation gave it. */
export interface KsResult {
  statistic: number;
  pValue: number;
  method: "exact" | "asymptotic";
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** sup |F1 - F2| of two sorted samples (NaN-free), right-continuous ECDFs as SciPy's. */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 && j < n2) {
    const x = Math.min(a[i], b[j]);
    while (i < n1 && a[i] <= x) i++;
    while (j < n2 && b[j] <= x) j++;
    const diff = Math.abs(i / n1 - j / n2);
    if (diff > d) d = diff;
  }
  return d;
}

/** Pr(D_{n,n} >= h / n), SciPy's `_compute_prob_outside_square`. */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/** 1 - the share of lattice paths strictly inside the band, SciPy's `_compute_outer_prob_inside_method`. */
function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}

const E128 = 2 ** 128;

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += aik * b[k * m + j];
    }
  }
  return out;
}

/** Pr(D_n <= d) for the one-sample Kolmogorov statistic, SciPy's `_kolmogn_DMTW`. */
export function kolmogorovCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  // Far in the tail the matrix grows and the answer is 1 to double precision (SciPy cuts at 18 too).
  if (nd * d >= 18) return 1;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let H: Float64Array<ArrayBuffer> = new Float64Array(m * m);
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let P: Float64Array<ArrayBuffer> = new Float64Array(m * m);
  for (let i = 0; i < m; i++) P[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      P = matmul(P, H, m);
      expnt += hExpnt;
    }
    H = matmul(H, H, m);
    hExpnt *= 2;
    if (Math.abs(H[(k - 1) * m + k - 1]) > E128) {
      for (let i = 0; i < H.length; i++) H[i] /= E128;
      hExpnt += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = P[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < 1 / E128) {
      p *= E128;
      expnt -= 128;
    }
  }
  if (expnt !== 0) p *= 2 ** expnt;
  return Math.min(1, Math.max(0, p));
}

/**
 * Pr(D_n+ >= d), the one-sided Smirnov statistic, by the Birnbaum-Tingey sum in logs (as SciPy's
 * `smirnov`, which `kstwo.sf` doubles in the tail).
 */
export function smirnovSf(n: number, d: number): number {
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  const lnN = lnGamma(n + 1);
  let sum = 0;
  for (let j = 0; j <= Math.floor(n * (1 - d)); j++) {
    const a = 1 - d - j / n;
    if (a <= 0 && n - j > 0) continue;
    const ln =
      lnN -
      lnGamma(j + 1) -
      lnGamma(n - j + 1) +
      (n - j) * Math.log(Math.max(a, 1e-300)) +
      (j - 1) * Math.log(d + j / n);
    sum += Math.exp(ln);
  }
  return Math.min(1, d * sum);
}

/**
 * Pr(D_n >= d) as SciPy's `kstwo.sf` chooses: twice the one-sided tail where the two tails cannot
 * both be reached (d >= 0.5) or SciPy takes it as exact enough (n d^2 > 4 for n <= 140, >= 2.2
 * beyond), else 1 - the Durbin-matrix CDF.
 */
export function kolmogorovSf(n: number, d: number): number {
  const nd2 = n * d * d;
  if (d >= 0.5 || (n <= 140 ? nd2 > 4 : nd2 >= 2.2)) return Math.min(1, Math.max(0, 2 * smirnovSf(n, d)));
  return 1 - kolmogorovCdf(n, d);
}

/** Two-sided KS test of two sorted, NaN-free samples. */
export function ksTest(a: Float64Array, b: Float64Array): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  const d = ksStatistic(a, b);
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    const dExact = h / lcm;
    if (h === 0) return { statistic: dExact, pValue: 1, method: "exact" };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    if (Number.isFinite(p) && p >= 0 && p <= 1) return { statistic: dExact, pValue: p, method: "exact" };
  }
  const en = Math.round((n1 * n2) / (n1 + n2));
  return { statistic: d, pValue: Math.min(1, Math.max(0, kolmogorovSf(en, d))), method: "asymptotic" };
}
