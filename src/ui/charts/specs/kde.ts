/** A point of an estimated density curve. */
export interface DensityPoint {
  x: number;
  density: number;
}

export interface KdeResult {
  bandwidth: number;
  points: DensityPoint[];
}

/** The q-quantile of ascending values, linear between order statistics (R type 7, numpy's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Silverman's rule of thumb for a Gaussian kernel: 0.9 · min(sd, IQR / 1.34) · n^(-1/5)
 * (Silverman 1986, eq. 3.31). Falls back to the sd when the IQR is 0; 0 for constant data.
 */
export function silvermanBandwidth(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n < 2) return 0;
  let mean = 0;
  for (const x of sorted) mean += x;
  mean /= n;
  let ss = 0;
  for (const x of sorted) ss += (x - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  return 0.9 * spread * n ** -0.2;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Gaussian kernel density estimate on an even grid of `points` from min - cut·h to max + cut·h, so
 * the curve reaches ~0 at both ends and its area is ~1. Non-finite values are skipped. A constant
 * sample gets a bandwidth of 1% of |value| (or 1) so it still draws as a narrow peak.
 */
export function kde(
  values: readonly (number | null)[],
  opts: { bandwidth?: number; points?: number; cut?: number } = {},
): KdeResult {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  xs.sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { bandwidth: 0, points: [] };
  let h = opts.bandwidth ?? silvermanBandwidth(xs);
  if (!(h > 0)) h = Math.abs(xs[0]) * 0.01 || 1;
  const m = Math.max(2, opts.points ?? 128);
  const cut = opts.cut ?? 3;
  const lo = xs[0] - cut * h;
  const hi = xs[n - 1] + cut * h;
  const step = (hi - lo) / (m - 1);
  const points: DensityPoint[] = [];
  const scale = INV_SQRT_2PI / (n * h);
  // Values are sorted: only those within 6h of a grid point add anything measurable.
  let start = 0;
  for (let k = 0; k < m; k++) {
    const x = lo + k * step;
    while (start < n && xs[start] < x - 6 * h) start++;
    let sum = 0;
    for (let i = start; i < n && xs[i] <= x + 6 * h; i++) {
      const u = (x - xs[i]) / h;
      sum += Math.exp(-0.5 * u * u);
    }
    points.push({ x, density: sum * scale });
  }
  return { bandwidth: h, points };
}
