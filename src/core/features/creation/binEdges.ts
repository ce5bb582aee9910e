/**
 * Inner bin edges, as scikit-learn's KBinsDiscretizer: `bins` bins need `bins - 1` inner edges;
 * a value's bin is the count of inner edges <= it (numpy's `searchsorted(..., side="right")`), so
 * values below the first edge land in bin 0 and values past the training range in the last bin.
 */

/** Equal-width inner edges over [min, max] of the finite values; [] when they are constant or absent. */
export function equalWidthEdges(values: ArrayLike<number>, bins: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return [];
  return Array.from({ length: bins - 1 }, (_, i) => lo + ((hi - lo) * (i + 1)) / bins);
}

/** The q-quantile (0..1) of sorted values, interpolated linearly (numpy's default "linear" method). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Quantile inner edges at i / bins (i = 1 .. bins - 1) of the finite values. As scikit-learn, an
 * edge within 1e-8 of the one before it (ties in the data) is dropped, so there may be fewer bins
 * than asked for.
 */
export function quantileEdges(values: ArrayLike<number>, bins: number): number[] {
  const finite = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  if (finite.length === 0) return [];
  const full = Array.from({ length: bins + 1 }, (_, i) => quantileSorted(finite, i / bins));
  const kept = full.filter((e, i) => i === 0 || e - full[i - 1] > 1e-8);
  return kept.slice(1, -1);
}

/** The bin index of x under ascending inner edges (NaN stays NaN). */
export function binIndex(edges: readonly number[], x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
