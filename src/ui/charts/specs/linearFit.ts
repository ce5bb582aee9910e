/** An ordinary least-squares line y = intercept + slope·x. */
export interface LinearFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination of the fit (the squared Pearson correlation). */
  r2: number;
  n: number;
}

/**
 * Least squares over the pairs where both values are finite; null with fewer than 2 pairs or when x
 * does not vary. Centred sums (x - mean), so large offsets such as timestamps keep their precision.
 */
export function linearFit(xs: readonly (number | null)[], ys: readonly (number | null)[]): LinearFit | null {
  let n = 0;
  let mx = 0;
  let my = 0;
  const len = Math.min(xs.length, ys.length);
  for (let i = 0; i < len; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    n++;
    mx += (x - mx) / n;
    my += (y - my) / n;
  }
  if (n < 2) return null;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < len; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: my - slope * mx, r2, n };
}
