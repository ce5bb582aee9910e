/**
 * Mean, sample standard deviation, skewness and excess kurtosis with pandas' formulas
 * (pandas/core/nanops.py `nanskew`, `nankurt`): centred sums M2, M3, M4, then
 * skew = n·sqrt(n-1)/(n-2) · M3 / M2^1.5 (adjusted Fisher-Pearson G1) and
 * kurt = n(n+1)(n-1)·M4 / ((n-2)(n-3)·M2²) - 3(n-1)² / ((n-2)(n-3)).
 * Like pandas, a column without spread has skew and kurtosis 0, and too few values give null.
 */
export interface Moments {
  count: number;
  mean: number;
  /** Sample standard deviation (n - 1); null below 2 values. */
  std: number | null;
  /** null below 3 values. */
  skewness: number | null;
  /** Excess kurtosis; null below 4 values. */
  kurtosis: number | null;
}

/** pandas zeroes sums this small so that float noise in a constant column does not become skew. */
const FP_ZERO = 1e-14;

export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (n === 0) return { count: 0, mean: Number.NaN, std: null, skewness: null, kurtosis: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const flat = Math.abs(m2) < FP_ZERO;
  if (Math.abs(m3) < FP_ZERO) m3 = 0;
  if (Math.abs(m4) < FP_ZERO) m4 = 0;
  const std = n >= 2 ? Math.sqrt(m2 / (n - 1)) : null;
  let skewness: number | null = null;
  if (n >= 3) skewness = flat ? 0 : ((n * Math.sqrt(n - 1)) / (n - 2)) * (m3 / m2 ** 1.5);
  let kurtosis: number | null = null;
  if (n >= 4) {
    const denom = (n - 2) * (n - 3) * m2 * m2;
    kurtosis =
      flat || denom === 0
        ? 0
        : (n * (n + 1) * (n - 1) * m4) / denom - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  }
  return { count: n, mean, std, skewness, kurtosis };
}
